using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Platform.Search;

namespace Touchpoint.Server.Features.Automation;

/// <summary>
/// Whether a case meets a rule's conditions. "Contains" uses the search tokenizer, so a Chinese or Korean word is found
/// inside a longer phrase ("退款" in "我想申请退款", "환불" in "환불받고싶어요") just as search finds it. A contains value
/// may list several words or phrases separated by commas: any of them matches.
/// </summary>
public static class RuleConditions
{
    public static bool Match(CaseRule rule, SupportCase c) => Match(rule, new CaseWords(c));

    /// <summary>Pass the same <paramref name="words"/> for every rule run on one case, so its text is tokenized once.</summary>
    public static bool Match(CaseRule rule, CaseWords words) =>
        rule.Conditions.Count == 0 || (rule.MatchAll ? rule.Conditions.All(x => Holds(x, words)) : rule.Conditions.Any(x => Holds(x, words)));

    public static bool Holds(RuleCondition condition, CaseWords words)
    {
        var c = words.Case;
        if (condition.Field == RuleFields.Tags)
        {
            var has = !string.IsNullOrEmpty(condition.Value) && c.Tags.Contains(condition.Value, StringComparer.OrdinalIgnoreCase);
            return condition.Operator switch
            {
                RuleOperators.Is or RuleOperators.Contains => has,
                RuleOperators.IsNot => !has,
                RuleOperators.Set => c.Tags.Count > 0,
                RuleOperators.NotSet => c.Tags.Count == 0,
                _ => false,
            };
        }
        var value = condition.Field switch
        {
            RuleFields.Status => c.Status,
            RuleFields.Priority => c.Priority,
            RuleFields.Category => c.Category,
            RuleFields.Channel => c.Channel,
            RuleFields.Language => c.Language,
            RuleFields.Segment => c.CustomerSegment,
            RuleFields.Assignee => c.AssigneeId?.ToString(),
            RuleFields.Team => c.Team,
            RuleFields.Subject => c.Subject,
            RuleFields.Description => c.Description,
            _ => null,
        };
        return condition.Operator switch
        {
            RuleOperators.Is => string.Equals(value, condition.Value, StringComparison.OrdinalIgnoreCase),
            RuleOperators.IsNot => !string.Equals(value, condition.Value, StringComparison.OrdinalIgnoreCase),
            RuleOperators.Set => !string.IsNullOrEmpty(value),
            RuleOperators.NotSet => string.IsNullOrEmpty(value),
            RuleOperators.Contains => condition.Field is RuleFields.Subject or RuleFields.Description
                ? ContainsWords(words.Of(condition.Field), condition.Value)
                : ContainsWords(CaseWords.Tokens(value), condition.Value),
            _ => false,
        };
    }

    public static bool ContainsWords(IReadOnlySet<string> terms, string? words)
    {
        if (terms.Count == 0 || string.IsNullOrWhiteSpace(words)) return false;
        foreach (var phrase in words.Split([',', '，', '、', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var query = SearchTokenizer.Query(phrase);
            if (query.Count > 0 && query.All(q => q.Prefix ? terms.Any(t => SearchTokenizer.Matches(t, q)) : terms.Contains(q.Text))) return true;
        }
        return false;
    }
}

/// <summary>
/// A case's subject and description as search terms, tokenized on first use and reused by every condition of every
/// rule checked on the case in one evaluation. Rules never change those two fields, so the terms stay true throughout.
/// </summary>
public sealed class CaseWords(SupportCase c)
{
    private HashSet<string>? subject, description;

    public SupportCase Case => c;

    public IReadOnlySet<string> Of(string field) =>
        field == RuleFields.Subject ? subject ??= Tokens(c.Subject) : description ??= Tokens(c.Description);

    public static HashSet<string> Tokens(string? text) => string.IsNullOrWhiteSpace(text)
        ? []
        : SearchTokenizer.Tokenize(text).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
}
