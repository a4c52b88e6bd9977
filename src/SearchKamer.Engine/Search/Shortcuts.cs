using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchKamer.Ingestion.Parsing;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Search;

/// <summary>A query that is exactly a document number, zaak number or official id goes straight to that document.</summary>
internal static partial class Shortcuts
{
    [GeneratedRegex(@"^(?:ah|kv)-[a-z0-9-]+$", RegexOptions.IgnoreCase)]
    private static partial Regex OfficialId();

    /// <summary>The doc-record id of the one document the query names, or null.</summary>
    public static int? Find(IndexSearcher searcher, string query)
    {
        if (Named(query) is not { } named)
        {
            return null;
        }

        var hits = searcher.Search(new BooleanQuery
        {
            { named, Occur.MUST },
            { new TermQuery(new Term(Fields.Level, Fields.LevelDoc)), Occur.MUST },
        }, 2);
        // A zaak can hold several documents (questions, notice, answer): only a single one is a shortcut.
        return hits.TotalHits == 1 ? hits.ScoreDocs[0].Doc : null;
    }

    /// <summary>
    /// When the query is exactly a zaak number that several documents share, those documents' pairs,
    /// so the user sees the zaak's documents instead of a text search for the number; else null.
    /// </summary>
    public static Query? ZaakOfSeveral(IndexSearcher searcher, string query)
    {
        if (Named(query) is not { Term.Field: Fields.Zaak } zaak)
        {
            return null;
        }

        return searcher.Search(new BooleanQuery
        {
            { zaak, Occur.MUST },
            { new TermQuery(new Term(Fields.Level, Fields.LevelDoc)), Occur.MUST },
        }, 1).TotalHits > 1 ? zaak : null;
    }

    /// <summary>The id term the query is exactly (typed in any case), or null.</summary>
    private static TermQuery? Named(string query)
    {
        var q = query.Trim();
        if (q.Length is 0 or > 60 || q.Contains(' ', StringComparison.Ordinal) && !Identifiers.ZaakPattern().IsMatch(q.ToUpperInvariant()))
        {
            return null;
        }

        // The id patterns are written for the printed form ("2024Z17972", "2025D36086"); users type any case.
        var upper = q.ToUpperInvariant();
        var value = q.ToLowerInvariant();
        string? field = Identifiers.DocumentNumberPattern().IsMatch(upper) && q.Length == 10 ? Fields.DocumentNumber
            : Identifiers.ZaakPattern().Match(upper) is { Success: true } z && z.Length == q.Length ? Fields.Zaak
            : OfficialId().IsMatch(q) ? Fields.OfficialId
            : MayBeKey(q) ? Fields.DocId
            : null;
        if (field == Fields.Zaak)
        {
            value = Identifiers.ZaakPattern().Replace(upper, "${y}Z${n}").ToLowerInvariant();
        }

        return field is null ? null : new TermQuery(new Term(field, value));
    }

    /// <summary>
    /// Internal keys are ids (with digits) or "file:" names; a plain word never is one, and most
    /// searches are plain words, so they skip the lookup.
    /// </summary>
    private static bool MayBeKey(string q) => q.Contains(':', StringComparison.Ordinal) || q.Any(char.IsAsciiDigit);
}
