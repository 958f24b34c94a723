using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Touchpoint.Server.Features.Feedback;

/// <summary>How a branch asks for feedback and acts on it. A branch without a row uses the defaults below.</summary>
public sealed class FeedbackSettings
{
    public Guid BranchId { get; set; }
    /// <summary>No customer is invited again within this many days (known customers only: a walk-in has no history).</summary>
    public int ThrottleDays { get; set; } = 30;
    /// <summary>How long a survey link stays open.</summary>
    public int LinkValidDays { get; set; } = 7;
    /// <summary>How long after a case is solved the survey goes out (the customer should see the fix work first).</summary>
    public int CaseSurveyDelayMinutes { get; set; } = 60;
    /// <summary>Dissatisfaction opens an ordinary case tagged for follow-up, besides the supervisors' alert.</summary>
    public bool OpenFollowUpCase { get; set; } = true;
    /// <summary>Share of yesterday's served customers (known, consenting, with a phone) put on today's call-back list.</summary>
    public int CallBackSamplePercent { get; set; } = 5;
    public int CallBackMaxAttempts { get; set; } = 3;
    public string CounterTemplate { get; set; } = DefaultTemplates.Counter;
    public string CaseTemplate { get; set; } = DefaultTemplates.Case;
    public string RelationshipTemplate { get; set; } = DefaultTemplates.Relationship;
    public string PhoneTemplate { get; set; } = DefaultTemplates.Phone;
}

internal sealed class FeedbackSettingsConfiguration : IEntityTypeConfiguration<FeedbackSettings>
{
    public void Configure(EntityTypeBuilder<FeedbackSettings> b)
    {
        b.ToTable("FeedbackSettings");
        b.HasKey(x => x.BranchId);
        b.Property(x => x.CounterTemplate).HasMaxLength(32);
        b.Property(x => x.CaseTemplate).HasMaxLength(32);
        b.Property(x => x.RelationshipTemplate).HasMaxLength(32);
        b.Property(x => x.PhoneTemplate).HasMaxLength(32);
    }
}
