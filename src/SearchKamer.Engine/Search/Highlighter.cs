using System.Text;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Search;
using SearchKamer.Analysis;
using SearchKamer.Indexing;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Search;

/// <summary>
/// Snippets with the query's words marked: where the words stand in a pair's text is read from the index's
/// positions (<see cref="SnippetCandidates"/>) and the text is only tokenized to find their offsets; any other text,
/// or a field with a prefix, wildcard or fuzzy term, is analysed again with the index chain (so stemmed forms and
/// compounds whose parts match are found, at the offsets of the whole word). The best one or two windows are
/// chosen, and the text is HTML-encoded before &lt;mark&gt; goes in.
/// </summary>
/// <remarks>
/// The index keeps no term vectors (they were a quarter of indexing time and a third of the index).
/// This replaced Lucene's FastVectorHighlighter over a one-document memory index: building that index
/// and its per-snippet query rewrite were a third of a broad search's time, while all a snippet needs
/// is which tokens match. One instance per search; thread-safe, as the analyzers are.
/// </remarks>
internal sealed class Highlighter
{
    private const int FragmentChars = 220;
    private const int LeadChars = 40;
    private const int PlainChars = 240;
    private const int MaxFragments = 2;

    private readonly Dictionary<string, FieldTerms> _terms;
    private readonly SnippetCandidates? _candidates;

    public Highlighter(Query query)
        : this(HighlightTerms.Of(query), null)
    {
    }

    private Highlighter(Dictionary<string, FieldTerms> terms, SnippetCandidates? candidates)
    {
        _terms = terms;
        _candidates = candidates;
    }

    /// <summary>A highlighter for a page of pairs: their texts that hold no marked word are not analysed (see <see cref="SnippetCandidates"/>).</summary>
    public static Highlighter ForPage(Query query, IndexSearcher searcher, IEnumerable<int> pairDocs)
    {
        var terms = HighlightTerms.Of(query);
        return new Highlighter(terms, SnippetCandidates.Read(searcher, terms, pairDocs));
    }

    /// <param name="pairDoc">The pair's doc id, when the text is a field of a pair of the page.</param>
    public string Snippet(string field, string storedText, int? pairDoc = null)
    {
        var marks = new List<Mark>();
        foreach (var f in new[] { field, Fields.ExactOf(field) })
        {
            if (!_terms.TryGetValue(f, out var wanted) || wanted.IsEmpty)
            {
                continue;
            }

            switch (pairDoc is { } doc ? _candidates?.WordsAt(doc, f) : null)
            {
                case null:
                    MarkTokens(f, wanted, storedText, marks);
                    break;
                case { Count: > 0 } at:
                    MarkPositions(wanted, storedText, at, marks);
                    break;
            }
        }

        return marks.Count == 0 ? Plain(storedText) : Fragments(storedText, Merge(marks));
    }

    private static string Plain(string storedText) =>
        SnippetMarkup.Escape(storedText.Length <= PlainChars ? storedText : storedText[..TextBounds.End(storedText, PlainChars / 2, PlainChars)].TrimEnd() + " …");

    private readonly record struct Mark(int Start, int End);

    private readonly record struct Token(string Term, int Position, Mark Mark);

    private readonly record struct Window(int Start, int End, double Score);

    private static void MarkTokens(string field, FieldTerms wanted, string text, List<Mark> marks)
    {
        var lookup = wanted.Terms.GetAlternateLookup<ReadOnlySpan<char>>();
        var phraseTokens = wanted.Phrases.Count > 0 ? new List<Token>() : null;
        using var stream = FieldAnalyzers.Index.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            var span = term.Buffer.AsSpan(0, term.Length);
            var mark = new Mark(Math.Min(offset.StartOffset, text.Length), Math.Min(offset.EndOffset, text.Length));
            string? s = null;
            if (lookup.Contains(span) || (wanted.Expanding.Count > 0 && wanted.Marks(s ??= span.ToString())))
            {
                marks.Add(mark);
            }

            if (phraseTokens is not null && wanted.PhraseWords.Contains(s ??= span.ToString()))
            {
                phraseTokens.Add(new Token(s, position, mark));
            }
        }

