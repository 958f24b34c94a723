using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Queue;

/// <param name="Announcements">The spoken call per language with {number} and {counter}; languages left out use the standard wording.</param>
public sealed record QueueRulesDto(int PriorityRatio, int RecallLimit, int AppointmentWindowMinutes, int RatingWindowSeconds, int AlertPlacesAhead,
    LocalizedText Announcements);

/// <summary>A branch's queue rules, as administrators read and set them; the routing order itself is explained in TicketRouter.</summary>
public static class QueueRulesEndpoints
{
    public static readonly string[] Placeholders = ["{number}", "{counter}"];

    public static void MapQueueRules(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/api/branches/{branch}/queue-rules").WithTags("Queue").RequireAuthorization(Permissions.OrganisationRead);
        rules.MapGet("", Get);
        rules.MapPut("", Update).RequireAuthorization(Permissions.OrganisationManage);
    }

    private static async Task<Results<Ok<QueueRulesDto>, ProblemHttpResult>> Get(string branch, ClaimsPrincipal user, QueueContext q, CancellationToken ct)
    {
        var (layout, problem) = await q.FindBranchAsync(branch, user, ct);
        return layout is null ? problem! : TypedResults.Ok(ToDto(layout.Branch));
    }

    private static async Task<Results<Ok<QueueRulesDto>, ValidationProblem, ProblemHttpResult>> Update(
        string branch, QueueRulesDto r, ClaimsPrincipal user, QueueContext q, AuditLog audit, CancellationToken ct)
    {
        var (layout, problem) = await q.FindBranchAsync(branch, user, ct);
        if (layout is null) return problem!;
        var v = new Validation();
        v.Range("priorityRatio", r.PriorityRatio, 1, 20);
        v.Range("recallLimit", r.RecallLimit, 0, 10);
        v.Range("appointmentWindowMinutes", r.AppointmentWindowMinutes, 0, 240);
        v.Range("ratingWindowSeconds", r.RatingWindowSeconds, 10, 900);
        v.Range("alertPlacesAhead", r.AlertPlacesAhead, 0, 50);
        foreach (var (language, template) in r.Announcements ?? [])
        {
            if (!Languages.IsSupported(language)) v.Language($"announcements.{language}", language);
            else if (template.Length > 200) v.Add($"announcements.{language}", "validation.maxLength", 200);
            else if (!string.IsNullOrWhiteSpace(template) && Placeholders.Any(p => !template.Contains(p)))
                v.Add($"announcements.{language}", "validation.placeholders", string.Join(", ", Placeholders));
        }
        if (!v.IsValid) return v.Problem();

        var row = await q.Db.Branches.FirstAsync(b => b.Id == layout.Branch.Id, ct);
        row.PriorityRatio = r.PriorityRatio;
        row.RecallLimit = r.RecallLimit;
        row.AppointmentWindowMinutes = r.AppointmentWindowMinutes;
        row.RatingWindowSeconds = r.RatingWindowSeconds;
        row.AlertPlacesAhead = r.AlertPlacesAhead;
        var announcements = new LocalizedText((r.Announcements ?? []).Where(a => !string.IsNullOrWhiteSpace(a.Value))
            .Select(a => KeyValuePair.Create(a.Key, a.Value.Trim())));
        row.Announcements = announcements.Count == 0 ? null : announcements;
        audit.Record("queue.rules_changed", $"branch:{row.Code}", ToDto(row));
        await q.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(row));
    }

    private static QueueRulesDto ToDto(Branch b) => new(b.PriorityRatio, b.RecallLimit, b.AppointmentWindowMinutes, b.RatingWindowSeconds,
        b.AlertPlacesAhead, b.Announcements ?? new LocalizedText());
}
