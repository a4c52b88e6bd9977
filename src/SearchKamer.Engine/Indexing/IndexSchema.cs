using System.Globalization;
using SearchKamer.Domain;
using SearchKamer.Reference;

namespace SearchKamer.Indexing;

/// <summary>What a field holds.</summary>
public enum FieldKind
{
    Text,
    Keyword,
    Date,
    Number,
}

/// <summary>The analyzer chain a field is indexed and queried with (the chains themselves are in Analysis).</summary>
public enum FieldAnalysis
{
    /// <summary>Not indexed as terms (doc values or stored only).</summary>
    None,

    /// <summary>The whole value is one term.</summary>
    Keyword,

    /// <summary>Lower case and folding only.</summary>
    Exact,

    /// <summary>The Dutch chain: stemming, and compound parts at index time.</summary>
    Stemmed,
}

/// <summary>How a value a user types becomes one of the index's own values.</summary>
public enum ValueMatch
{
    /// <summary>Case, accents, spaces and hyphens do not matter; a run of words finds the longer names holding it.</summary>
    Forgiving,

    /// <summary>As <see cref="Forgiving"/>, after ministry abbreviations and short names ("BZK", "VWS").</summary>
    Ministry,

    /// <summary>As <see cref="Forgiving"/>, after party aliases ("sp", "GL-PvdA").</summary>
    Party,

    /// <summary>"2023-2024" in any spelling the parser knows, or a calendar year for both vergaderjaren it touches.</summary>
    Vergaderjaar,
}

public enum FacetOrder
{
    /// <summary>Most documents first.</summary>
    ByCount,

    /// <summary>Highest value first (years).</summary>
    ByValueDescending,
}

/// <summary>A choice of a closed list: the index's value and the Dutch text people read.</summary>
public sealed record Choice(string Value, string Text);

/// <summary>
/// A field people filter on, by one name everywhere: the URL parameter (<c>?minister=</c>), the API's, and the
/// command-line option (<c>--minister</c>). As a facet its values are counted per document and selected OR within
/// the field, AND between fields, each field counted without its own selection ("drill sideways").
/// </summary>
/// <param name="Param">URL parameter and CLI option name (Dutch).</param>
/// <param name="Label">Heading in the facet sidebar and label in the uitgebreid-zoeken form.</param>
/// <param name="Plural">The values in a sentence ("3 partijen gevonden"); also the id of the form's suggestion list.</param>
public sealed record SchemaFilter(string Param, string Label, string Plural)
{
    /// <summary>Counted in the sidebar and the response's facets; otherwise only selected.</summary>
    public bool Facet { get; init; } = true;

    /// <summary>The chip's label; the sidebar's label when not given.</summary>
    public string? Short { get; init; }

    public ValueMatch Match { get; init; } = ValueMatch.Forgiving;

    public FacetOrder Order { get; init; } = FacetOrder.ByCount;

    /// <summary>Placeholder of the CLI option's value.</summary>
    public string ValueName { get; init; } = "NAAM";

    /// <summary>The CLI option's help text.</summary>
    public string Help { get; init; } = "";

    /// <summary>The form field's hint; null: none.</summary>
    public string? Placeholder { get; init; }

    /// <summary>Whether the uitgebreid-zoeken form has a field for it (else a selection rides along hidden).</summary>
    public bool InForm { get; init; } = true;

    /// <summary>A closed list (a select in the form, readable names in the sidebar); empty: free text.</summary>
    public IReadOnlyList<Choice> Choices { get; init; } = [];

    /// <summary>Names beyond the index's own to suggest as people type (reference lists).</summary>
    public Func<IEnumerable<string>>? Known { get; init; }

    public string Chip => Short ?? Label;

    /// <summary>What to show for an index value: its choice's text, else the value.</summary>
    public string Text(string value) => Choices.FirstOrDefault(c => c.Value == value)?.Text ?? value;
}

/// <summary>
/// One field of the index: name, kind, analyzer chain, whether the document record stores it, the names
/// users type for it in queries (<c>minister:</c>), how a document gives its values, and whether people
/// filter on it. See <see cref="IndexSchema"/>.
/// </summary>
public sealed record SchemaField(string Name, FieldKind Kind, FieldAnalysis Analysis)
{
    public bool Stored { get; init; }

    /// <summary>Query-syntax names (<c>indiener:</c>) that search this field.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>
    /// A keyword field's values of a document, for the document mapper (indexed as terms and as sorted-set doc
    /// values, so the field can be filtered and counted); null where the mapper builds the field itself.
    /// </summary>
    public Func<KamervraagDocument, IEnumerable<string?>>? Values { get; init; }

    public SchemaFilter? Filter { get; init; }

    /// <summary>The row's column in the export (CSV and JSON Lines); null: not exported.</summary>
    public SchemaExport? Export { get; init; }

