using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Devices;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Localization;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Features.Queue;

public sealed record BoardCall(string Number, int Counter, string Language, DateTime CalledAt);
public sealed record BoardService(
    string Code, string Name, string Prefix, int Waiting, int LongestWaitSeconds, int TargetWaitSeconds, int ServedToday,
    double? ServiceLevelToday, int CountersNeededNextHour);
public sealed record BoardCounter(int Number, string Name, string State, string? PauseReason, string? StaffName, string? CurrentTicket);
/// <param name="Announcements">The branch's own wording of the spoken call per language ({number}, {counter}); absent languages use the standard one.</param>
public sealed record QueueBoardDto(string BranchCode, string BranchName, DateTime At, IReadOnlyList<BoardCall> LatestCalls, IReadOnlyList<BoardService> Services,
    IReadOnlyList<BoardCounter> Counters, LocalizedText Announcements);

/// <summary>
/// The branch's queue at a glance, for the lobby display (latest calls, waiting counts) and the supervisors' board
/// (longest wait against target, service level today, counters each service needs next hour by Erlang C).
/// </summary>
public static class QueueBoard
{
    /// <summary>Service level is the share of today's called tickets that waited no longer than the target.</summary>
    private const double ServiceLevelGoal = 0.8;

    public static async Task<Results<Ok<QueueBoardDto>, ProblemHttpResult>> Get(string branch, ClaimsPrincipal user, TouchpointDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!user.Has(Permissions.QueueBoard) && !user.Has(DevicePermissions.Display) && !user.Has(Permissions.QueueServe)) return Problems.Forbidden();
        var (b, problem) = await BranchAccess.FindAsync(db, branch, user, ct);
        if (b is null) return problem!;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = QueueClock.StartOfDayUtc(b, now);
        var tickets = db.QueueTickets.AsNoTracking().Where(t => t.BranchId == b.Id);

        var counters = await db.Counters.AsNoTracking().Where(c => c.BranchId == b.Id).OrderBy(c => c.Number).ToListAsync(ct);
        var counterNumbers = counters.ToDictionary(c => c.Id, c => c.Number);
        var calls = await tickets.Where(t => t.CalledAt >= today && t.CounterId != null)
            .OrderByDescending(t => t.CalledAt).Take(10)
            .Select(t => new { t.Number, t.CounterId, t.Language, t.CalledAt }).ToListAsync(ct);

        var waiting = await tickets.Where(t => t.Status == TicketStatuses.Waiting)
            .GroupBy(t => t.ServiceTypeId).Select(g => new { g.Key, Count = g.Count(), Oldest = g.Min(t => t.IssuedAt) }).ToListAsync(ct);
        var calledToday = await tickets.Where(t => t.CalledAt >= today)
            .Select(t => new { t.ServiceTypeId, t.IssuedAt, t.CalledAt, t.Status }).ToListAsync(ct);
        var arrivalsLastHour = await tickets.Where(t => t.IssuedAt >= now.AddHours(-1))
            .GroupBy(t => t.ServiceTypeId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        var services = new List<BoardService>();
        foreach (var s in await db.Services.AsNoTracking().Where(s => s.BranchId == b.Id).OrderBy(s => s.Code).ToListAsync(ct))
        {
            var w = waiting.FirstOrDefault(x => x.Key == s.Id);
            var called = calledToday.Where(t => t.ServiceTypeId == s.Id).ToList();
            var target = TimeSpan.FromMinutes(s.TargetWaitMinutes);
            double? level = called.Count == 0 ? null : called.Count(t => t.CalledAt!.Value - t.IssuedAt <= target) / (double)called.Count;
            var minutes = await WaitEstimate.AverageServiceMinutesAsync(db, b, s, ct);
            var arrivals = arrivalsLastHour.FirstOrDefault(x => x.Key == s.Id)?.Count ?? 0;
            services.Add(new BoardService(s.Code, s.Name.Resolve(), s.Prefix, w?.Count ?? 0,
                w is null ? 0 : (int)Math.Max(0, (now - w.Oldest).TotalSeconds), (int)target.TotalSeconds,
                called.Count(t => t.Status == TicketStatuses.Completed), level,
                ErlangC.CountersNeeded(arrivals, minutes, target.TotalSeconds, ServiceLevelGoal)));
        }

        var staffIds = counters.Where(c => c.StaffUserId != null).Select(c => c.StaffUserId!.Value).ToList();
        var staff = await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var current = await tickets.Where(t => t.CounterId != null && (t.Status == TicketStatuses.Called || t.Status == TicketStatuses.Serving))
            .Select(t => new { t.CounterId, t.Number }).ToListAsync(ct);
        var boardCounters = counters.Select(c => new BoardCounter(c.Number, c.Name?.Resolve() ?? Platform.Localization.Messages.Get("counter.defaultName", c.Number),
            c.State, c.PauseReason, c.StaffUserId is { } id ? staff.GetValueOrDefault(id) : null,
            current.FirstOrDefault(t => t.CounterId == c.Id)?.Number)).ToList();

        return TypedResults.Ok(new QueueBoardDto(b.Code, b.Name.Resolve(), now,
            calls.Select(c => new BoardCall(c.Number, counterNumbers.GetValueOrDefault(c.CounterId!.Value), c.Language, c.CalledAt!.Value)).ToList(),
            services, boardCounters, b.Announcements ?? new LocalizedText()));
    }

    public static Results<Ok<ErlangCResult>, ValidationProblem> ErlangCCalculator(double arrivalsPerHour, double serviceMinutes, int counters, double targetSeconds = 20)
    {
        var v = new Validation();
        if (arrivalsPerHour < 0 || double.IsNaN(arrivalsPerHour)) v.Add("arrivalsPerHour", "validation.range", 0, "∞");
        if (serviceMinutes <= 0 || double.IsNaN(serviceMinutes)) v.Add("serviceMinutes", "validation.range", "> 0", "∞");
        v.Range("counters", counters, 1, 10_000);
        if (targetSeconds < 0 || double.IsNaN(targetSeconds)) v.Add("targetSeconds", "validation.range", 0, "∞");
        if (!v.IsValid) return v.Problem();
        return TypedResults.Ok(ErlangC.Calculate(arrivalsPerHour, serviceMinutes, counters, targetSeconds));
    }
}
