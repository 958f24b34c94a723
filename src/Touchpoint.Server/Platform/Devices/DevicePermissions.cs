namespace Touchpoint.Server.Platform.Devices;

/// <summary>
/// A device token grants exactly one permission, named after its kind, and only within its branch (and counter).
/// The queue endpoints for kiosks, displays, counter terminals and pads require these.
/// </summary>
public static class DevicePermissions
{
    public const string Kiosk = "device.kiosk";
    public const string Display = "device.display";
    public const string Counter = "device.counter";
    public const string Pad = "device.pad";

    public static string For(string kind) => "device." + kind;
}
