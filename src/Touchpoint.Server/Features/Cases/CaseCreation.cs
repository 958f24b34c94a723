using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Cases;

public sealed record CaseCustomerInput(string? Name, string? Phone, string? Email, Guid? Id);
/// <param name="TeamId">A team of the case's branch, not retired: the case starts in it, as if moved there at once.</param>
public sealed record CreateCaseRequest(
    string? Subject, string? Description, string? Channel, CaseCustomerInput? Customer, string? Priority, string? Category,
    List<string>? Tags, string? Branch, Guid? TeamId = null);
public sealed record CreatedCase(Guid Id, string Reference, DateTime? SlaDueAt);

/// <summary>What a new case needs once validated; the API and the email channel both open cases through it.</summary>
public sealed record NewCase(
    BranchLayout Branch, string Subject, string Description, string Channel, string CustomerName, string? CustomerEmail,
    string? CustomerPhone, Guid? CustomerId, string Priority, string? Category, IReadOnlyList<string> Tags, string Language, Guid? CreatedById,
    Teams.Team? Team = null);

/// <summary>
/// Opens cases. The number comes from one sequence row incremented in the same transaction as the insert, so numbers
/// are unique on every node; on SQLite the write gate queues writers in memory (see decision 0006).
/// </summary>
public static partial class CaseCreation
{
    private static readonly ConditionalWeakTable<Branch, BusinessCalendar> Calendars = new();

    /// <summary>The branch's calendar, built once per cached copy of the branch.</summary>
    public static BusinessCalendar CalendarOf(Branch branch) => Calendars.GetValue(branch, BusinessCalendar.For);

    public static async Task<Results<Created<CreatedCase>, ValidationProblem, ProblemHttpResult>> Create(
        CreateCaseRequest r, ClaimsPrincipal user, CaseContext cases, CancellationToken ct)
    {
        var v = new Validation();
        v.Required("subject", r.Subject, 256);
        v.MaxLength("description", r.Description, 20_000);
        if (v.Required("channel", r.Channel, 16) && !CaseChannels.All.Contains(r.Channel!))
            v.Add("channel", "validation.oneOf", string.Join(", ", CaseChannels.All));
        if (r.Customer is null) v.Add("customer", "validation.required");
        else
        {
            v.Required("customer.name", r.Customer.Name, 128);
            if (r.Customer.Phone is not null && !PhonePattern().IsMatch(r.Customer.Phone)) v.Add("customer.phone", "validation.phone");
            if (r.Customer.Email is not null && !IsEmail(r.Customer.Email)) v.Add("customer.email", "validation.email");
        }
        var priority = r.Priority ?? CasePriorities.Normal;
        if (!CasePriorities.All.Contains(priority)) v.Add("priority", "validation.oneOf", string.Join(", ", CasePriorities.All));
        v.MaxLength("category", r.Category, 64);
        var tags = CleanTags(r.Tags, v);
        var (branch, branchError) = await cases.ChooseBranchAsync(r.Branch, user, ct);
        if (branchError is not null) v.Add("branch", branchError, r.Branch ?? "");
        Teams.Team? team = null;
        if (branch is not null && r.TeamId is { } teamId)
        {
            // The same check as moving a case to a team: an active team of the case's own branch.
            (team, var teamError) = await Teams.TeamLookup.ForCaseAsync(cases.Db, branch.Branch.Id, teamId, ct);
            if (teamError is not null) v.Add("teamId", teamError, branch.Branch.Code);
        }
        if (!v.IsValid) return v.Problem();

        var c = await OpenAsync(cases, new NewCase(branch!, r.Subject!.Trim(), r.Description?.Trim() ?? "", r.Channel!, r.Customer!.Name!.Trim(),
            r.Customer.Email?.Trim(), r.Customer.Phone?.Trim(), r.Customer.Id, priority, NullIfBlank(r.Category), tags, Languages.Current, user.UserId(), team), ct);
        return TypedResults.Created($"/api/cases/{c.Id}", new CreatedCase(c.Id, c.Reference, c.SlaDueAt));
    }

    /// <summary>
    /// Numbers, starts the SLA clocks and saves a case, with whatever <paramref name="beforeSave"/> adds to the context
    /// (its first message, attachments) in the same transaction.
    /// </summary>
    public static async Task<SupportCase> OpenAsync(CaseContext cases, NewCase n, CancellationToken ct, Func<SupportCase, Task>? beforeSave = null)
    {
        var now = cases.Now;
        var c = new SupportCase
        {
            Reference = "", BranchId = n.Branch.Branch.Id, Subject = n.Subject, Description = n.Description, Channel = n.Channel,
            CustomerName = n.CustomerName, CustomerEmail = n.CustomerEmail?.ToLowerInvariant(), CustomerPhone = n.CustomerPhone, CustomerId = n.CustomerId,
            Priority = n.Priority, Category = n.Category, Tags = [.. n.Tags], Language = n.Language, CreatedById = n.CreatedById,
            CreatedAt = now, UpdatedAt = now,
        };
        // Before the rules and auto-assignment run, so they see the case in its team (a member gets it, "team is" matches).
        Teams.TeamLookup.SetTeam(c, n.Team);
        var db = cases.Db;
        var sighting = new CustomerSighting(c.BranchId, c.CustomerName, c.CustomerPhone, c.CustomerEmail, null, c.Language);
        if (c.CustomerId is null) Link(c, await CustomerMatcher.FindAsync(db, sighting, ct));
        await cases.Gate.RunAsync(db, async () =>
        {
            // A profile not found above is found or made in the same section and transaction, so one new person makes one profile.
            if (c.CustomerId is null) Link(c, await cases.Customers.FindOrCreateAsync(db, sighting, ct));
            SlaClock.Start(c, await cases.PolicyForAsync(c, ct), CalendarOf(n.Branch.Branch), now);
            c.Number = await cases.NextNumberAsync(ct);
            c.Reference = Touchpoint.Mail.CaseReference.Format(c.Number);
            await cases.Automation.CaseChangedAsync(cases, c, n.Branch.Branch, Automation.RuleEvents.CaseCreated, ct);
            db.Cases.Add(c);
            if (beforeSave is not null) await beforeSave(c);
            await db.SaveChangesAsync(ct);
        }, ct);
        await cases.PublishAsync(n.Branch.Branch.Code, c, CaseContext.CaseChangedEvent, ct);
        return c;
    }

    private static void Link(SupportCase c, MatchedCustomer? match)
    {
        if (match is null) return;
        c.CustomerId = match.Id;
        c.CustomerSegment = match.SlaPolicy;
    }

    public static List<string> CleanTags(List<string>? tags, Validation v)
    {
        var clean = (tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (clean.Count > 20) v.Add("tags", "validation.range", 0, 20);
        if (clean.Any(t => t.Length > 32)) v.Add("tags", "validation.maxLength", 32);
        return clean;
    }

    public static bool IsEmail(string email) => email.Length <= 256 && EmailPattern().IsMatch(email.Trim());

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{5,19}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
