namespace Touchpoint.Server.Platform.Search;

/// <summary>
/// BM25's term-frequency and length parts, computed here over the candidates' terms, the same on both databases. The
/// inverse document frequency is left out: every candidate of an AND query contains every term, so it would only weigh
/// the terms against each other, and counting a frequent term's documents (what FTS5's bm25() does on each query) costs
/// more than the rest of the search at a million rows.
/// </summary>
public static class SearchRanking
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>Scores each candidate's terms (space-separated) against the query; larger is better.</summary>
    public static double[] Score(IReadOnlyList<string> documents, IReadOnlyList<QueryTerm> query)
    {
        var lengths = new int[documents.Count];
        var counts = new int[documents.Count, query.Count];
        for (var d = 0; d < documents.Count; d++)
        {
            var span = documents[d].AsSpan();
            foreach (var range in span.Split(' '))
            {
                var term = span[range];
                if (term.IsEmpty) continue;
                lengths[d]++;
                for (var q = 0; q < query.Count; q++)
                    if (query[q].Prefix ? term.StartsWith(query[q].Text, StringComparison.Ordinal) : term.SequenceEqual(query[q].Text))
                        counts[d, q]++;
            }
        }
        var average = documents.Count == 0 ? 1 : Math.Max(1, lengths.Average());
        var scores = new double[documents.Count];
        for (var d = 0; d < documents.Count; d++)
        {
            var norm = K1 * (1 - B + B * lengths[d] / average);
            for (var q = 0; q < query.Count; q++)
            {
                var tf = counts[d, q];
                scores[d] += tf * (K1 + 1) / (tf + norm);
            }
        }
        return scores;
    }
}
