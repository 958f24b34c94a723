using Touchpoint.Server.Features.Customers;

namespace Touchpoint.Server.Features.Queue;

/// <summary>
/// How the lobby call, the counter and the evaluation pad adapt to a customer's accessibility needs. A ticket carries
/// these modes, never the needs themselves: the lobby screen is public, and "repeat the call" says nothing about
/// anybody's health.
/// </summary>
public static class TicketCare
{
    /// <summary>The call stands out on the display, longer: for a customer who may not hear it.</summary>
    public const string Visual = "visual";
    /// <summary>The call is spoken twice and more slowly: for a customer who may not see the screen, or needs time.</summary>
    public const string Repeat = "repeat";
    /// <summary>The pad shows large type and reads its question aloud.</summary>
    public const string Large = "large";

    public static List<string> For(IEnumerable<string> needs)
    {
        var set = needs.ToHashSet();
        var care = new List<string>(3);
        if (set.Contains(CustomerNeeds.Hearing)) care.Add(Visual);
        if (set.Contains(CustomerNeeds.Sight) || set.Contains(CustomerNeeds.Elderly)) care.AddRange([Repeat, Large]);
        return care;
    }
}
