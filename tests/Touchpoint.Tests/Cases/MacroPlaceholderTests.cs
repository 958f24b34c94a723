using Touchpoint.Server.Features.Cases;

namespace Touchpoint.Tests.Cases;

public sealed class MacroPlaceholderTests
{
    private static readonly Dictionary<string, string> Values = new() { ["customer.name"] = "王芳", ["case.reference"] = "TP-000123" };

    [Fact]
    public void Fill_TakesEverySpacingTheEditorAccepts()
    {
        Assert.Equal("王芳，您好！编号 TP-000123。", MacroPlaceholders.Fill("{{customer.name}}，您好！编号 {{ case.reference }}。", Values));
    }

    [Fact]
    public void Fill_LeavesPlaceholdersWithoutAValueAsWritten()
    {
        Assert.Equal("Dear 王芳, {{agent.name}} here", MacroPlaceholders.Fill("Dear {{customer.name}}, {{agent.name}} here", Values));
    }
}
