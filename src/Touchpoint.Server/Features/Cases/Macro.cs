using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Cases;

/// <summary>
/// A canned reply (macro): one text per language, so staff insert it in the case's language, with placeholders filled
/// from the case when inserted. Written in the positive, polite language of the service standards.
/// </summary>
public sealed class Macro
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required LocalizedText Title { get; set; }
    public required LocalizedText Body { get; set; }
    public string? Category { get; set; }
    /// <summary>Null: every branch may use it.</summary>
    public Guid? BranchId { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public static partial class MacroPlaceholders
{
    /// <summary>What a body may refer to; the web app fills them from the case being answered.</summary>
    public static readonly IReadOnlyList<string> All = ["customer.name", "case.reference", "case.subject", "agent.name", "branch.name"];

    /// <summary>The placeholders a text uses that are not in <see cref="All"/>.</summary>
    public static IEnumerable<string> Unknown(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).Where(p => !All.Contains(p)).Distinct();

    /// <summary>
    /// Fills the placeholders the values name, in any spacing the editor accepts (<c>{{ case.reference }}</c> too);
    /// others are left as written. The server's own sends (rules) use this; staff's inserts are filled by the web app's
    /// fillPlaceholders (web/src/shared/knowledge/macroText.ts), on the same names (a test compares the lists).
    /// </summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    [GeneratedRegex(@"\{\{\s*([^{}\s]+)\s*\}\}")]
    private static partial Regex Placeholder();
}

internal sealed class MacroConfiguration : IEntityTypeConfiguration<Macro>
{
    public void Configure(EntityTypeBuilder<Macro> b)
    {
        b.ToTable("Macros");
        b.Property(x => x.Title).HasLocalizedTextConversion();
        b.Property(x => x.Body).HasLocalizedTextConversion();
        b.Property(x => x.Category).HasMaxLength(64);
        b.HasIndex(x => x.BranchId);
    }
}
