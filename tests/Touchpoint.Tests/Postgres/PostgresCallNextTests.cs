using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Postgres;

/// <summary>
/// Call next on PostgreSQL skips queue heads another call holds. When every head is held, it waits for them rather than
/// answer "nobody waiting": the ticket is then called if the other call left it, and the queue is empty if it took it.
/// </summary>
public sealed class PostgresCallNextTests
{
    [PostgresFact]
    public async Task ACallWaitsForHeldHeads_InsteadOfCallingTheQueueEmpty()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new TouchpointFactory(postgresConnectionString: database.ConnectionString);
        await app.CreateBranchAsync("PG", "PERSONAL");
        var admin = await app.AdminAsync();
        await (await admin.PostAsJsonAsync("/api/branches/PG/counters", new { number = 1, services = new[] { "PERSONAL" } })).ShouldBeAsync(HttpStatusCode.Created);
        var staff = await app.StaffAsync("Frontline", "PG");
        await (await staff.PostAsync("/api/branches/PG/counters/1/open", null)).ShouldBeAsync(HttpStatusCode.OK);
        var ticket = await (await staff.PostAsJsonAsync("/api/branches/PG/tickets", new { service = "PERSONAL" })).JsonAsync(HttpStatusCode.Created);
        var id = ticket["id"]!.GetValue<Guid>();

        // Another call (another node, say) holds the only waiting ticket and lets it go without taking it.
        await using (var other = await HoldAsync(database.ConnectionString, id))
        {
            var call = staff.PostAsync("/api/branches/PG/counters/1/call-next", null);
            await Task.Delay(500);
            Assert.False(call.IsCompleted, "the call answered while the only ticket was held");
            await other.Transaction.RollbackAsync();
            var called = await (await call).JsonAsync();
            Assert.Equal(id, called["id"]!.GetValue<Guid>());
        }
        await (await staff.PostAsync($"/api/tickets/{id}/complete", null)).ShouldBeAsync(HttpStatusCode.OK);

        // The same, but the other call takes it: the queue is then empty for this counter.
        var second = (await (await staff.PostAsJsonAsync("/api/branches/PG/tickets", new { service = "PERSONAL" })).JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        await using (var other = await HoldAsync(database.ConnectionString, second))
        {
            var call = staff.PostAsync("/api/branches/PG/counters/1/call-next", null);
            await Task.Delay(500);
            Assert.False(call.IsCompleted, "the call answered while the only ticket was held");
            await using (var take = new NpgsqlCommand("""UPDATE "QueueTickets" SET "Status" = 'called' WHERE "Id" = @id""", other.Connection, other.Transaction))
            {
                take.Parameters.AddWithValue("id", second);
                await take.ExecuteNonQueryAsync();
            }
            await other.Transaction.CommitAsync();
            Assert.Equal(HttpStatusCode.NoContent, (await call).StatusCode);
        }
    }

    private sealed class Holder(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public NpgsqlConnection Connection => connection;
        public NpgsqlTransaction Transaction => transaction;

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    private static async Task<Holder> HoldAsync(string connectionString, Guid ticketId)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("""SELECT 1 FROM "QueueTickets" WHERE "Id" = @id FOR UPDATE""", connection, transaction);
        command.Parameters.AddWithValue("id", ticketId);
        Assert.Equal(1, await command.ExecuteScalarAsync());
        return new Holder(connection, transaction);
    }
}
