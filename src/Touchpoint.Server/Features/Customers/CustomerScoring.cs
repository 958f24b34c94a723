namespace Touchpoint.Server.Features.Customers;

public static class CustomerTiers
{
    public const string New = "new";
    public const string Top = "top";
    public const string Loyal = "loyal";
    public const string Promising = "promising";
    public const string Regular = "regular";
    public const string AtRisk = "atRisk";
    public const string Dormant = "dormant";
    public static readonly IReadOnlyList<string> All = [New, Top, Loyal, Promising, Regular, AtRisk, Dormant];
}

/// <summary>
/// RFM scoring (recency, frequency, monetary value, 1 to 5 each) and the tier read from it. Thresholds are fixed and
/// readable rather than quintiles of the population, so a customer's tier does not move because others changed, and
/// one customer can be rescored alone when their profile changes.
/// </summary>
public static class CustomerScoring
{
    public static int Recency(DateTime? lastSeen, DateTime now) => lastSeen is not { } seen ? 1 : (now - seen).TotalDays switch
    {
        <= 30 => 5, <= 90 => 4, <= 180 => 3, <= 365 => 2, _ => 1,
    };

    public static int Frequency(int visitsLastYear) => visitsLastYear switch { >= 12 => 5, >= 6 => 4, >= 3 => 3, >= 1 => 2, _ => 1 };

    public static int Monetary(double value) => value switch { >= 1_000_000 => 5, >= 200_000 => 4, >= 50_000 => 3, >= 5_000 => 2, _ => 1 };

    public static (string Rfm, string Tier) Score(DateTime? lastSeen, int visitsLastYear, double value, DateTime createdAt, DateTime now)
    {
        int r = Recency(lastSeen, now), f = Frequency(visitsLastYear), m = Monetary(value);
        var tier = (r, f, m) switch
        {
            _ when lastSeen is null && now - createdAt < TimeSpan.FromDays(90) => CustomerTiers.New,
            ( >= 4, >= 4, >= 4) => CustomerTiers.Top,
            ( >= 3, >= 4, _) => CustomerTiers.Loyal,
            ( <= 2, >= 3, _) or ( <= 2, _, >= 4) => CustomerTiers.AtRisk,
            (1, _, _) => CustomerTiers.Dormant,
            ( >= 4, _, _) => CustomerTiers.Promising,
            _ => CustomerTiers.Regular,
        };
        return ($"R{r}F{f}M{m}", tier);
    }

    /// <summary>Whether a customer with these facts meets every condition the segment sets.</summary>
    public static bool Matches(SegmentRules rules, Customer c, DateTime now)
    {
        var daysSinceSeen = c.LastSeenAt is { } seen ? (now - seen).TotalDays : double.PositiveInfinity;
        return (rules.MinValue is not { } minValue || c.Value >= minValue)
            && (rules.MinVisitsLastYear is not { } minVisits || c.VisitsLastYear >= minVisits)
            && (rules.SeenWithinDays is not { } within || daysSinceSeen <= within)
            && (rules.NotSeenForDays is not { } lapsed || daysSinceSeen >= lapsed)
            && (rules.AnyTags is not { Count: > 0 } tags || c.Tags.Intersect(tags, StringComparer.OrdinalIgnoreCase).Any())
            && (rules.AnyTiers is not { Count: > 0 } tiers || tiers.Contains(c.Tier))
            && (rules.AnyNeeds is not { Count: > 0 } needs || c.Needs.Intersect(needs).Any())
            && (rules.Vip is not { } vip || c.IsVip(now) == vip);
    }
}
