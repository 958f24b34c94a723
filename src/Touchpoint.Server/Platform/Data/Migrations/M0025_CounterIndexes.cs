using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Touchpoint.Server.Platform.Data.Migrations;

/// <summary>
/// Two indexes by counter that every completed ticket rewrote a page of, with fifty counters in a group commit.
/// "Is this counter busy?" reads the counter's called or serving ticket. The index on (counter, status) held every
/// ticket a counter ever served, and each completion moved an entry into its counter's own range of it: with fifty
/// counters, one page of the index rewritten for nearly every ticket a group commit completed (16 of its 137 pages, the
/// largest share, decision 0028). The partial index holds only the tickets at counters now, one each. Its condition is
/// repeated term for term by the queries that read it (SQLite uses a partial index only then; <c>QueueIndexTests</c>).
/// The evaluations' index by (counter, prompted at) goes for the same reason (10 pages a commit): the pad finds its
/// prompt among the branch's prompts of the rating window instead.
/// </summary>
[DbContext(typeof(TouchpointDb))]
[Migration("20261122000025_CounterIndexes")]
public sealed class M0025_CounterIndexes : Migration
{
    public const string CounterCurrentIndex = "IX_QueueTickets_CounterCurrent";
    public const string CounterCurrentFilter = """ "Status" IN ('called', 'serving')""";

    protected override void Up(MigrationBuilder m)
    {
        m.DropIndex("IX_QueueTickets_CounterId_Status", "QueueTickets");
        m.CreateIndex(CounterCurrentIndex, "QueueTickets", "CounterId", filter: CounterCurrentFilter.Trim());
        m.DropIndex("IX_ServiceEvaluations_CounterId_PromptedAt", "ServiceEvaluations");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.CreateIndex("IX_ServiceEvaluations_CounterId_PromptedAt", "ServiceEvaluations", ["CounterId", "PromptedAt"]);
        m.DropIndex(CounterCurrentIndex, "QueueTickets");
        m.CreateIndex("IX_QueueTickets_CounterId_Status", "QueueTickets", ["CounterId", "Status"]);
    }
}
