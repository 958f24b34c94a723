using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Cases;

/// <summary>
/// A case (ticket): work that carries across encounters until the customer's matter is solved. Named SupportCase
/// because "case" is a C# keyword; the table, the API and the UI call it a case.
/// </summary>
public sealed class SupportCase
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>From the CaseSequences row, unique across nodes; shown as TP-000123.</summary>
    public long Number { get; set; }
    public required string Reference { get; set; }
    public Guid BranchId { get; set; }
    public required string Subject { get; set; }
    public string Description { get; set; } = "";
    public required string Channel { get; set; }
    public string? Category { get; set; }
    public string Priority { get; set; } = CasePriorities.Normal;
    public List<string> Tags { get; set; } = [];
    public string Status { get; set; } = CaseStatuses.New;

    /// <summary>The customer profile once the customers module links one; the contact below is the snapshot taken here.</summary>
    public Guid? CustomerId { get; set; }
    public required string CustomerName { get; set; }
    public string? CustomerEmail { get; set; }
    public string? CustomerPhone { get; set; }
    public string? CustomerSegment { get; set; }
    public string Language { get; set; } = "en-US";

    public Guid? AssigneeId { get; set; }
    /// <summary>The case's team (of its branch); set through <see cref="Teams.TeamLookup.SetTeam"/>, which also copies the name.</summary>
    public Guid? TeamId { get; set; }
    /// <summary>The team's name, copied beside <see cref="TeamId"/> for rule conditions and lists (a rename rewrites it).</summary>
    public string? Team { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid? MergedIntoId { get; set; }

    // SLA: each target's due time (null when the target does not run), when it was met, and the pause.
    public DateTime? FirstResponseDueAt { get; set; }
    public DateTime? FirstRespondedAt { get; set; }
    public DateTime? NextResponseDueAt { get; set; }
    public DateTime? ResolutionDueAt { get; set; }
    public DateTime? SolvedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    /// <summary>Set while pending on the customer: running targets stop and resume with the working time they had left.</summary>
    public DateTime? SlaPausedAt { get; set; }
    /// <summary>The earliest running target, its name and when to warn: what lists sort by and the monitor scans.</summary>
    public DateTime? SlaDueAt { get; set; }
    public string? SlaTarget { get; set; }
    public DateTime? SlaWarnAt { get; set; }
    /// <summary>The due time already warned about / reported breached, so each is announced once.</summary>
    public DateTime? SlaWarnedDueAt { get; set; }
    public DateTime? SlaBreachedDueAt { get; set; }
    public bool SlaBreached { get; set; }
}

public static class CaseStatuses
{
    public const string New = "new";
    public const string Open = "open";
    public const string PendingCustomer = "pendingCustomer";
    public const string OnHold = "onHold";
    public const string Solved = "solved";
    public const string Closed = "closed";
    public static readonly IReadOnlyList<string> All = [New, Open, PendingCustomer, OnHold, Solved, Closed];

    /// <summary>Which status may follow which. Closed is final: a customer writing again opens a follow-up case.</summary>
    private static readonly Dictionary<string, string[]> Next = new()
    {
        [New] = [Open, PendingCustomer, OnHold, Solved, Closed],
        [Open] = [PendingCustomer, OnHold, Solved, Closed],
        [PendingCustomer] = [Open, OnHold, Solved, Closed],
        [OnHold] = [Open, PendingCustomer, Solved, Closed],
        [Solved] = [Open, Closed],
        [Closed] = [],
    };

    public static bool CanMove(string from, string to) => Next.TryGetValue(from, out var next) && next.Contains(to);
    public static bool IsActive(string status) => status is not (Solved or Closed);
}

public static class CasePriorities
{
    public const string Low = "low";
    public const string Normal = "normal";
    public const string High = "high";
    public const string Urgent = "urgent";
    public static readonly IReadOnlyList<string> All = [Low, Normal, High, Urgent];
}

public static class CaseChannels
{
    public static readonly IReadOnlyList<string> All = ["counter", "phone", "email", "webChat", "messaging", "app", "web"];
    public const string Email = "email";
    public const string WebChat = "webChat";
}

/// <summary>Numbers of cases: one row incremented atomically, like the queue's daily ticket numbers.</summary>
public sealed class CaseSequence
{
    public required string Name { get; set; }
    public long LastNumber { get; set; }
}

internal sealed class SupportCaseConfiguration : IEntityTypeConfiguration<SupportCase>
{
    public void Configure(EntityTypeBuilder<SupportCase> b)
    {
        b.ToTable("Cases");
        b.HasIndex(x => x.Number).IsUnique();
        // Keyset paging: newest first, by branch and status, and the SLA monitor's scans.
        b.HasIndex(x => new { x.CreatedAt, x.Number });
        b.HasIndex(x => new { x.BranchId, x.CreatedAt, x.Number });
        b.HasIndex(x => new { x.Status, x.CreatedAt, x.Number });
        b.HasIndex(x => new { x.BranchId, x.Status, x.AssigneeId });
        b.HasIndex(x => new { x.AssigneeId, x.Status }); // each assignee's open load (auto-assignment)
        b.HasIndex(x => new { x.TeamId, x.Status }); // a team's cases and open count
        b.HasIndex(x => x.SlaWarnAt);
        b.HasIndex(x => x.SlaDueAt);
        b.HasIndex(x => x.CustomerEmail);
        b.Property(x => x.Reference).HasMaxLength(16);
        b.Property(x => x.Subject).HasMaxLength(256);
        b.Property(x => x.Channel).HasMaxLength(16);
        b.Property(x => x.Category).HasMaxLength(64);
        b.Property(x => x.Priority).HasMaxLength(16);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.Tags).HasJsonConversion();
        b.Property(x => x.CustomerName).HasMaxLength(128);
        b.Property(x => x.CustomerEmail).HasMaxLength(256);
        b.Property(x => x.CustomerPhone).HasMaxLength(32);
        b.Property(x => x.CustomerSegment).HasMaxLength(32);
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.Team).HasMaxLength(64);
        b.Property(x => x.SlaTarget).HasMaxLength(16);
    }
}

internal sealed class CaseSequenceConfiguration : IEntityTypeConfiguration<CaseSequence>
{
    public void Configure(EntityTypeBuilder<CaseSequence> b)
    {
        b.ToTable("CaseSequences");
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(32);
    }
}
