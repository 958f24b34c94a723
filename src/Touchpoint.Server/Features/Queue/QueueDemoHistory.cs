using Touchpoint.Server.Features.Encounters;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Queue;

/// <summary>
/// Past days of a demo branch's counters, simulated rather than made up: customers arrive at random with the morning and
/// afternoon peaks a branch sees, each service takes its own time, open counters serve in order, and satisfaction
/// falls as waits grow past the target. A branch with fewer counters open therefore waits longer and scores lower,
/// which is what the board, reports and later modules should show.
/// </summary>
public static class QueueDemoHistory
{
    // Share of arrivals per hour from 09:00 to 16:00 (the branch closes at 17:00).
    private static readonly double[] HourlyShape = [0.10, 0.17, 0.15, 0.09, 0.12, 0.16, 0.13, 0.08];
    private static readonly Dictionary<string, (double Share, double Minutes)> ServiceMix = new()
    {
        ["PERSONAL"] = (0.58, 5), ["CORPORATE"] = (0.16, 9), ["WEALTH"] = (0.16, 12), ["VIP"] = (0.10, 7),
    };

    /// <param name="countersOpen">How many of the branch's counters are staffed on a normal day.</param>
    public static async Task GenerateAsync(TouchpointDb db, Branch branch, IReadOnlyList<Guid> staff, int days, int arrivalsPerDay, int countersOpen, int seed, CancellationToken ct)
    {
        // Tens of thousands of rows: save every week of history and forget it, instead of tracking everything at once.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var random = new Random(seed);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(branch.TimeZone);
        var today = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone).Date;
        var services = branch.Services.ToDictionary(s => s.Code);
        var counters = branch.Counters.OrderBy(c => c.Number).Take(countersOpen).ToList();
        for (var d = days; d >= 1; d--)
        {
            var date = today.AddDays(-d);
            if (date.DayOfWeek == DayOfWeek.Sunday) continue;
            var saturday = date.DayOfWeek == DayOfWeek.Saturday;
            var arrivals = Arrivals(random, date, saturday ? arrivalsPerDay / 3 : arrivalsPerDay, saturday ? 3 : HourlyShape.Length);
            var free = counters.ToDictionary(c => c.Id, _ => date.AddHours(9));
            var sequences = new Dictionary<string, int>();
            foreach (var local in arrivals)
            {
                var code = Pick(random);
                var service = services[code];
                var counter = counters.Where(c => c.Services.Any(s => s.ServiceTypeId == service.Id)).MinBy(c => free[c.Id]) ?? counters.MinBy(c => free[c.Id])!;
                var called = local > free[counter.Id] ? local : free[counter.Id];
                var minutes = ServiceMinutes(random, ServiceMix[code].Minutes);
                var noShow = random.NextDouble() < 0.03;
                var done = called.AddMinutes(noShow ? 1.5 : minutes);
                free[counter.Id] = done;
                sequences[code] = sequences.GetValueOrDefault(code) + 1;
                var ticket = new QueueTicket
                {
                    BranchId = branch.Id, ServiceTypeId = service.Id, BusinessDate = date.ToString("yyyy-MM-dd"),
                    Sequence = sequences[code], Number = QueueClock.FormatNumber(service.Prefix, sequences[code]),
                    Priority = code == "VIP" ? "vip" : random.NextDouble() < 0.06 ? "elderly" : PriorityClasses.Normal,
                    Language = Language(random, branch), Source = random.NextDouble() < 0.3 ? TicketSources.Qr : TicketSources.Kiosk,
                    Status = noShow ? TicketStatuses.NoShow : TicketStatuses.Completed, IssuedAt = Utc(local, zone),
                    CalledAt = Utc(called, zone), StartedAt = noShow ? null : Utc(called, zone), CompletedAt = Utc(done, zone),
                    CounterId = counter.Id, StaffUserId = staff[counter.Number % staff.Count], RecallCount = noShow ? 2 : 0,
                    TransferCount = random.NextDouble() < 0.02 ? 1 : 0,
                };
                db.QueueTickets.Add(ticket);
                if (noShow) continue;
                db.Encounters.Add(new Encounter
                {
                    BranchId = branch.Id, Channel = EncounterChannels.Counter, Mode = EncounterChannels.ModeOf(EncounterChannels.Counter),
                    StaffUserId = ticket.StaffUserId, ServiceTypeId = service.Id, TicketId = ticket.Id,
                    StartedAt = ticket.StartedAt!.Value, EndedAt = ticket.CompletedAt!.Value, Outcome = random.NextDouble() < 0.9 ? "resolved" : "followUp",
                });
                db.ServiceEvaluations.Add(Evaluation(random, ticket, counter.Id, (called - local).TotalMinutes, branch.RatingWindowSeconds));
            }
            foreach (var (code, last) in sequences)
                db.TicketSequences.Add(new TicketSequence { ServiceTypeId = services[code].Id, BusinessDate = date.ToString("yyyy-MM-dd"), LastNumber = last });
            if (d % 7 == 0 || d == 1)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }

