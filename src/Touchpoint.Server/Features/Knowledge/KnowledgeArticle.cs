using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Knowledge;

/// <summary>
/// One article in one language. The same article in zh-CN, zh-TW, ko-KR and en-US shares a <see cref="GroupId"/>
/// (at most one article per language in a group); each translation has its own state, owner and review date, because
/// translations are written, checked and published at their own pace.
/// </summary>
public sealed class KnowledgeArticle
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid GroupId { get; set; }
    public required string Language { get; set; }
    public required string Title { get; set; }
    /// <summary>One or two sentences: what a suggestion inserts and the help centre lists.</summary>
    public string Summary { get; set; } = "";
    /// <summary>Markdown (a safe subset is rendered; raw HTML is shown as text).</summary>
    public required string Body { get; set; }
    /// <summary>In the article's language, as readers see it ("银行卡", "Cards").</summary>
    public string? Category { get; set; }
    public List<string> Tags { get; set; } = [];
    public Guid? OwnerId { get; set; }
    /// <summary>The day by which someone should check the article is still right; listed as due from then on.</summary>
    public DateOnly? ReviewBy { get; set; }
    public string State { get; set; } = ArticleStates.Draft;
    /// <summary>Null: shown in every branch's help centre. Otherwise only in that branch's (and to all staff).</summary>
    public Guid? BranchId { get; set; }
    /// <summary>The number of the current version; the edit's concurrency token (409 when someone saved first).</summary>
    public int Version { get; set; }
    public int HelpfulYes { get; set; }
    public int HelpfulNo { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public static class ArticleStates
{
    public const string Draft = "draft";
    /// <summary>For staff only (procedures, scripts), never in the help centre.</summary>
    public const string Internal = "internal";
    public const string Published = "published";
    public static readonly IReadOnlyList<string> All = [Draft, Internal, Published];
}

/// <summary>Every save of an article, in full: the history diffs and restores from these.</summary>
public sealed class KnowledgeArticleVersion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ArticleId { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public string Summary { get; set; } = "";
    public required string Body { get; set; }
    public string? Category { get; set; }
    public List<string> Tags { get; set; } = [];
    public required string State { get; set; }
    public Guid? AuthorId { get; set; }
    public required string AuthorName { get; set; }
    /// <summary>Set when this version brought back an older one.</summary>
    public int? RestoredFrom { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// One "was this helpful" answer. The voter is a random token the visitor's browser keeps, stored only as a hash: one
/// vote per browser and article (a second answer replaces the first), and nothing about the person.
/// </summary>
public sealed class KnowledgeVote
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ArticleId { get; set; }
    public required string VoterHash { get; set; }
    public bool Helpful { get; set; }
    public DateTime At { get; set; }
}

internal sealed class KnowledgeArticleConfiguration : IEntityTypeConfiguration<KnowledgeArticle>
{
    public void Configure(EntityTypeBuilder<KnowledgeArticle> b)
    {
        b.ToTable("KnowledgeArticles");
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(500);
        b.Property(x => x.Category).HasMaxLength(64);
        b.Property(x => x.State).HasMaxLength(16);
        b.Property(x => x.Tags).HasJsonConversion();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.GroupId, x.Language }).IsUnique();
        b.HasIndex(x => new { x.State, x.Language });
        b.HasIndex(x => x.ReviewBy);
    }
}

internal sealed class KnowledgeArticleVersionConfiguration : IEntityTypeConfiguration<KnowledgeArticleVersion>
{
    public void Configure(EntityTypeBuilder<KnowledgeArticleVersion> b)
    {
        b.ToTable("KnowledgeArticleVersions");
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(500);
        b.Property(x => x.Category).HasMaxLength(64);
        b.Property(x => x.State).HasMaxLength(16);
        b.Property(x => x.AuthorName).HasMaxLength(128);
        b.Property(x => x.Tags).HasJsonConversion();
        b.HasIndex(x => new { x.ArticleId, x.Number }).IsUnique();
    }
}

internal sealed class KnowledgeVoteConfiguration : IEntityTypeConfiguration<KnowledgeVote>
{
    public void Configure(EntityTypeBuilder<KnowledgeVote> b)
    {
        b.ToTable("KnowledgeVotes");
        b.Property(x => x.VoterHash).HasMaxLength(64);
        b.HasIndex(x => new { x.ArticleId, x.VoterHash }).IsUnique();
    }
}
