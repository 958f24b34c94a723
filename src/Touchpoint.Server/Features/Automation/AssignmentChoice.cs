using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Automation;

/// <param name="Load">Open cases assigned now (not solved or closed).</param>
/// <param name="LastAssignedAt">When they last got a case from auto-assignment: the round-robin order.</param>
public sealed record AssignmentCandidate(Guid UserId, IReadOnlyCollection<string> Skills, int Capacity, int Load, DateTime? LastAssignedAt);

/// <summary>
/// Who gets a case: among available staff under capacity whose skills fit, the least loaded; among equals, whoever
/// waited longest since their last case (never-assigned first), then by id so the choice is the same on every node.
/// Skills are case categories and language codes: someone who lists languages takes cases in those only, and someone
/// who lists categories takes those categories only (and uncategorised cases); no skills of a kind means any.
/// </summary>
public static class AssignmentChoice
{
    public static AssignmentCandidate? Choose(IEnumerable<AssignmentCandidate> candidates, string? category, string language) =>
        candidates.Where(c => c.Load < c.Capacity && Fits(c.Skills, category, language))
            .OrderBy(c => c.Load)
            .ThenBy(c => c.LastAssignedAt ?? DateTime.MinValue)
            .ThenBy(c => c.UserId)
            .FirstOrDefault();

    public static bool Fits(IReadOnlyCollection<string> skills, string? category, string language)
    {
        var languages = skills.Where(Languages.IsSupported).ToList();
        var categories = skills.Where(s => !Languages.IsSupported(s)).ToList();
        if (languages.Count > 0 && !languages.Contains(language, StringComparer.OrdinalIgnoreCase)) return false;
        if (category is not null && categories.Count > 0 && !categories.Contains(category, StringComparer.OrdinalIgnoreCase)) return false;
        return true;
    }
}
