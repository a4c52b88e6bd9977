using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchKamer.Domain;
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
        if (Named(query) is not { } named)
        {
            return null;
        }

        var hits = searcher.Search(new BooleanQuery
        {
            { named, Occur.MUST },
            { new TermQuery(new Term(Fields.Level, Fields.LevelDoc)), Occur.MUST },
        }, 2);
        if (hits.TotalHits == 1)
        {
            return hits.ScoreDocs[0].Doc;
        }

        // A zaak holds its whole dossier (questions, notices, answers): its question set stands for it, and its
        // page shows the dossier. A zaak of several documents without one question set is listed instead (ZaakOfSeveral).
        if (named.Term.Field == Fields.Zaak && hits.TotalHits > 1)
        {
            var sets = searcher.Search(new BooleanQuery
            {
                { named, Occur.MUST },
                { new TermQuery(new Term(Fields.Level, Fields.LevelDoc)), Occur.MUST },
                { new TermQuery(new Term(Fields.Kind, Indexing.Kinds.Name(Domain.DocumentKind.Vragen))), Occur.MUST },
            }, 2);
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
        }, 1).TotalHits > 1 ? new RecordQuery(zaak) : null;
    }

    /// <summary>The id term the query is exactly (typed in any case), or null.</summary>
    private static TermQuery? Named(string query)
    {
        // Loosely typed ids ("ah tk 20232024 1314", "2025 d36086") are read in their printed form first.
        var q = Canonical(query.Trim());
        if (q.Length is 0 or > 60 || q.Contains(' ', StringComparison.Ordinal) && !IdentifierRules.Zaak().IsMatch(q.ToUpperInvariant()))
        {
            return null;
        }

        // The id patterns are written for the printed form ("2024Z17972", "2025D36086"); users type any case.
        var upper = q.ToUpperInvariant();
        var value = q.ToLowerInvariant();
        string? field = IdentifierRules.DocumentNumber().IsMatch(upper) && q.Length == 10 ? Fields.DocumentNumber
            : IdentifierRules.Zaak().Match(upper) is { Success: true } z && z.Length == q.Length ? Fields.Zaak
            : OfficialId().IsMatch(q) ? Fields.OfficialId
            : MayBeKey(q) ? Fields.DocId
            : null;
        if (field == Fields.Zaak)
        {
            value = IdentifierRules.Zaak().Replace(upper, "${y}Z${n}").ToLowerInvariant();
        }

        return field is null ? null : new TermQuery(new Term(field, value));
    }

    /// <summary>
    /// Internal keys are ids (with digits) or "file:" names; a plain word never is one, and most
    /// searches are plain words, so they skip the lookup.
    /// </summary>
    private static bool MayBeKey(string q) => q.Contains(':', StringComparison.Ordinal) || q.Any(char.IsAsciiDigit);
}
