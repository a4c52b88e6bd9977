namespace SearchKamer.Indexing;

/// <summary>
/// The names of the index's fields: one record per question-answer pair ("pair") and one per document ("doc"),
/// written together as one block keyed by <see cref="DocId"/>. What each field is (kind, analyzer, filter,
/// facet, labels) is declared once, in <see cref="IndexSchema"/>.
/// </summary>
public static class Fields
{
    public const string Level = "level";
    public const string LevelPair = "pair";
    public const string LevelDoc = "doc";

    /// <summary>Stable document key: official id, else TK document number, else the file name.</summary>
    public const string DocId = "doc_id";

    // Identifiers for shortcuts, stored lower-case as keywords.
    public const string OfficialId = "official_id";
    public const string DocumentNumber = "document_number";
    public const string Zaak = "zaak";

    // Keyword metadata: StringField for filtering plus SortedSetDocValues for facets.
    public const string Kind = "kind";
    public const string Vergaderjaar = "vergaderjaar";
    public const string Year = "year";
    public const string Minister = "minister";
    public const string Ministry = "ministry";
    public const string Party = "party";
    public const string Asker = "asker";
    public const string Addressee = "addressee";

    /// <summary>
    /// yyyymmdd of the received date (else submitted), as NumericDocValues on the document record: results are sorted by
    /// it and the period filter reads it per record (<c>Search/FacetTable</c> keeps it beside the record's facet values).
    /// No terms: nothing searches them.
    /// </summary>
    public const string Date = "date";

    /// <summary>UTC ticks of the moment the document was (re)indexed.</summary>
    public const string IngestedAt = "ingested_at";

    /// <summary>Stored on a document record re-indexed with news: what changed ("nieuw antwoord", …).</summary>
    public const string Change = "change";

    public const string Sha256 = "sha256";
    public const string SourcePath = "source_path";

    // Full text, stemmed with compound parts (index time) and exact (lower-case, folded).
    public const string Question = "question";
    public const string Answer = "answer";
    public const string Subject = "subject";
    public const string QuestionExact = "question_exact";
    public const string AnswerExact = "answer_exact";
    public const string SubjectExact = "subject_exact";

    // Names as searchable text for "indiener:", "minister:", "partij:", "ministerie:".
    public const string AskerText = "asker_text";
    public const string MinisterText = "minister_text";
    public const string PartyText = "party_text";
    public const string MinistryText = "ministry_text";

    public const string Number = "number";
    public const string AnsweredWith = "answered_with";

    /// <summary>The whole <see cref="Domain.KamervraagDocument"/> as JSON, on the doc record.</summary>
    public const string DocumentJson = "document_json";

    /// <summary>The record without its texts, as binary doc values on the doc record: what a dossier is built from.</summary>
    public const string DossierFacts = "dossier_facts";

    public static string ExactOf(string field) => field switch
    {
        Question => QuestionExact,
        Answer => AnswerExact,
        Subject => SubjectExact,
        _ => field,
    };
}
