using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Touchpoint.Server.Platform.Data.Migrations;

/// <summary>
/// PostgreSQL: each search entry's vector also names the blocks of the index's history it belongs to
/// (<see cref="Search.SearchSegments"/>, decision 0024), so the newest matches of a word are found a block at a time.
/// The column is generated, and PostgreSQL 15 cannot change a generation expression: it is dropped and added again,
/// which rewrites the table (about 20 s for a million entries). The GIN index keeps a pending list of at most 128 kB
/// (PostgreSQL's default is 4 MB): new entries wait there until merged, and every index scan reads the whole list, which
/// a search now does once per block (at 4 MB, 2 ms a scan and a rare word's search 10 times slower until the next
/// vacuum); merging more often made a million inserts 30 % slower, turning it off made them 2.8 times slower.
/// SQLite: nothing (FTS5 reads its matches newest first).
/// </summary>
[DbContext(typeof(TouchpointDb))]
[Migration("20261122000024_SearchSegments")]
public sealed class M0024_SearchSegments : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        if (m.ActiveProvider != "Npgsql.EntityFrameworkCore.PostgreSQL") return;
        m.Sql("""
            DROP INDEX "IX_SearchEntries_Vector";
            ALTER TABLE "SearchEntries" DROP COLUMN "Vector";
            ALTER TABLE "SearchEntries" ADD COLUMN "Vector" tsvector GENERATED ALWAYS AS (array_to_tsvector(
                string_to_array("Terms", ' ') || ARRAY['~0:' || ("Id" >> 13), '~1:' || ("Id" >> 15), '~2:' || ("Id" >> 17),
                    '~3:' || ("Id" >> 19), '~4:' || ("Id" >> 21)])) STORED;
            CREATE INDEX "IX_SearchEntries_Vector" ON "SearchEntries" USING gin ("Vector") WITH (gin_pending_list_limit = 128);
            """);
    }

    protected override void Down(MigrationBuilder m)
    {
        if (m.ActiveProvider != "Npgsql.EntityFrameworkCore.PostgreSQL") return;
        m.Sql("""
            DROP INDEX "IX_SearchEntries_Vector";
            ALTER TABLE "SearchEntries" DROP COLUMN "Vector";
            ALTER TABLE "SearchEntries" ADD COLUMN "Vector" tsvector GENERATED ALWAYS AS (array_to_tsvector(string_to_array("Terms", ' '))) STORED;
            CREATE INDEX "IX_SearchEntries_Vector" ON "SearchEntries" USING gin ("Vector");
            """);
    }
}