        stream.End();
        if (phraseTokens is { Count: > 0 })
        {
            MarkPhrases(wanted.Phrases, phraseTokens, marks);
        }
    }

    /// <summary>
    /// Marks the tokens at the positions where the index holds a wanted word in this text: the text is only tokenized,
    /// as far as the last of them, not stemmed or split into compound parts (the stemmed chain was two thirds of a
    /// snippet's cost). Every chain of a text field numbers its positions as the tokenizer and its token parts do (stop
    /// words dropped later keep their place), so the exact chain's positions are the stemmed field's positions too.
    /// </summary>
    private static void MarkPositions(FieldTerms wanted, string text, IReadOnlyDictionary<int, List<string>> at, List<Mark> marks)
    {
        var last = at.Keys.Max();
        var phraseTokens = wanted.Phrases.Count > 0 ? new List<Token>() : null;
        using var stream = DutchAnalysis.Exact.GetTokenStream("", text);
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (position < last && stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            if (!at.TryGetValue(position, out var words))
            {
                continue;
            }

            var mark = new Mark(Math.Min(offset.StartOffset, text.Length), Math.Min(offset.EndOffset, text.Length));
            foreach (var word in words)
            {
                if (wanted.Terms.Contains(word))
                {
                    marks.Add(mark);
                }

                if (phraseTokens is not null && wanted.PhraseWords.Contains(word))
                {
                    phraseTokens.Add(new Token(word, position, mark));
                }
            }
        }

        stream.End();
        if (phraseTokens is { Count: > 0 })
        {
            MarkPhrases(wanted.Phrases, phraseTokens, marks);
        }
    }

    /// <summary>Marks the words of each occurrence of a phrase; words of the phrase standing elsewhere stay unmarked.</summary>
    private static void MarkPhrases(List<PhraseTerms> phrases, List<Token> tokens, List<Mark> marks)
    {
        foreach (var phrase in phrases)
        {
            foreach (var first in tokens.Where(t => phrase.Terms[0].Contains(t.Term)))
            {
                var found = new List<Mark> { first.Mark };
                var start = (long)first.Position - phrase.Positions[0];
                for (var i = 1; i < phrase.Terms.Count && found.Count == i; i++)
                {
                    // Scans the phrase words of this text, not the positions a slop allows: "…"~99999999 is valid syntax.
                    var expected = start + phrase.Positions[i];
                    var match = tokens.FirstOrDefault(t => Math.Abs(t.Position - expected) <= phrase.Slop && phrase.Terms[i].Contains(t.Term));
                    if (match.Term is not null)
                    {
                        found.Add(match.Mark);
                    }
                }

                if (found.Count == phrase.Terms.Count)
                {
                    marks.AddRange(found);
                }
            }
        }
    }

    private static List<Mark> Merge(List<Mark> marks)
    {
        marks.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var merged = new List<Mark>(marks.Count);
        foreach (var m in marks)
        {
            if (merged.Count > 0 && m.Start < merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, m.End) };
            }
            else if (m.End > m.Start)
            {
                merged.Add(m);
            }
        }

        return merged;
    }

    private static string Fragments(string text, List<Mark> marks)
    {
        var words = marks.Select(m => text[m.Start..m.End].ToLowerInvariant()).ToArray();
        var chosen = new List<Window>();
        for (var n = 0; n < MaxFragments; n++)
        {
            if (BestWindow(text, marks, words, chosen) is { } best)
            {
                chosen.Add(best);
            }
        }

        // "…" wherever text was left out: before, between and after the windows.
        var ordered = chosen.OrderBy(w => w.Start).ToList();
        var body = string.Join(" … ", ordered.Select(w => Render(text, marks, w)));
        return (ordered[0].Start > 0 ? "… " : "") + body + (ordered[^1].End < text.Length ? " …" : "");
    }

    /// <summary>The window, starting a little before one of the marks, that shows the most different marked words.</summary>
    private static Window? BestWindow(string text, List<Mark> marks, string[] words, List<Window> taken)
    {
        Window? best = null;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < marks.Count; i++)
        {
            var start = TextBounds.Start(text, Math.Max(0, marks[i].Start - LeadChars), marks[i].Start);
            var end = TextBounds.End(text, marks[i].End, Math.Max(marks[i].End, Math.Min(text.Length, start + FragmentChars)));
            if (end - start < FragmentChars && start > 0)
            {
                // Near the end of the text: show more before the mark instead of an empty tail (a short text whole).
                start = TextBounds.Start(text, Math.Max(0, end - FragmentChars), start);
            }

            if (taken.Exists(w => start < w.End && w.Start < end))
            {
                continue;
            }

            distinct.Clear();
            var count = 0;
            for (var j = i; j < marks.Count && marks[j].End <= end; j++)
            {
                distinct.Add(words[j]);
                count++;
            }

            var score = distinct.Count + (count * 0.001);
            if (best is null || score > best.Value.Score)
            {
                best = new Window(start, end, score);
            }
        }

        return best;
    }

    private static string Render(string text, List<Mark> marks, Window w)
    {
        var html = new StringBuilder();
        var at = w.Start;
        foreach (var m in marks.Where(m => m.Start >= w.Start && m.End <= w.End))
        {
            html.Append(SnippetMarkup.Escape(text[at..m.Start])).Append("<mark>")
                .Append(SnippetMarkup.Escape(text[m.Start..m.End])).Append("</mark>");
            at = m.End;
        }

        return html.Append(SnippetMarkup.Escape(text[at..w.End])).ToString().Trim();
    }
}
