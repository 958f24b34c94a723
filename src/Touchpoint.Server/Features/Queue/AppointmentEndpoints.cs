using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Localization;
using Touchpoint.Server.Platform.Privacy;

namespace Touchpoint.Server.Features.Queue;

public sealed record BookAppointmentRequest(string? Service, DateTime? At, string? Language, string? Name, string? Phone);
public sealed record CheckInRequest(string? Code);
/// <param name="ContactName">Masked (first character only): the list is read at counters in view of other customers.</param>
public sealed record AppointmentDto(Guid Id, string Code, string Service, DateTime At, string Status, string Language, string? ContactName,
    string? ContactPhone, Guid? TicketId);

/// <summary>Appointments: booked by staff, listed per day, cancelled, and checked in on arrival at the kiosk or on a phone.</summary>
public static class AppointmentEndpoints
{
    /// <summary>How early a customer may check in, and how late before the booking lapses and they take a normal ticket.</summary>
    public static readonly TimeSpan EarliestCheckIn = TimeSpan.FromHours(2), LatestCheckIn = TimeSpan.FromMinutes(30);

    public static void MapAppointments(this IEndpointRouteBuilder app)
    {
        var appointments = app.MapGroup("/api/branches/{branch}/appointments").WithTags("Queue");
        appointments.MapPost("", Book).RequireAuthorization(Permissions.QueueIssue);
        appointments.MapGet("", List).RequireAuthorization(Permissions.QueueIssue);
        appointments.MapPost("/{id:guid}/cancel", Cancel).RequireAuthorization(Permissions.QueueIssue);
        // The kiosk (device token) and a customer's phone (anonymous, rate-limited) check in with the code.
        appointments.MapPost("/check-in", CheckIn).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Anonymous);
    }

    private static async Task<Results<Created<AppointmentDto>, ValidationProblem, ProblemHttpResult>> Book(
        string branch, BookAppointmentRequest r, ClaimsPrincipal user, QueueContext q, CancellationToken ct)
    {
        var (layout, problem) = await q.FindBranchAsync(branch, user, ct);
        if (layout is null) return problem!;
        var v = new Validation();
        v.Required("service", r.Service, 32);
        var service = r.Service is null ? null : layout.ServiceByCode(r.Service.Trim().ToUpperInvariant());
        if (r.Service is not null && service is null) v.Add("service", "validation.unknownService", r.Service);
        var at = r.At?.ToUniversalTime();
        if (at is null) v.Add("at", "validation.required");
        else if (at < q.Now.AddMinutes(-5) || at > q.Now.AddDays(90)) v.Add("at", "validation.appointmentTime");
        var language = r.Language ?? Languages.Current;
        v.Language("language", language);
        if (r.Name is { Length: > 128 }) v.Add("name", "validation.maxLength", 128);
        if (r.Phone is not null && !TicketIssuing.IsPhone(r.Phone)) v.Add("phone", "validation.phone");
        if (!v.IsValid) return v.Problem();

        var appointment = new Appointment
        {
            BranchId = layout.Branch.Id, ServiceTypeId = service!.Id, At = at!.Value, Code = await FreeCodeAsync(q, layout.Branch.Id, ct),
            Language = language, ContactName = r.Name?.Trim(), ContactPhone = r.Phone, CreatedAt = q.Now,
        };
        q.Db.Appointments.Add(appointment);
        await q.Db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/branches/{layout.Branch.Code}/appointments/{appointment.Id}", ToDto(appointment, service.Code));
    }

    private static async Task<Results<Ok<List<AppointmentDto>>, ProblemHttpResult>> List(string branch, DateOnly? date, ClaimsPrincipal user, QueueContext q, CancellationToken ct)
    {
        var (layout, problem) = await q.FindBranchAsync(branch, user, ct);
        if (layout is null) return problem!;
        var day = date ?? DateOnly.Parse(QueueClock.BusinessDate(layout.Branch, q.Now));
        var from = QueueClock.StartOfDayUtc(layout.Branch, day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));
        var rows = await q.Db.Appointments.AsNoTracking().Where(a => a.BranchId == layout.Branch.Id && a.At >= from && a.At < from.AddDays(1))
            .OrderBy(a => a.At).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(a => ToDto(a, layout.ServiceById(a.ServiceTypeId)?.Code ?? "?")).ToList());
    }

    private static async Task<Results<Ok<AppointmentDto>, ProblemHttpResult>> Cancel(string branch, Guid id, ClaimsPrincipal user, QueueContext q, CancellationToken ct)
    {
        var (layout, problem) = await q.FindBranchAsync(branch, user, ct);
        if (layout is null) return problem!;
        var appointment = await q.Db.Appointments.FirstOrDefaultAsync(a => a.Id == id && a.BranchId == layout.Branch.Id, ct);
        if (appointment is null) return Problems.NotFound();
        if (appointment.Status != AppointmentStatuses.Booked) return QueueContext.Conflict("appointment.notBooked", appointment.Code, appointment.Status);
        appointment.Status = AppointmentStatuses.Cancelled;
        await q.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(appointment, layout.ServiceById(appointment.ServiceTypeId)?.Code ?? "?"));
    }

    /// <summary>
    /// The booking is marked checked in first (its status is a concurrency token, so two kiosks cannot both use one
    /// code), then the ticket is issued like any other, due at the booked time; if issuing is refused, the booking is
    /// open again.
    /// </summary>
    private static async Task<Results<Created<TicketDto>, ValidationProblem, ProblemHttpResult>> CheckIn(
        string branch, CheckInRequest r, ClaimsPrincipal user, QueueContext q, CancellationToken ct)
    {
        var layout = await q.FindBranchAsync(branch, ct);
        if (layout is null) return Problems.NotFound();
        var v = new Validation();
        v.Required("code", r.Code, 8);
        if (!v.IsValid) return v.Problem();
        var code = r.Code!.Trim();
        var appointment = await q.Db.Appointments.FirstOrDefaultAsync(a => a.BranchId == layout.Branch.Id && a.Code == code && a.Status == AppointmentStatuses.Booked, ct);
        if (appointment is null) return Problems.Result(StatusCodes.Status404NotFound, null, "appointment.notFound", code);
        var now = q.Now;
        if (now < appointment.At - EarliestCheckIn) return QueueContext.Conflict("appointment.tooEarly", (int)EarliestCheckIn.TotalMinutes);
        if (now > appointment.At + LatestCheckIn) return QueueContext.Conflict("appointment.tooLate", (int)LatestCheckIn.TotalMinutes);

        appointment.Status = AppointmentStatuses.CheckedIn;
        try { await q.Db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return QueueContext.Conflict("appointment.notBooked", code, AppointmentStatuses.CheckedIn); }

        var service = layout.ServiceById(appointment.ServiceTypeId)!;
        var issued = await TicketIssuing.Issue(layout.Branch.Code,
            new IssueTicketRequest(service.Code, PriorityClasses.Appointment, appointment.Language, appointment.ContactPhone, appointment.At), user, q, ct);
        if (issued.Result is Created<TicketDto> { Value: { } ticket } created)
        {
            appointment.TicketId = ticket.Id;
            await q.Db.SaveChangesAsync(ct);
            return created;
        }
        appointment.Status = AppointmentStatuses.Booked;
        await q.Db.SaveChangesAsync(ct);
        return issued.Result switch
        {
            ValidationProblem p => p,
            ProblemHttpResult p => p,
            _ => Problems.Result(StatusCodes.Status500InternalServerError),
        };
    }

    private static async Task<string> FreeCodeAsync(QueueContext q, Guid branchId, CancellationToken ct)
    {
        while (true)
        {
            var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
            if (!await q.Db.Appointments.AnyAsync(a => a.BranchId == branchId && a.Code == code && a.Status == AppointmentStatuses.Booked, ct)) return code;
        }
    }

    private static AppointmentDto ToDto(Appointment a, string service) => new(a.Id, a.Code, service, a.At, a.Status, a.Language,
        a.ContactName is { Length: > 0 } name ? Masks.ShortName(name) : null, a.ContactPhone is { } phone ? Masks.Phone(phone) : null, a.TicketId);
}
