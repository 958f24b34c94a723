using System.Reflection;

namespace Touchpoint.Server.Features.Chat;

/// <summary>
/// Serves the embeddable widget: <c>/chat/widget.js</c> (the loader a site includes) and <c>/chat/frame</c> (the chat
/// itself, in an iframe on Touchpoint's origin). Both are in the assembly, so they work without the web app's build.
/// </summary>
public static class ChatWidget
{
    private static readonly Lazy<byte[]> Loader = new(() => Read("widget.js"));
    private static readonly Lazy<byte[]> Frame = new(() => Read("frame.html"));

    public static void MapChatWidget(this IEndpointRouteBuilder app)
    {
        app.MapGet("/chat/widget.js", (HttpContext ctx) =>
        {
            // Sites cache the loader briefly: a new version reaches them within the hour.
            ctx.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(Loader.Value, "text/javascript; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/chat/frame", (HttpContext ctx) =>
        {
            // Meant to be framed by any site; it never acts on the parent page, only tells it to resize.
            ctx.Response.Headers.CacheControl = "no-cache";
            ctx.Response.Headers["Referrer-Policy"] = "no-referrer";
            return Results.Bytes(Frame.Value, "text/html; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
    }

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Touchpoint.Server.Chat." + name)
            ?? throw new InvalidOperationException("The chat widget resource " + name + " is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
