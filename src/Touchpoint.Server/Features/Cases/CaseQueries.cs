using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Privacy;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Features.Teams;

namespace Touchpoint.Server.Features.Cases;

/// <param name="CustomerName">Masked (first character only): lists are read on screens others may see.</param>
public sealed record CaseListItem(
    Guid Id, string Reference, string BranchCode, string Subject, string Channel, string Priority, string? Category, string Status,
    string CustomerName, Guid? AssigneeId, string? AssigneeName, DateTime CreatedAt, DateTime? SlaDueAt, string? SlaTarget, bool SlaBreached,
    Guid? TeamId, string? Team);
/// <param name="Next">Pass as <c>after</c> for the next page; null on the last page.</param>
public sealed record CaseListRow(
    Guid Id, string Reference, Guid BranchId, string Subject, string Channel, string Priority, string? Category, string Status,
    string CustomerName, Guid? AssigneeId, DateTime CreatedAt, long Number, DateTime? SlaDueAt, string? SlaTarget, bool SlaBreached,
    Guid? TeamId, string? Team);
public sealed record CasePage(IReadOnlyList<CaseListItem> Items, string? Next);

public sealed record CaseMessageDto(Guid Id, string Visibility, string Direction, string AuthorName, string Body, DateTime CreatedAt);
public sealed record CaseLinkDto(Guid Id, string Reference, string Subject, string Status, string Kind);
public sealed record CaseSlaDto(
    DateTime? FirstResponseDueAt, DateTime? FirstRespondedAt, DateTime? NextResponseDueAt, DateTime? ResolutionDueAt, DateTime? SolvedAt,
    DateTime? PausedAt, DateTime? DueAt, string? Target, bool Breached);
public sealed record CaseCustomerDto(Guid? Id, string Name, string? Email, string? Phone);
public sealed record CaseDetail(
    Guid Id, string Reference, string BranchCode, string Subject, string Description, string Channel, string Priority, string? Category,
    IReadOnlyList<string> Tags, string Status, IReadOnlyList<string> NextStatuses, CaseCustomerDto Customer, Guid? AssigneeId,
    string? AssigneeName, string? Team, DateTime CreatedAt, DateTime UpdatedAt, Guid? MergedIntoId, CaseSlaDto Sla,
    IReadOnlyList<CaseMessageDto> Messages, IReadOnlyList<CaseLinkDto> Links, string Language, string? SurveyUrl = null, Guid? TeamId = null);

public static class CaseQueries
{
    public const int DefaultPageSize = 50;

    /// <summary>
    /// Newest first, with keyset paging on (CreatedAt, Number): each page is one index range scan, however deep, so the
    /// first page of a long list costs the same as any other.
    /// </summary>
    public static async Task<Results<Ok<CasePage>, ValidationProblem>> List(
        ClaimsPrincipal user, CaseContext cases, CancellationToken ct, string? status = null, string? priority = null,
        string? assignee = null, string? branch = null, string? q = null, string? after = null, int? limit = null, string? team = null)
    {
        var v = new Validation();
        if (status is not null && !CaseStatuses.All.Contains(status)) v.Add("status", "validation.oneOf", string.Join(", ", CaseStatuses.All));
        if (priority is not null && !CasePriorities.All.Contains(priority)) v.Add("priority", "validation.oneOf", string.Join(", ", CasePriorities.All));
        Guid? assigneeId = null;
        if (assignee is "me") assigneeId = user.UserId();
        else if (assignee is not null and not "none")
        {
            if (Guid.TryParse(assignee, out var a)) assigneeId = a;
            else v.Add("assignee", "validation.assignee");
        }
        var size = limit ?? DefaultPageSize;
        v.Range("limit", size, 1, 200);
        (DateTime At, long Number)? cursor = null;
        if (after is not null)
        {
            cursor = ParseCursor(after);
            if (cursor is null) v.Add("after", "validation.cursor");
        }
        var db = cases.Db;
        var query = db.Cases.AsNoTracking();
        if (branch is not null)
        {
            var b = await cases.BranchAsync(branch, ct);
            if (b is null) v.Add("branch", "validation.unknownBranch", branch);
            else if (!user.CanAccessBranch(b.Branch.Code)) v.Add("branch", "problem.forbidden");
            else query = query.Where(c => c.BranchId == b.Branch.Id);
        }
        else if (await BranchIdsAsync(user, cases, ct) is { } ids) query = query.Where(c => ids.Contains(c.BranchId));
        await Teams.TeamLookup.CheckFilterAsync(v, "team", team, user, db, ct);
        if (!v.IsValid) return v.Problem();

        if (status is not null) query = query.Where(c => c.Status == status);
        if (priority is not null) query = query.Where(c => c.Priority == priority);
        query = query.WhereTeam(db, team, user.UserId());
        if (assignee is "none") query = query.Where(c => c.AssigneeId == null);
        else if (assigneeId is { } aid) query = query.Where(c => c.AssigneeId == aid);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(c => c.Subject.Contains(term) || c.Reference == term.ToUpper());
        }
        if (cursor is { } k) query = query.Where(c => c.CreatedAt < k.At || (c.CreatedAt == k.At && c.Number < k.Number));