    private static List<DateTime> Arrivals(Random random, DateTime date, int total, int hours)
    {
        var shape = HourlyShape.Take(hours).ToArray();
        var sum = shape.Sum();
        var list = new List<DateTime>();
        for (var h = 0; h < hours; h++)
        {
            var count = (int)Math.Round(total * shape[h] / sum * (0.85 + 0.3 * random.NextDouble()));
            for (var i = 0; i < count; i++) list.Add(date.AddHours(9 + h).AddSeconds(random.Next(3600)));
        }
        list.Sort();
        return list;
    }

    private static string Pick(Random random)
    {
        var x = random.NextDouble();
        foreach (var (code, (share, _)) in ServiceMix)
        {
            if (x < share) return code;
            x -= share;
        }
        return "PERSONAL";
    }

    /// <summary>Service times are skewed: most are near the mean, a few take much longer (a log-normal shape).</summary>
    private static double ServiceMinutes(Random random, double mean)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Clamp(mean * Math.Exp(0.45 * normal - 0.1), 1, mean * 4);
    }

    private static ServiceEvaluation Evaluation(Random random, QueueTicket t, Guid counterId, double waitedMinutes, int windowSeconds)
    {
        // The longer past a 15-minute target, the fewer very satisfied and the more dissatisfied customers.
        var late = Math.Clamp((waitedMinutes - 5) / 25, 0, 1);
        var x = random.NextDouble();
        string? rating = x < 0.12 ? null
            : x < 0.12 + 0.62 * (1 - late) + 0.25 * late ? EvaluationRatings.VerySatisfied
            : x < 0.95 - 0.17 * late ? EvaluationRatings.Satisfied
            : EvaluationRatings.Dissatisfied;
        return new ServiceEvaluation
        {
            TicketId = t.Id, BranchId = t.BranchId, CounterId = counterId, StaffUserId = t.StaffUserId, ServiceTypeId = t.ServiceTypeId,
            Language = t.Language, PromptedAt = t.CompletedAt!.Value, ExpiresAt = t.CompletedAt.Value.AddSeconds(windowSeconds), Rating = rating,
            RatedAt = rating is null ? null : t.CompletedAt.Value.AddSeconds(random.Next(3, windowSeconds)),
            Reasons = rating == EvaluationRatings.Dissatisfied ? [waitedMinutes > 15 ? "waitTooLong" : EvaluationRatings.Reasons[random.Next(EvaluationRatings.Reasons.Count)]] : [],
        };
    }

    /// <summary>Most customers speak the branch's language; London and Seoul see some Chinese speakers, and so on.</summary>
    private static string Language(Random random, Branch branch)
    {
        var home = branch.Code switch { "SH" => "zh-CN", "TPE" => "zh-TW", "SEL" => "ko-KR", _ => "en-US" };
        return random.NextDouble() < 0.88 ? home : Platform.Localization.Languages.All[random.Next(4)];
    }

    private static DateTime Utc(DateTime local, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
}
