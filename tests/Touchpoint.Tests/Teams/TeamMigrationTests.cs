using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Touchpoint.Server.Features.Teams;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Localization;
using Touchpoint.Tests.Infrastructure;
using Touchpoint.Tests.Platform;

namespace Touchpoint.Tests.Teams;

/// <summary>
/// M0022 turns the free-text teams cases carried into teams: one per branch and text, each case pointing at its own
/// branch's team, ids in the form each database compares (upper-case text on SQLite, uuid on PostgreSQL).
/// </summary>
public sealed class TeamMigrationTests
{
    private const string BeforeTeams = "20261122000021_CaseAssigneeLoads";

    [Fact]
    public Task Sqlite_FreeTextTeams_BecomeTeamsOfTheirBranch() => MigrationTests.WithSqliteAsync(FreeTextBecomesTeamsAsync);

    [PostgresFact]
    public Task Postgres_FreeTextTeams_BecomeTeamsOfTheirBranch() => MigrationTests.WithPostgresAsync(FreeTextBecomesTeamsAsync);

    private static async Task FreeTextBecomesTeamsAsync(Func<TouchpointDb> create)
    {
        var (sh, tpe) = (Guid.NewGuid(), Guid.NewGuid());
        var first = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        await using (var db = create())
        {
            await db.GetService<IMigrator>().MigrateAsync(BeforeTeams);
            foreach (var (id, code) in new[] { (sh, "SH"), (tpe, "TPE") })
            {
                var name = LocalizedText.Of(code, code, code, code).ToJson();
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "Branches" ("Id", "Code", "Name", "TimeZone", "Address", "BusinessHours", "Holidays", "CreatedAt")
                    VALUES ({id}, {code}, {name}, 'Asia/Shanghai', NULL, '[]', '[]', {first})
                    """);
            }
            var rows = new (Guid Branch, string? Team, int Day)[] { (sh, "Cards", 3), (sh, "Cards", 1), (sh, "贷款组", 2), (tpe, "Cards", 4), (sh, null, 5) };
            for (var i = 0; i < rows.Length; i++)
            {
                var (branch, team, day) = rows[i];
                var (number, at, reference) = ((long)i + 1, first.AddDays(day), $"TP-00000{i + 1}");
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "Cases" ("Id", "Number", "Reference", "BranchId", "Subject", "Description", "Channel", "Priority", "Tags", "Status",
                        "CustomerName", "Language", "Team", "CreatedAt", "UpdatedAt", "SlaBreached")
                    VALUES ({Guid.NewGuid()}, {number}, {reference}, {branch}, 'Old case', '', 'phone', 'normal', '[]', 'open', 'Chen', 'zh-CN', {team}, {at}, {at}, {false})
                    """);
            }
        }

        await using (var db = create())
        {
            await db.Database.MigrateAsync();
            var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync();
            Assert.Equal(3, teams.Count);
            var shCards = teams.Single(t => t.BranchId == sh && t.Name == "Cards");
            Assert.Equal(first.AddDays(1), shCards.CreatedAt); // dated by the first case that named it
            Assert.Null(shCards.RetiredAt);
            // Found through EF with the id as a parameter: the stored form is the one the provider compares.
            Assert.Equal(2, await db.Cases.CountAsync(c => c.TeamId == shCards.Id));
            var tpeCards = teams.Single(t => t.BranchId == tpe);
            Assert.NotEqual(shCards.Id, tpeCards.Id);
            Assert.Equal(1, await db.Cases.CountAsync(c => c.TeamId == tpeCards.Id && c.BranchId == tpe));
            Assert.Equal("贷款组", (await TeamLookup.ByNameAsync(db, sh, "贷款组", CancellationToken.None))!.Name);
            Assert.Equal(1, await db.Cases.CountAsync(c => c.TeamId == null && c.Team == null));
            Assert.Equal(0, await db.Cases.CountAsync(c => c.Team != null && c.TeamId == null));
        }
    }
}