        var rows = await ListRows(query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Number).Take(size + 1)).ToListAsync(ct);
        var page = rows.Take(size).ToList();
        var items = await ListItemsAsync(cases, page, ct);
        var next = rows.Count > size ? FormatCursor(page[^1].CreatedAt, page[^1].Number) : null;
        return TypedResults.Ok(new CasePage(items, next));
    }

    /// <summary>The caller's branch ids (from the branch cache), or null when their role spans every branch.</summary>
    public static async Task<List<Guid>?> BranchIdsAsync(ClaimsPrincipal user, CaseContext cases, CancellationToken ct)
    {
        if (user.SpansAllBranches()) return null;
        var ids = new List<Guid>();
        foreach (var code in user.BranchCodes())
            if (await cases.BranchAsync(code, ct) is { } b) ids.Add(b.Branch.Id);
        return ids;
    }

    /// <summary>The columns a list row needs, not the whole case (descriptions and customer contacts stay in the table).</summary>
    public static IQueryable<CaseListRow> ListRows(IQueryable<SupportCase> cases) => cases.Select(c => new CaseListRow(
        c.Id, c.Reference, c.BranchId, c.Subject, c.Channel, c.Priority, c.Category, c.Status, c.CustomerName, c.AssigneeId,
        c.CreatedAt, c.Number, c.SlaDueAt, c.SlaTarget, c.SlaBreached, c.TeamId, c.Team));

    /// <summary>List rows as the screen reads them: branch codes, assignees' names, the customer's name masked.</summary>
    public static async Task<List<CaseListItem>> ListItemsAsync(CaseContext cases, IReadOnlyList<CaseListRow> rows, CancellationToken ct)
    {
        var names = await UserNamesAsync(cases, rows.Select(r => r.AssigneeId), ct);
        var items = new List<CaseListItem>(rows.Count);
        foreach (var r in rows)
            items.Add(new CaseListItem(r.Id, r.Reference, (await cases.BranchAsync(r.BranchId, ct))?.Branch.Code ?? "", r.Subject, r.Channel,
                r.Priority, r.Category, r.Status, Masks.ShortName(r.CustomerName), r.AssigneeId, r.AssigneeId is { } a ? names.GetValueOrDefault(a) : null,
                r.CreatedAt, r.SlaDueAt, r.SlaTarget, r.SlaBreached, r.TeamId, r.Team));
        return items;
    }

    public static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, CaseContext cases, CancellationToken ct)
    {
        var (c, branch, problem) = await cases.FindAsync(id, user, ct);
        if (c is null) return problem!;
        return TypedResults.Ok(await DetailAsync(cases, c, branch!.Branch.Code, ct));
    }

    public static async Task<CaseDetail> DetailAsync(CaseContext cases, SupportCase c, string branchCode, CancellationToken ct)
    {
        var db = cases.Db;
        var messages = await db.CaseMessages.AsNoTracking().Where(m => m.CaseId == c.Id).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new CaseMessageDto(m.Id, m.Visibility, m.Direction, m.AuthorName, m.Body, m.CreatedAt)).ToListAsync(ct);
        var links = await (from l in db.CaseLinks.AsNoTracking()
                           where l.CaseId == c.Id
                           join o in db.Cases.AsNoTracking() on l.LinkedCaseId equals o.Id
                           select new CaseLinkDto(o.Id, o.Reference, o.Subject, o.Status, l.Kind)).ToListAsync(ct);
        var names = await UserNamesAsync(cases, [c.AssigneeId], ct);
        var next = CaseStatuses.All.Where(s => CaseStatuses.CanMove(c.Status, s)).ToList();
        return new CaseDetail(c.Id, c.Reference, branchCode, c.Subject, c.Description, c.Channel, c.Priority, c.Category, c.Tags, c.Status, next,
            new CaseCustomerDto(c.CustomerId, c.CustomerName, c.CustomerEmail, c.CustomerPhone), c.AssigneeId,
            c.AssigneeId is { } a ? names.GetValueOrDefault(a) : null, c.Team, c.CreatedAt, c.UpdatedAt, c.MergedIntoId,
            new CaseSlaDto(c.FirstResponseDueAt, c.FirstRespondedAt, c.NextResponseDueAt, c.ResolutionDueAt, c.SolvedAt, c.SlaPausedAt,
                c.SlaDueAt, c.SlaTarget, c.SlaBreached),
            messages, links, c.Language, c.Status is CaseStatuses.Solved or CaseStatuses.Closed ? await cases.Surveys.UrlForCaseAsync(db, c.Id, ct) : null,
            c.TeamId);
    }

    private static async Task<Dictionary<Guid, string>> UserNamesAsync(CaseContext cases, IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        if (wanted.Count == 0) return [];
        return await cases.Db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    private static string FormatCursor(DateTime at, long number) =>
        at.Ticks.ToString(CultureInfo.InvariantCulture) + "_" + number.ToString(CultureInfo.InvariantCulture);

    private static (DateTime, long)? ParseCursor(string text)
    {
        var parts = text.Split('_');
        return parts.Length == 2 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks) && ticks > 0 && ticks < DateTime.MaxValue.Ticks
            && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var number)
            ? (new DateTime(ticks, DateTimeKind.Utc), number) : null;
    }
}
