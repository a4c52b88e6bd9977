namespace SearchKamer.Search.Relevance;

/// <summary>What one query scored; <paramref name="Ranked"/> are the returned document ids, best first.</summary>
public sealed record QueryScore(JudgedQuery Query, IReadOnlyList<string> Ranked, int Total, double Ndcg, double Recall, string? Suggestion);

/// <summary>Averages over a judged set; "after one click" follows the engine's "Bedoelde u …?" on zero hits.</summary>
public sealed record RelevanceReport(IReadOnlyList<QueryScore> Scores, double Ndcg, double Recall, double ZeroHitRate,
    double NdcgAfterSuggestion, double RecallAfterSuggestion, double ZeroHitRateAfterSuggestion);

/// <summary>nDCG@10 (graded gain 2^g − 1), recall@10 and zero-hit rate of a search engine over a judged set.</summary>
public static class RelevanceEvaluator
{
    public const int Depth = 10;

    public static RelevanceReport Evaluate(SearchEngine engine, IReadOnlyList<JudgedQuery> queries)
    {
        var scores = new List<QueryScore>();
        var clicked = new List<QueryScore>();
        foreach (var q in queries)
        {
            var score = Run(engine, q, q.ToRequest());
            scores.Add(score);
            clicked.Add(score.Total == 0 && score.Suggestion is { } s ? Run(engine, q, q.ToRequest() with { Query = s }) : score);
        }

        return new RelevanceReport(scores, scores.Average(s => s.Ndcg), scores.Average(s => s.Recall), scores.Average(s => s.Total == 0 ? 1.0 : 0.0),
            clicked.Average(s => s.Ndcg), clicked.Average(s => s.Recall), clicked.Average(s => s.Total == 0 ? 1.0 : 0.0));
    }

    /// <summary>Discounted gain of a ranking over the ideal ranking of the judged documents.</summary>
    public static double Ndcg(IReadOnlyList<string> ranked, IReadOnlyList<Judgement> relevant)
    {
        var grades = relevant.ToDictionary(j => j.DocumentId, j => j.Grade, StringComparer.Ordinal);
        var dcg = ranked.Take(Depth).Select((id, i) => Gain(grades.GetValueOrDefault(id)) / Math.Log2(i + 2)).Sum();
        var ideal = relevant.Select(j => j.Grade).OrderDescending().Take(Depth).Select((g, i) => Gain(g) / Math.Log2(i + 2)).Sum();
        return ideal == 0 ? 0 : dcg / ideal;
    }

    public static double Recall(IReadOnlyList<string> ranked, IReadOnlyList<Judgement> relevant)
    {
        var top = ranked.Take(Depth).ToHashSet(StringComparer.Ordinal);
        return relevant.Count == 0 ? 0 : relevant.Count(j => top.Contains(j.DocumentId)) / (double)relevant.Count;
    }

    private static double Gain(int grade) => Math.Pow(2, grade) - 1;

    private static QueryScore Run(SearchEngine engine, JudgedQuery q, SearchRequest request)
    {
        SearchResponse response;
        try
        {
            response = engine.Search(request with { Size = Depth });
        }
        catch (SearchRequestException)
        {
            // A refused filter value is a search that found nothing for the user.
            return new QueryScore(q, [], 0, 0, 0, null);
        }

        var ranked = response.Documents.Select(d => d.Id).ToList();
        return new QueryScore(q, ranked, response.Total, Ndcg(ranked, q.Relevant), Recall(ranked, q.Relevant), SuggestionOf(response));
    }

    private static string? SuggestionOf(SearchResponse response) => response.Suggestion;
}
