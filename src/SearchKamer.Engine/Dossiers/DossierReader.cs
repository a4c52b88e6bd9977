using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchKamer.Domain;
using SearchKamer.Indexing;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Dossiers;

/// <summary>
/// Dossiers from what the index holds. Nothing is stored apart: a dossier is read from the searcher of the
/// moment, so a member that arrives by ingest, inbox or sync is in it as soon as it is searchable.
/// The whole list (for open questions and statistics) is read once per index version.
/// </summary>
public sealed class DossierReader(SearchIndex index, LatenessTerms? terms = null)
{
    private readonly ConditionalWeakTable<IndexReader, List<(string Key, KamervraagDocument Doc)>> _all = new();

    public LatenessTerms Terms { get; } = terms ?? LatenessTerms.Default;

    /// <summary>The dossier of a zaak ("2024Z18792", any case, a space after the Z allowed), or null when the index has none of it.</summary>
    public Dossier? Get(string zaak, DateOnly today) => ForZaken([zaak], today)[zaak];

    /// <summary>The dossiers of several zaken (any case), read in one pass: a results page asks for ten at once. Null for a zaak the index has none of.</summary>
    public Dictionary<string, Dossier?> ForZaken(IEnumerable<string> zaken, DateOnly today) =>
        PerZaak(zaken, (searcher, texts) => DossierFacts.RecordsWith(searcher, Fields.Zaak, texts), (z, m) => DossierBuilder.Build(z, m, Terms, today));

    /// <summary>
    /// The state of each zaak's dossier (as <see cref="ForZaken"/> gives them), read from its members' kinds and dates
    /// alone: what a results page shows beside its hits. Deserialising every member's facts whole and building the
    /// whole dossier was a sixth of a rare word's search.
    /// </summary>
    public Dictionary<string, DossierState?> StatesFor(IEnumerable<string> zaken, DateOnly today) =>
        PerZaak(zaken, (searcher, texts) => DossierFacts.RecordsWith(searcher, Fields.Zaak, texts, CourseFacts.Read, r => CourseMember.Of(r.Key, r.Document)),
            (z, m) => DossierStates.Of(z, DossierCourse.Of(m, Terms, today)));

    /// <summary>Per zaak asked (any case), what <paramref name="make"/> makes of its members; null for a zaak the index has none of.</summary>
    private Dictionary<string, T?> PerZaak<TMember, T>(
        IEnumerable<string> zaken, Func<IndexSearcher, IEnumerable<string>, Dictionary<string, List<TMember>>> read, Func<string, List<TMember>, T> make)
        where T : class
    {
        var wanted = zaken.Distinct(StringComparer.OrdinalIgnoreCase).Select(z => (Given: z, Zaak: Normalise(z))).ToList();
        return index.Read(searcher =>
        {
            var members = read(searcher, wanted.Where(w => w.Zaak is not null).Select(w => w.Zaak!.ToLowerInvariant()));
            return wanted.ToDictionary(
                w => w.Given,
                w => w.Zaak is { } z && members[z.ToLowerInvariant()] is { Count: > 0 } m ? make(z, m) : null,
                StringComparer.OrdinalIgnoreCase);
        });
    }

    /// <summary>The dossier of a document's (first) zaak; null for a document without zaak.</summary>
    public Dossier? For(KamervraagDocument doc, DateOnly today) =>
        doc.ZaakNumbers.Count > 0 ? Get(doc.ZaakNumbers[0], today) : null;

    /// <summary>Every dossier the index holds, one per zaak.</summary>
    public IReadOnlyList<Dossier> All(DateOnly today)
    {
        return index.Read(searcher =>
        {
            var docs = _all.GetValue(searcher.IndexReader, _ => Load(searcher));
            // An answer that names no zaak still tells its own course (ingezonden … ontvangen): a dossier of one, under its id.
            return docs.Select(d => (Zaak: d.Doc.ZaakNumbers.FirstOrDefault() ?? (d.Doc.Kind == DocumentKind.Antwoord ? d.Key : null), d.Key, d.Doc))
                .Where(x => x.Zaak is not null)
                .GroupBy(x => x.Zaak!, StringComparer.OrdinalIgnoreCase)
                .Select(g => DossierBuilder.Build(g.Key, g.Select(x => (x.Key, x.Doc)), Terms, today))
                .ToList();
        });
    }

    public static string? Normalise(string? zaak) =>
        zaak is null ? null
        : IdentifierRules.Zaak().Match(zaak.Trim().ToUpperInvariant()) is { Success: true } m && m.Length == zaak.Trim().Length
            ? $"{m.Groups["y"].Value}Z{m.Groups["n"].Value}" : null;

    // Kept for the life of the reader: without the texts, which no dossier needs, a large index stays small here.
    private static List<(string Key, KamervraagDocument Doc)> Load(IndexSearcher searcher) =>
        DossierFacts.Read(searcher, new TermQuery(new Term(Fields.Level, Fields.LevelDoc)));
}
