using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Organisation;

/// <summary>A branch (网点 / 分行 / 지점): one place with counters, a time zone, business hours and holidays.</summary>
public sealed class Branch
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Code { get; set; }
    public required LocalizedText Name { get; set; }
    public required string TimeZone { get; set; }
    public string? Address { get; set; }
    public List<BusinessHours> BusinessHours { get; set; } = [];
    public List<Holiday> Holidays { get; set; } = [];
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    /// <summary>Queue rule: at most this many priority tickets are called in a row while normal tickets wait.</summary>
    public int PriorityRatio { get; set; } = 2;
    /// <summary>Queue rule: how often a called ticket may be re-announced before it can be marked a no-show.</summary>
    public int RecallLimit { get; set; } = 2;
    /// <summary>Queue rule: an appointment is due this many minutes before its time.</summary>
    public int AppointmentWindowMinutes { get; set; } = 10;
    /// <summary>How long the evaluation pad accepts a rating after service completes.</summary>
    public int RatingWindowSeconds { get; set; } = 60;
    /// <summary>A customer who left a phone number gets an SMS when this many people are ahead of them.</summary>
    public int AlertPlacesAhead { get; set; } = 3;
    /// <summary>The lobby's spoken call per language, with {number} and {counter}; a language left out uses the standard wording.</summary>
    public LocalizedText? Announcements { get; set; }
    /// <summary>
    /// Whether the self-service bot answers this branch's web chats and messaging conversations before staff (decision
    /// 0017). The installation's <c>Chat:Bot:Enabled</c> turned off overrides it: no bot anywhere.
    /// </summary>
    public bool ChatBotEnabled { get; set; } = true;

    public List<ServiceType> Services { get; set; } = [];
    public List<Counter> Counters { get; set; } = [];
}

/// <summary>Opening time of one weekday (0 = Sunday), local to the branch's time zone.</summary>
public sealed record BusinessHours(int Day, string Open, string Close);

public sealed record Holiday(string Date, string Name);

internal sealed class BranchConfiguration : IEntityTypeConfiguration<Branch>
{
    public void Configure(EntityTypeBuilder<Branch> b)
    {
        b.ToTable("Branches");
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasLocalizedTextConversion();
        b.Property(x => x.BusinessHours).HasJsonConversion();
        b.Property(x => x.Holidays).HasJsonConversion();
        b.Property(x => x.PriorityRatio).HasDefaultValue(2);
        b.Property(x => x.RecallLimit).HasDefaultValue(2);
        b.Property(x => x.AppointmentWindowMinutes).HasDefaultValue(10);
        b.Property(x => x.RatingWindowSeconds).HasDefaultValue(60);
        b.Property(x => x.AlertPlacesAhead).HasDefaultValue(3);
        b.Property(x => x.Announcements!).HasLocalizedTextConversion();
        b.HasMany(x => x.Services).WithOne().HasForeignKey(s => s.BranchId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Counters).WithOne().HasForeignKey(c => c.BranchId).OnDelete(DeleteBehavior.Cascade);
    }
}
