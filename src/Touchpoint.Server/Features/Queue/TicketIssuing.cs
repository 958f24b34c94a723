using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Devices;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Localization;
using Touchpoint.Server.Platform.Realtime;

namespace Touchpoint.Server.Features.Queue;

/// <param name="CustomerId">Staff who know the customer link the ticket: it then takes the customer's priority and language unless given.</param>
public sealed record IssueTicketRequest(string? Service, string? Priority, string? Language, string? Phone, DateTime? AppointmentAt, Guid? CustomerId = null);

/// <summary>
/// Issues a ticket: from the branch's kiosk (device token), from a customer's phone by the branch QR code (anonymous,
/// rate-limited), or at the desk by staff. Numbers come from a per-service, per-day sequence row that the database
/// increments atomically, so two kiosks never print the same number.
/// </summary>
public static partial class TicketIssuing
{
    /// <param name="customers">Optional so that the counter's walk-up, which links no customer, can call this directly.</param>
    public static async Task<Results<Created<TicketDto>, ValidationProblem, ProblemHttpResult>> Issue(
        [FromRoute(Name = "branch")] string branchCode, IssueTicketRequest r, ClaimsPrincipal user, QueueContext q, CancellationToken ct,
        CustomerAccess? customers = null)
    {
        var layout = await q.FindBranchAsync(branchCode, ct);
        if (layout is null) return Problems.NotFound();
        var branch = layout.Branch;
        var source = SourceOf(user, branch.Code);
        if (source is null) return Problems.Forbidden();

        var v = new Validation();
        (ServicePolicyDto Policy, string Language, IReadOnlyList<string> Needs)? customer = null;
        if (r.CustomerId is { } customerId)
        {
            // A kiosk or a phone cannot claim to be somebody: only staff who may read customers link one.
            if (source != TicketSources.Staff || !user.Has(Permissions.CustomersRead)) return Problems.Forbidden();
            customer = customers is null ? null : await customers.ForServiceAsync(q.Db, customerId, user, ct);
            if (customer is null) v.Add("customerId", "validation.unknownCustomer");
        }
        v.Required("service", r.Service, 32);
        var priority = r.Priority ?? (r.AppointmentAt is null ? customer?.Policy.QueuePriority ?? PriorityClasses.Normal : PriorityClasses.Appointment);
        if (!PriorityClasses.All.Contains(priority)) v.Add("priority", "validation.priority", string.Join(", ", PriorityClasses.All));
        // A customer on their phone cannot make themselves a priority case; staff and kiosks (with their prompts) can.
        else if (source == TicketSources.Qr && PriorityClasses.IsPriority(priority)) v.Add("priority", "problem.forbidden");
        var language = r.Language ?? customer?.Language ?? Languages.Current;
        v.Language("language", language);
        if (r.Phone is not null && !PhonePattern().IsMatch(r.Phone)) v.Add("phone", "validation.phone");
        if (!v.IsValid) return v.Problem();

        var serviceCode = r.Service!.Trim().ToUpperInvariant();
        (layout, var service) = await q.FindServiceAsync(layout, serviceCode, ct);
        if (service is null) return Problems.Result(StatusCodes.Status404NotFound, null, "validation.unknownService", serviceCode);

        var now = q.Now;
        if (!QueueClock.IsIssuing(service, branch, now))
            return Problems.Result(StatusCodes.Status409Conflict, "queue.serviceClosedTitle", "queue.serviceClosed",
                service.Name.Resolve(language), service.IssuingStart, service.IssuingEnd);

        var ticket = new QueueTicket
        {
            BranchId = branch.Id, ServiceTypeId = service.Id, BusinessDate = QueueClock.BusinessDate(branch, now), Number = "",
            Priority = priority, Language = language, Source = r.AppointmentAt is null ? source : TicketSources.Appointment,
            ContactPhone = r.Phone, IssuedAt = now, AppointmentAt = r.AppointmentAt?.ToUniversalTime(), CustomerId = customer is null ? null : r.CustomerId,
            Care = customer is { Needs: var needs } ? TicketCare.For(needs) : [],
        };
        if (!await TrySaveNumberedAsync(q, ticket, service, ct))
            return Problems.Result(StatusCodes.Status409Conflict, "queue.serviceFullTitle", "queue.serviceFull", service.Name.Resolve(language), service.DailyCap);
        await q.PublishAsync(layout, ticket, null, QueueContext.TicketChangedEvent, ct);
        return TypedResults.Created($"/api/tickets/{ticket.Id}", await q.ToDtoAsync(ticket, layout, user, ct, justIssued: true));
    }

    /// <summary>
    /// Takes the next number of the service's day and saves the ticket in one transaction, so a number is never given
    /// twice nor skipped; false when the day's cap is reached (nothing is saved then).
    /// </summary>
    internal static async Task<bool> TrySaveNumberedAsync(QueueContext q, QueueTicket ticket, ServiceType service, CancellationToken ct)
    {
        try
        {
            await q.Gate.RunAsync(q.Db, () => SaveNumberedAsync(q.Db, ticket, service, ct), ct);
            return true;
        }
        catch (DailyCapReached)
        {
            return false;
        }
    }

    private static async Task SaveNumberedAsync(TouchpointDb db, QueueTicket ticket, ServiceType service, CancellationToken ct)
    {
        ticket.Sequence = await NextSequenceAsync(db, service.Id, ticket.BusinessDate, ct);
        // Throwing rolls the gated section back, the sequence's increment with it.
        if (service.DailyCap is { } cap && ticket.Sequence > cap) throw new DailyCapReached();
        ticket.Number = QueueClock.FormatNumber(service.Prefix, ticket.Sequence);
        // A plain statement (no interceptor watches tickets): on every kiosk press, under the single SQLite writer.
        await db.InsertAsync(ticket, ct);
    }

    private sealed class DailyCapReached : Exception;

    /// <summary>How the caller may issue here: null when not at all (staff or a device of another branch).</summary>
    private static string? SourceOf(ClaimsPrincipal user, string branchCode)
    {
        if (user.Identity?.IsAuthenticated != true) return TicketSources.Qr;
        if (user.Has(DevicePermissions.Kiosk)) return user.CanAccessBranch(branchCode) ? TicketSources.Kiosk : null;
        return user.Has(Permissions.QueueIssue) && user.CanAccessBranch(branchCode) ? TicketSources.Staff : null;
    }

    /// <summary>
    /// Creates the day's sequence row or increments it, in one statement that returns the new value. Inside the
    /// caller's transaction the row stays locked until the ticket is saved, on SQLite (one writer) and PostgreSQL (row
    /// lock) alike.
    /// </summary>
    private static Task<int> NextSequenceAsync(TouchpointDb db, Guid serviceId, string businessDate, CancellationToken ct) =>
        db.ScalarAsync<int>("""
            INSERT INTO "TicketSequences" ("ServiceTypeId", "BusinessDate", "LastNumber") VALUES (@p0, @p1, 1)
            ON CONFLICT ("ServiceTypeId", "BusinessDate") DO UPDATE SET "LastNumber" = "TicketSequences"."LastNumber" + 1
            RETURNING "LastNumber"
            """, ct, serviceId, businessDate);

    public static bool IsPhone(string phone) => PhonePattern().IsMatch(phone);

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{5,19}$")]
    private static partial Regex PhonePattern();
}
