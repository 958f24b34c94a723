using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Server.Features.Encounters;
using Touchpoint.Server.Features.Feedback;
using Touchpoint.Server.Features.Queue;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Platform;

/// <summary>
/// The queue's plain inserts (<see cref="PlainInsert"/>) write a row exactly as SaveChanges would, and plain reads
/// (<see cref="PlainRead"/>) give back what a query gives, on both databases;
/// inserts only for entities that no save interceptor watches: a row written past the tracker must not miss its search
/// entry or its text analysis.
/// </summary>
public sealed class PlainInsertTests
{
    [Fact]
    public async Task InsertedRows_ReadBackAsTheyWereWritten_OnSqlite()
    {
        using var app = new TouchpointFactory();
        await RoundTripAsync(app);
    }

    [PostgresFact]
    public async Task InsertedRows_ReadBackAsTheyWereWritten_OnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new TouchpointFactory(postgresConnectionString: database.ConnectionString);
        await RoundTripAsync(app);
    }

    [Fact]
    public async Task TheQueueRowsWrittenPlainly_AreWatchedByNoSaveInterceptor()
    {
        using var app = new TouchpointFactory();
        var (ticket, encounter, evaluation, invitation) = Rows();
        foreach (var row in new object[] { ticket, encounter, evaluation, invitation })
            Assert.True(await TrackedAfterSavingAsync(app, row) == 1, $"A save interceptor adds rows for {row.GetType().Name}: write it with SaveChanges.");
        // The check itself sees an interceptor at work: an encounter with a summary gets its search entry.
        encounter.Id = Guid.CreateVersion7();
        encounter.Summary = "挂失蓝鲸卡";
        Assert.True(await TrackedAfterSavingAsync(app, encounter) > 1);
    }

    private static async Task RoundTripAsync(TouchpointFactory app)
    {
        var (ticket, encounter, evaluation, invitation) = Rows();
        await app.WithDbAsync(async db =>
        {
            await db.InsertAsync(ticket, CancellationToken.None);
            await db.InsertAsync(encounter, CancellationToken.None);
            await db.InsertAsync(evaluation, CancellationToken.None);
            await db.InsertAsync(invitation, CancellationToken.None);
            return true;
        });
        await app.WithDbAsync(async db =>
        {
            AssertSame(ticket, await db.QueueTickets.AsNoTracking().SingleAsync(t => t.Id == ticket.Id));
            AssertSame(encounter, await db.Encounters.AsNoTracking().SingleAsync(e => e.Id == encounter.Id));
            AssertSame(evaluation, await db.ServiceEvaluations.AsNoTracking().SingleAsync(e => e.Id == evaluation.Id));
            AssertSame(invitation, await db.SurveyInvitations.AsNoTracking().SingleAsync(i => i.Id == invitation.Id));
            // Read back plainly, too (PlainRead): the same values a query gives.
            AssertSame(ticket, await db.ReadPlainAsync<QueueTicket>(ticket.Id, CancellationToken.None));
            AssertSame(encounter, await db.ReadPlainAsync<Encounter>(encounter.Id, CancellationToken.None));
            AssertSame(evaluation, await db.ReadPlainAsync<ServiceEvaluation>(evaluation.Id, CancellationToken.None));
            AssertSame(invitation, await db.ReadPlainAsync<SurveyInvitation>(invitation.Id, CancellationToken.None));
            Assert.Null(await db.ReadPlainAsync<QueueTicket>(Guid.NewGuid(), CancellationToken.None));
            // Found by the conditions the queue's own queries use (UTC instants compare as stored).
            Assert.Equal(1, await db.QueueTickets.CountAsync(t => t.Id == ticket.Id && t.IssuedAt == ticket.IssuedAt));
            return true;
        });
    }

    private static async Task<int> TrackedAfterSavingAsync(TouchpointFactory app, object row)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TouchpointDb>();
        db.Add(row);
        await db.SaveChangesAsync();
        return db.ChangeTracker.Entries().Count();
    }

    private static void AssertSame<T>(T written, T read) => Assert.Equal(JsonSerializer.Serialize(written), JsonSerializer.Serialize(read));

    private static (QueueTicket, Encounter, ServiceEvaluation, SurveyInvitation) Rows()
    {
        // Microseconds only: PostgreSQL keeps no finer.
        var now = new DateTime(2026, 11, 23, 9, 41, 27, 123, 456, DateTimeKind.Utc);
        var ticket = new QueueTicket
        {
            BranchId = Guid.NewGuid(), ServiceTypeId = Guid.NewGuid(), BusinessDate = "2026-11-23", Sequence = 17, Number = "B017",
            Priority = "elderly", Language = "ko-KR", Care = ["wheelchair", "hearing"], Source = TicketSources.Kiosk, ContactPhone = "+82 10 1234 5678",
            IssuedAt = now, AppointmentAt = null, CalledAt = now.AddMinutes(3), CounterId = Guid.NewGuid(), StaffUserId = null, RecallCount = 1,
        };
        var encounter = new Encounter
        {
            BranchId = ticket.BranchId, Channel = EncounterChannels.Counter, Mode = EncounterChannels.ModeOf(EncounterChannels.Counter),
            TicketId = ticket.Id, ServiceTypeId = ticket.ServiceTypeId, StartedAt = now, EndedAt = now.AddMinutes(7), Outcome = EncounterOutcomes.Resolved,
        };
        var evaluation = new ServiceEvaluation
        {
            TicketId = ticket.Id, BranchId = ticket.BranchId, CounterId = ticket.CounterId!.Value, ServiceTypeId = ticket.ServiceTypeId,
            Language = "ko-KR", PromptedAt = now, ExpiresAt = now.AddSeconds(90),
        };
        var invitation = new SurveyInvitation
        {
            TokenHash = Convert.ToHexString(Guid.NewGuid().ToByteArray()), TemplateId = Guid.NewGuid(), Channel = SurveyChannels.Counter,
            Delivery = SurveyDeliveries.Link, BranchId = ticket.BranchId, TicketId = ticket.Id, EncounterId = encounter.Id, Language = "ko-KR",
            CreatedAt = now, ExpiresAt = now.AddDays(7), Dissatisfied = true,
        };
        return (ticket, encounter, evaluation, invitation);
    }
}
