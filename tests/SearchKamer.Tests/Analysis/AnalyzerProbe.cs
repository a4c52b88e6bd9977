using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using SearchKamer.Indexing;

namespace SearchKamer.Tests.Analysis;

/// <summary>One token as an analyzer emitted it.</summary>
public sealed record Tok(string Term, int PositionIncrement, int Start, int End);

public static class AnalyzerProbe
{
    public static List<Tok> Analyze(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<Tok>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(new Tok(term.ToString(), increment.PositionIncrement, offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }

    public static List<string> Terms(Analyzer analyzer, string field, string text) =>
        [.. Analyze(analyzer, field, text).Select(t => t.Term)];

    /// <summary>The single term a query word becomes in the stemmed field.</summary>
    public static string QueryStem(string word) => Assert.Single(Terms(FieldAnalyzers.Query, "all", word));

    /// <summary>The tokens whose offsets cover <paramref name="word"/> in <paramref name="text"/>.</summary>
    public static List<Tok> At(List<Tok> tokens, string text, string word)
    {
        var start = text.IndexOf(word, StringComparison.Ordinal);
        Assert.True(start >= 0, word + " not in the sentence");
        return [.. tokens.Where(t => t.Start == start && t.End == start + word.Length)];
    }
}