    /// <summary>
    /// Indexed on the document record alone, not on each of its pairs (DocumentMapper gives a pair its text and key only):
    /// a query on it reaches the pairs through their record (<c>Search/RecordQuery</c>). Copies on every pair were a sixth
    /// of a bulk load's CPU.
    /// </summary>
    public bool DocumentOnly { get; init; }
}

/// <summary>
/// A schema row as a column of the export, one row per question-answer pair: the row's <see cref="SchemaField.Values"/>
/// of the pair's document, joined with "; " in a CSV cell (a missing value an empty place, so parties line up
/// with askers). The columns that are no row's values are listed in Search/ExportColumns.
/// </summary>
/// <param name="Column">The name in the CSV header and the JSON object.</param>
public sealed record SchemaExport(string Column)
{
    /// <summary>The column this one follows; null: after the last.</summary>
    public string? After { get; init; }

    /// <summary>One value per document: JSON holds it (or null) rather than a list of the values.</summary>
    public bool Single { get; init; }

    /// <summary>What JSON holds in place of the values (people as objects); null: the values.</summary>
    public Func<KamervraagDocument, object?>? Json { get; init; }

    /// <summary>Only in the CSV: JSON carries these values inside another column's objects.</summary>
    public bool CsvOnly { get; init; }
}

/// <summary>
/// The index schema as one table (after tantivy's Schema): the document mapper, the analyzers per field, the
/// query reader's field names, filter resolution, facet counting, URL parameters, the search form, chips,
/// sidebar, CLI options, the export's columns and the judged-query reader all read it. A new facet is one row here.
/// </summary>
public static class IndexSchema
{
    public static IReadOnlyList<SchemaField> All { get; } =
    [
        Keyword(Fields.Level), Keyword(Fields.DocId),
        Keyword(Fields.OfficialId) with { DocumentOnly = true },
        Keyword(Fields.DocumentNumber) with { DocumentOnly = true },
        Keyword(Fields.Zaak) with { DocumentOnly = true },
        // Not exported as bare names: the export's "answerers" give each with their role (ExportColumns.NotFromSchema).
        Keyword(Fields.Minister, d => d.Answerers.Select(a => PersonNames.Canonical(a.Name))) with
        {
            Filter = new("minister", "Minister/staatssecretaris", "bewindspersonen")
            {
                Short = "Minister", Placeholder = "achternaam, bijv. Van Weel", Help = "alleen antwoorden van deze bewindspersoon (herhaalbaar: of-of)",
            },
        },
        Keyword(Fields.Ministry, d => d.Answerers.Select(a => a.Ministry)) with
        {
            Filter = new("ministerie", "Ministerie", "ministeries")
            {
                Match = ValueMatch.Ministry, Known = () => Ministries.All, Help = "alleen antwoorden van dit ministerie (herhaalbaar)",
            },
            Export = new("ministries") { After = "answerers", CsvOnly = true },
        },
        Keyword(Fields.Party, d => d.Askers.Select(a => a.Party)) with
        {
            Filter = new("partij", "Partij", "partijen") { Match = ValueMatch.Party, Known = () => Parties.All, Help = "alleen vragen van deze partij (herhaalbaar)" },
            Export = new("parties") { After = "askers", CsvOnly = true },
        },
        Keyword(Fields.Asker, d => d.Askers.Select(a => PersonNames.Canonical(a.Name))) with
        {
            Filter = new("indiener", "Indiener", "indieners") { Placeholder = "achternaam, bijv. Omtzigt", Help = "alleen vragen van dit Kamerlid (herhaalbaar)" },
            Export = new("askers") { After = "subject", Json = d => d.Askers },
        },
        Keyword(Fields.Year, d => [DocumentMapper.DateOf(d) is { } date ? (date / 10000).ToString(CultureInfo.InvariantCulture) : null]) with
        {
            Filter = new("jaar", "Jaar", "jaren")
            {
                Order = FacetOrder.ByValueDescending, InForm = false, ValueName = "JJJJ", Help = "alleen documenten uit dit jaar (herhaalbaar)",
            },
        },
        Keyword(Fields.Kind, d => [Kinds.Name(d.Kind)]) with
        {
            Filter = new("soort", "Soort", "soorten")
            {
                ValueName = "SOORT", Help = "alleen deze soort document: vragen, antwoord, nader-antwoord of mededeling (herhaalbaar)",
                Choices = [new("vragen", "Schriftelijke vragen"), new("antwoord", "Antwoord"), new("nader-antwoord", "Nader antwoord"), new("mededeling", "Mededeling")],
            },
            Export = new("kind") { After = "documentNumber", Single = true },
        },
        Keyword(Fields.Vergaderjaar, d => [d.Vergaderjaar]) with
        {
            Filter = new("vergaderjaar", "Vergaderjaar", "vergaderjaren")
            {
                Match = ValueMatch.Vergaderjaar, Order = FacetOrder.ByValueDescending, ValueName = "2023-2024",
                Placeholder = "bijv. 2024-2025 of 2024", Help = "alleen dit vergaderjaar (herhaalbaar; een jaartal kiest beide vergaderjaren waarin het valt)",
            },
            Export = new("vergaderjaar") { After = "kind", Single = true },
        },
        Keyword(Fields.Addressee, d => d.Addressees),
        new(Fields.Date, FieldKind.Date, FieldAnalysis.None),
        new(Fields.IngestedAt, FieldKind.Number, FieldAnalysis.None) { Stored = true, DocumentOnly = true },
        new(Fields.Change, FieldKind.Text, FieldAnalysis.None) { Stored = true },
        Keyword(Fields.Sha256) with { Stored = true },
        Keyword(Fields.SourcePath) with { Stored = true },
        Keyword(Fields.Number) with { Stored = true },
        new(Fields.AnsweredWith, FieldKind.Text, FieldAnalysis.None) { Stored = true },
        new(Fields.Question, FieldKind.Text, FieldAnalysis.Stemmed) { Aliases = ["vraag"] },
        new(Fields.Answer, FieldKind.Text, FieldAnalysis.Stemmed) { Aliases = ["antwoord"] },
        new(Fields.Subject, FieldKind.Text, FieldAnalysis.Stemmed) { Aliases = ["onderwerp"], DocumentOnly = true },
        new(Fields.QuestionExact, FieldKind.Text, FieldAnalysis.Exact),
        new(Fields.AnswerExact, FieldKind.Text, FieldAnalysis.Exact),
        new(Fields.SubjectExact, FieldKind.Text, FieldAnalysis.Exact) { DocumentOnly = true },
        new(Fields.AskerText, FieldKind.Text, FieldAnalysis.Exact) { Aliases = ["indiener"], DocumentOnly = true },
        new(Fields.PartyText, FieldKind.Text, FieldAnalysis.Exact) { Aliases = ["partij"], DocumentOnly = true },
        new(Fields.MinisterText, FieldKind.Text, FieldAnalysis.Exact) { Aliases = ["minister", "staatssecretaris"], DocumentOnly = true },
        new(Fields.MinistryText, FieldKind.Text, FieldAnalysis.Exact) { Aliases = ["ministerie"], DocumentOnly = true },
        new(Fields.DocumentJson, FieldKind.Text, FieldAnalysis.None) { Stored = true },
        new(Fields.DossierFacts, FieldKind.Text, FieldAnalysis.None),
    ];

