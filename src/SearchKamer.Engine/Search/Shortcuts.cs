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

    // Ids typed loosely: any case, spaces, underscores or missing hyphens ("ah tk 20232024 2271", "2024z18442").
    [GeneratedRegex(@"^ah[\s_-]*tk[\s_-]*(?<y>\d{8})[\s_-]*(?<n>\d{1,5})$", RegexOptions.IgnoreCase)]
    private static partial Regex LooseAanhangsel();

    [GeneratedRegex(@"^kv[\s_-]*tk[\s_-]*(?<y>(?:19|20)\d{2})\s*z\s*(?<n>\d{5})$", RegexOptions.IgnoreCase)]
    private static partial Regex LooseKamervraag();

    [GeneratedRegex(@"^(?<y>(?:19|20)\d{2})\s*(?<k>[dz])\s*-?\s*(?<n>\d{5})$", RegexOptions.IgnoreCase)]
    private static partial Regex LooseNumber();

    /// <summary>The doc-record id of the one document the query names, or null.</summary>
    public static int? Find(IndexSearcher searcher, string query)
    {
        var q = Canonical(query.Trim());
        if (q.Length is 0 or > 60 || q.Contains(' ', StringComparison.Ordinal) && !Identifiers.ZaakPattern().IsMatch(q))
        {
            return null;
        }

        var value = q.ToLowerInvariant();
        // People type ids as they read them aloud: "2025d36086" and "2024z18792" name the same documents.
        var upper = q.ToUpperInvariant();
        string[] fields = Identifiers.DocumentNumberPattern().IsMatch(upper) && q.Length == 10 ? [Fields.DocumentNumber]
            : Identifiers.ZaakPattern().Match(upper) is { Success: true } z && z.Length == q.Length ? [Fields.Zaak]
            : OfficialId().IsMatch(q) ? [Fields.OfficialId]
            : MayBeKey(q) ? [Fields.DocId]
            : [];
        if (fields.Length == 0)
        {
            return null;
        }

        if (fields[0] == Fields.Zaak)
        {
            value = Identifiers.ZaakPattern().Replace(upper, "${y}Z${n}").ToLowerInvariant();
        }

        var query2 = new BooleanQuery
        {
            { new TermQuery(new Term(fields[0], value)), Occur.MUST },
            { new TermQuery(new Term(Fields.Level, Fields.LevelDoc)), Occur.MUST },
        };
        var hits = searcher.Search(query2, 2);
        if (hits.TotalHits == 1)
        {
            return hits.ScoreDocs[0].Doc;
        }

        // A zaak holds its whole dossier (questions, notices, answers): the question set stands for it.
        if (fields[0] == Fields.Zaak && hits.TotalHits > 1)
        {
            query2.Add(new TermQuery(new Term(Fields.Kind, Indexing.Kinds.Name(Domain.DocumentKind.Vragen))), Occur.MUST);
            var sets = searcher.Search(query2, 2);
            return sets.TotalHits == 1 ? sets.ScoreDocs[0].Doc : null;
        }

        return null;
    }

    private static string Canonical(string q) =>
        LooseAanhangsel().Match(q) is { Success: true } a ? $"ah-tk-{a.Groups["y"].Value}-{int.Parse(a.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture)}"
        : LooseKamervraag().Match(q) is { Success: true } k ? $"kv-tk-{k.Groups["y"].Value}Z{k.Groups["n"].Value}"
        : LooseNumber().Match(q) is { Success: true } n ? $"{n.Groups["y"].Value}{n.Groups["k"].Value.ToUpperInvariant()}{n.Groups["n"].Value}"
        : q;

    /// <summary>
    /// Internal keys are ids (with digits) or "file:" names; a plain word never is one, and most
    /// searches are plain words, so they skip the lookup.
    /// </summary>
    private static bool MayBeKey(string q) => q.Contains(':', StringComparison.Ordinal) || q.Any(char.IsAsciiDigit);
}
