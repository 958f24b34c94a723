using System.Text.RegularExpressions;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Tests.Infrastructure;

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

    [Fact]
    public void All_AreTheNamesTheWebAppFills()
    {
        // A name only one side knows would be accepted by the editor and reach the customer unfilled from the other.
        var web = File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "web", "src", "shared", "knowledge", "macroText.ts"));
        var list = Regex.Match(web, @"macroPlaceholders = \[(?<names>[^\]]*)\]").Groups["names"].Value;
        Assert.Equal(MacroPlaceholders.All, Regex.Matches(list, "'([^']+)'").Select(m => m.Groups[1].Value));
    }
}
