using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Localization;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Platform;

/// <summary>The hand-written migrations agree with the model, and upgrading an older database keeps its data.</summary>
public sealed class MigrationTests
{
    private const string FirstMigration = "20261122000001_Organisation";

    [Fact]
    public Task Sqlite_UpgradeFromFirstMigration_KeepsData() => WithSqliteAsync(UpgradeKeepsDataAsync);

    [PostgresFact]
    public Task Postgres_UpgradeFromFirstMigration_KeepsData() => WithPostgresAsync(UpgradeKeepsDataAsync);

    [Fact]
    public Task Sqlite_SchemaHasEveryMappedColumn() => WithSqliteAsync(SchemaMatchesModelAsync);

    [PostgresFact]
    public Task Postgres_SchemaHasEveryMappedColumn() => WithPostgresAsync(SchemaMatchesModelAsync);

    private static async Task UpgradeKeepsDataAsync(Func<TouchpointDb> create)
    {
        await using (var db = create())
        {
            await db.GetService<IMigrator>().MigrateAsync(FirstMigration);
            // Rows are written with SQL of the old schema: today's entities have columns the old tables lack.
            var branchId = Guid.NewGuid();
            var userId = Guid.NewGuid();
            var now = DateTime.UtcNow;
            var name = LocalizedText.Of("旧", "舊", "옛", "Old").ToJson();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Branches" ("Id", "Code", "Name", "TimeZone", "Address", "BusinessHours", "Holidays", "CreatedAt")
                VALUES ({branchId}, 'OLD', {name}, 'Asia/Seoul', NULL, '[]', '[]', {now})
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Users" ("Id", "UserName", "NormalizedUserName", "DisplayName", "PasswordHash", "Language", "IsActive",
                    "FailedSignIns", "LockedUntil", "SecurityStamp", "CreatedAt", "LastSignInAt")
                VALUES ({userId}, 'keeper', 'keeper', 'Keeper', 'x', 'ko-KR', {true}, 0, NULL, 's', {now}, NULL)
                """);
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "UserBranches" ("UserId", "BranchId") VALUES ({userId}, {branchId})""");
            Assert.Contains("20261122000002_DevicesTokensSettings", await db.Database.GetPendingMigrationsAsync());
        }

        await using (var db = create())
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            var branch = await db.Branches.SingleAsync();
            Assert.Equal("옛", branch.Name.Resolve("ko-KR"));
            Assert.Equal(2, branch.PriorityRatio); // columns added later take their defaults
            var user = await db.Users.Include(u => u.Branches).SingleAsync();
            Assert.Equal(branch.Id, user.Branches.Single().BranchId);
            // Tables of the newer migration work with the old rows.
            db.Devices.Add(new Touchpoint.Server.Platform.Devices.Device { BranchId = branch.Id, Kind = "kiosk", Name = "K" });
            await db.SaveChangesAsync();
        }
    }

    /// <summary>Selects every mapped column of every entity: a column the migrations forgot fails here, not in production.</summary>
    private static async Task SchemaMatchesModelAsync(Func<TouchpointDb> create)
    {
        await using var db = create();
        await db.Database.MigrateAsync();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entity.GetSchema());
            var columns = entity.GetProperties().Select(p => p.GetColumnName(store)!).Select(c => $"\"{c}\"");
#pragma warning disable EF1002 // identifiers come from the model, not from input
            await db.Database.ExecuteSqlRawAsync($"SELECT {string.Join(", ", columns)} FROM \"{table}\" WHERE 1 = 0");
#pragma warning restore EF1002
        }
    }

    internal static async Task WithSqliteAsync(Func<Func<TouchpointDb>, Task> test)
    {
        var dir = Directory.CreateTempSubdirectory("touchpoint-migrate-");
        try
        {
            var options = new DbContextOptionsBuilder<TouchpointDb>().UseSqlite($"Data Source={Path.Combine(dir.FullName, "t.db")}")
                .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)).Options;
            await test(() => new TouchpointDb(options));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    internal static async Task WithPostgresAsync(Func<Func<TouchpointDb>, Task> test)
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var options = new DbContextOptionsBuilder<TouchpointDb>().UseNpgsql(database.ConnectionString)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)).Options;
        await test(() => new TouchpointDb(options));
    }
}
