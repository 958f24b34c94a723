using Touchpoint.Server.Features.Queue;

namespace Touchpoint.Tests.Queue;

public sealed class TicketCareTests
{
    [Theory]
    [InlineData(new string[0], new string[0])]
    [InlineData(new[] { "hearing" }, new[] { "visual" })]
    [InlineData(new[] { "sight" }, new[] { "repeat", "large" })]
    [InlineData(new[] { "elderly", "hearing", "wheelchair" }, new[] { "visual", "repeat", "large" })]
    [InlineData(new[] { "wheelchair", "interpreter", "pregnant" }, new string[0])]
    public void NeedsBecomeCareModes_NotTheNeedsThemselves(string[] needs, string[] care) =>
        Assert.Equal(care, TicketCare.For(needs));
}
