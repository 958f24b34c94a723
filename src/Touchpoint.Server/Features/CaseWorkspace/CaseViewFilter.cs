using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Features.Teams;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Features.CaseWorkspace;

/// <summary>
/// What a saved view selects. Every part is optional; lists mean "any of" (statuses) or "all of" (tags).
/// </summary>
/// <param name="Assignee">me, none, or empty for anyone.</param>
/// <param name="Team">mine (the viewer's teams), none, or a team's id; views saved before teams were records may hold a name.</param>
/// <param name="Sla">breached, dueSoon (within the warning window or the next hour) or onTrack.</param>
/// <param name="Sort">newest (default), oldest, slaDue or priority.</param>
public sealed record CaseViewFilter(
    List<string>? Statuses = null, string? Priority = null, string? Assignee = null, string? Team = null, string? Category = null,
    List<string>? Tags = null, string? Channel = null, string? Sla = null, string? Sort = null);

public static class CaseViewFilters
{
    public static readonly IReadOnlyList<string> SlaStates = ["breached", "dueSoon", "onTrack"];
    public static readonly IReadOnlyList<string> Sorts = ["newest", "oldest", "slaDue", "priority"];
    public static readonly IReadOnlyList<string> Active = [CaseStatuses.New, CaseStatuses.Open, CaseStatuses.PendingCustomer, CaseStatuses.OnHold];
    private static readonly TimeSpan DueSoonWindow = TimeSpan.FromHours(1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ToJson(CaseViewFilter f) => JsonSerializer.Serialize(f, Json);
    public static CaseViewFilter FromJson(string json) => JsonSerializer.Deserialize<CaseViewFilter>(json, Json) ?? new CaseViewFilter();

    public static void Validate(Validation v, CaseViewFilter? f)
    {
        if (f is null) return;
        foreach (var (s, i) in (f.Statuses ?? []).Select((s, i) => (s, i)))
            if (!CaseStatuses.All.Contains(s)) v.Add($"filter.statuses[{i}]", "validation.oneOf", string.Join(", ", CaseStatuses.All));
        if (f.Priority is not null && !CasePriorities.All.Contains(f.Priority)) v.Add("filter.priority", "validation.oneOf", string.Join(", ", CasePriorities.All));
        if (f.Assignee is not (null or "me" or "none")) v.Add("filter.assignee", "validation.oneOf", "me, none");
        v.MaxLength("filter.team", f.Team, 64); // and CheckFilterAsync when saved: mine, none or a team id
        v.MaxLength("filter.category", f.Category, 64);
        if ((f.Tags?.Count ?? 0) > 10) v.Add("filter.tags", "workspace.tooManyTags", 10);
        foreach (var (t, i) in (f.Tags ?? []).Select((t, i) => (t, i)))
            if (string.IsNullOrWhiteSpace(t) || t.Length > 64) v.Add($"filter.tags[{i}]", "validation.maxLength", 64);
        if (f.Channel is not null && !CaseChannels.All.Contains(f.Channel)) v.Add("filter.channel", "validation.oneOf", string.Join(", ", CaseChannels.All));
        if (f.Sla is not null && !SlaStates.Contains(f.Sla)) v.Add("filter.sla", "validation.oneOf", string.Join(", ", SlaStates));
        if (f.Sort is not null && !Sorts.Contains(f.Sort)) v.Add("filter.sort", "validation.oneOf", string.Join(", ", Sorts));
    }

    /// <summary>The cases the filter selects among <paramref name="branchIds"/> (null: every branch), not yet sorted.</summary>
    public static IQueryable<SupportCase> Apply(TouchpointDb db, CaseViewFilter f, ClaimsPrincipal user, IReadOnlyList<Guid>? branchIds, DateTime now)
    {
        var q = TagsQuery(db, f.Tags).AsNoTracking();
        if (branchIds is not null) q = q.Where(c => branchIds.Contains(c.BranchId));
        if (f.Statuses is { Count: > 0 } statuses) q = q.Where(c => statuses.Contains(c.Status));
        if (f.Priority is { } p) q = q.Where(c => c.Priority == p);
        if (f.Assignee == "none") q = q.Where(c => c.AssigneeId == null);
        else if (f.Assignee == "me") { var me = user.UserId(); q = q.Where(c => c.AssigneeId == me); }
        q = q.WhereTeam(db, f.Team, user.UserId());
        if (!string.IsNullOrWhiteSpace(f.Category)) q = q.Where(c => c.Category == f.Category);
        if (f.Channel is { } ch) q = q.Where(c => c.Channel == ch);
        var soon = now + DueSoonWindow;
        q = f.Sla switch
        {
            "breached" => q.Where(c => c.SlaBreached),
            "dueSoon" => q.Where(c => !c.SlaBreached && c.SlaDueAt != null && (c.SlaDueAt <= soon || (c.SlaWarnAt != null && c.SlaWarnAt <= now))),
            "onTrack" => q.Where(c => !c.SlaBreached && (c.SlaDueAt == null || (c.SlaDueAt > soon && (c.SlaWarnAt == null || c.SlaWarnAt > now)))),
            _ => q,
        };
        return q;
    }

    public static IQueryable<SupportCase> Sort(IQueryable<SupportCase> q, string? sort) => sort switch
    {
        "oldest" => q.OrderBy(c => c.CreatedAt).ThenBy(c => c.Number),
        // Cases without a running clock go last.
        "slaDue" => q.OrderBy(c => c.SlaDueAt == null).ThenBy(c => c.SlaDueAt).ThenBy(c => c.Number),
        "priority" => q.OrderBy(c => c.Priority == CasePriorities.Urgent ? 0 : c.Priority == CasePriorities.High ? 1 : c.Priority == CasePriorities.Normal ? 2 : 3)
            .ThenByDescending(c => c.CreatedAt),
        _ => q.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Number),
    };

    /// <summary>
    /// Tags are a JSON array in one column: a tag is matched as its JSON string, quotes included, so "VIP" never matches
    /// "VIP-old". The same serializer writes the column, so CJK tags are escaped the same way on both sides.
    /// </summary>
    private static IQueryable<SupportCase> TagsQuery(TouchpointDb db, List<string>? tags)
    {
        if (tags is not { Count: > 0 }) return db.Cases;
        var conditions = new List<string>();
        var args = new List<object>();
        foreach (var tag in tags)
        {
            var encoded = JsonSerializer.Serialize(tag.Trim(), Json).Replace("!", "!!").Replace("%", "!%").Replace("_", "!_");
            conditions.Add($"\"Tags\" LIKE {{{args.Count}}} ESCAPE '!'");
            args.Add("%" + encoded + "%");
        }
        // Only placeholders are put into the text; the values travel as parameters.
#pragma warning disable EF1002
        return db.Cases.FromSqlRaw($"SELECT * FROM \"Cases\" WHERE {string.Join(" AND ", conditions)}", [.. args]);
#pragma warning restore EF1002
    }
}
