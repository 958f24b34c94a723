using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Touchpoint.Server.Platform.Search;

/// <summary>
/// One searchable thing (a case, an encounter, a customer, later an article) as index terms. The text shown in results
/// is read from the source tables when a page of hits is built, so the index holds no display copy of anyone's data.
/// SQLite indexes <see cref="Terms"/> in the FTS5 table "SearchIndex" (kept by triggers in the same transaction);
/// PostgreSQL in the generated tsvector column "Vector" with a GIN index (see M0010_Search).
/// </summary>
public sealed class SearchEntry
{
    /// <summary>The FTS5 rowid; also the order in which candidates are taken (newest first).</summary>
    public long Id { get; set; }
    public required string Kind { get; set; }
    public Guid EntityId { get; set; }
    public Guid? BranchId { get; set; }
    /// <summary>Space-separated terms from <see cref="SearchTokenizer"/>.</summary>
    public required string Terms { get; set; }
    public DateTime At { get; set; }
}

internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> b)
    {
        b.ToTable("SearchEntries");
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.HasIndex(x => new { x.Kind, x.EntityId }).IsUnique();
        b.Property(x => x.Kind).HasMaxLength(16);
    }
}
