using Touchpoint.Server.Features.Customers;

namespace Touchpoint.Tests.Customers;

/// <summary>Masks, normalisation and search keys: what staff see and type.</summary>
public sealed class PersonalDataTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("+8613812345678", "138****5678")]
    [InlineData("0912345678", "091***5678")]
    [InlineData("01012345678", "010****5678")]
    [InlineData("1234", "****")]
    public void MaskPhone_KeepsHeadAndLastFourDigits(string phone, string masked) => Assert.Equal(masked, Touchpoint.Server.Platform.Privacy.Masks.Phone(phone));

    [Theory]
    [InlineData("王小明", "王*明")]
    [InlineData("王芳", "王*")]
    [InlineData("林怡君", "林*君")]
    [InlineData("김민준", "김*준")]
    [InlineData("Olivia Smith", "O. S****")]
    [InlineData("Mary Anne O'Neil", "M. A. O*****")]
    public void MaskName_KeepsOnlyInitialsAndEnds(string name, string masked) => Assert.Equal(masked, PersonalData.MaskName(name));

    [Fact]
    public void MaskEmail_And_Messaging_KeepTheDomainAndApp()
    {
        Assert.Equal("k***@example.com", PersonalData.MaskEmail("kim.wang@example.com"));
        Assert.Equal("line:a****3", PersonalData.MaskMessaging("line:abc123"));
    }

    [Theory]
    [InlineData("+86 138-1234-5678", "+8613812345678")]
    [InlineData("(020) 7946 0000", null)]
    [InlineData("020 7946 0000", "02079460000")]
    [InlineData("call me", null)]
    public void NormalizePhone_KeepsDigitsAndPlus(string input, string? expected) => Assert.Equal(expected, PersonalData.NormalizePhone(input));

    [Fact]
    public void NameKeys_CoverWholeNameLaterWordsAndGivenName()
    {
        Assert.Equal(["olivia smith", "smith"], PersonalData.NameKeys("  Olivia   SMITH "));
        Assert.Equal(["王小明", "小明"], PersonalData.NameKeys("王小明"));
        Assert.Equal(["김민준", "민준"], PersonalData.NameKeys("김민준"));
        // Full-width letters fold to ASCII, so a name typed on a Chinese keyboard still matches.
        Assert.Equal(["anna"], PersonalData.NameKeys("Ａｎｎａ"));
    }

    [Fact]
    public void NormalizeIdentifier_IgnoresCaseSpacesAndHyphens() =>
        Assert.Equal("A1234567X", PersonalData.NormalizeIdentifier(" a123-45 67x "));
}

public sealed class CustomerScoringTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(5, 15, 2_000_000, "R5F5M5", "top")]
    [InlineData(60, 8, 1_000, "R4F4M1", "loyal")]
    [InlineData(300, 4, 1_000, "R2F3M1", "atRisk")]
    [InlineData(500, 1, 300_000, "R1F2M4", "atRisk")]
    [InlineData(500, 1, 100, "R1F2M1", "dormant")]
    [InlineData(10, 1, 100, "R5F2M1", "promising")]
    [InlineData(120, 2, 10_000, "R3F2M2", "regular")]
    public void Score_ReadsTheTierFromRecencyFrequencyAndValue(int daysAgo, int visits, double value, string rfm, string tier)
    {
        var (r, t) = CustomerScoring.Score(Now.AddDays(-daysAgo), visits, value, Now.AddYears(-2), Now);
        Assert.Equal((rfm, tier), (r, t));
    }

    [Fact]
    public void Score_NeverSeenAndRecentlyCreated_IsNew() =>
        Assert.Equal("new", CustomerScoring.Score(null, 0, 0, Now.AddDays(-10), Now).Tier);

    [Fact]
    public void Matches_NeedsEveryConditionGiven()
    {
        var c = new Customer { Value = 300_000, VisitsLastYear = 4, LastSeenAt = Now.AddDays(-20), Tags = ["Mortgage"], Needs = ["elderly"], Tier = "loyal" };
        Assert.True(CustomerScoring.Matches(new SegmentRules { MinValue = 200_000, AnyTags = ["mortgage"], SeenWithinDays = 30 }, c, Now));
        Assert.False(CustomerScoring.Matches(new SegmentRules { MinValue = 200_000, NotSeenForDays = 90 }, c, Now));
        Assert.False(CustomerScoring.Matches(new SegmentRules { Vip = true }, c, Now));
        Assert.True(CustomerScoring.Matches(new SegmentRules { AnyNeeds = ["wheelchair", "elderly"], AnyTiers = ["loyal"] }, c, Now));
        Assert.True(CustomerScoring.Matches(new SegmentRules(), c, Now));
    }
}