    /// <summary>The fields people filter on, in the order of the form, the sidebar and the response's facets.</summary>
    public static IReadOnlyList<SchemaField> Filters { get; } = [.. All.Where(f => f.Filter is not null)];

    /// <summary>The filters that are counted as facets.</summary>
    public static IReadOnlyList<SchemaField> Facets { get; } = [.. Filters.Where(f => f.Filter!.Facet)];

    /// <summary>The rows that are columns of the export, in schema order.</summary>
    public static IReadOnlyList<SchemaField> Exported { get; } = [.. All.Where(f => f.Export is not null)];

    private static readonly HashSet<string> OnRecordOnly = [.. All.Where(f => f.DocumentOnly).Select(f => f.Name)];

    /// <summary>Whether only document records carry the field (<see cref="SchemaField.DocumentOnly"/>).</summary>
    public static bool IsDocumentOnly(string field) => OnRecordOnly.Contains(field);

    /// <summary>The keyword fields the document mapper fills from <see cref="SchemaField.Values"/>.</summary>
    public static IReadOnlyList<SchemaField> MappedKeywords { get; } = [.. All.Where(f => f.Values is not null)];

    private static readonly Dictionary<string, string> ByAlias =
        All.SelectMany(f => f.Aliases.Select(a => (a, f.Name))).ToDictionary(x => x.a, x => x.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The index field a query-syntax name searches (<c>indiener</c> → asker_text), case-insensitive.</summary>
    public static string? FieldOfAlias(string alias) => ByAlias.GetValueOrDefault(alias);

    /// <summary>Every query-syntax field name.</summary>
    public static IEnumerable<string> Aliases => ByAlias.Keys;

    /// <summary>The filter field of a URL parameter or CLI option name (without dashes).</summary>
    public static SchemaField? ByParam(string param) => Filters.FirstOrDefault(f => f.Filter!.Param == param);

    public static SchemaField Field(string name) => All.First(f => f.Name == name);

    /// <summary>The fields indexed with an analyzer chain.</summary>
    public static IEnumerable<string> Analysed(FieldAnalysis analysis) => All.Where(f => f.Analysis == analysis).Select(f => f.Name);

    /// <summary>A keyword field; one with values from the document (its filters) is a document's, not its pairs'.</summary>
    private static SchemaField Keyword(string name, Func<KamervraagDocument, IEnumerable<string?>>? values = null) =>
        new(name, FieldKind.Keyword, FieldAnalysis.Keyword) { Values = values, DocumentOnly = values is not null };
}
