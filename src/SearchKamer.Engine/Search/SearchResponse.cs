using SearchKamer.Domain;

namespace SearchKamer.Search;

/// <param name="Total">Matching questions (pairs).</param>
/// <param name="TotalDocuments">Documents those questions belong to.</param>
/// <param name="SyntaxRelaxed">The query could not be read as written and was taken more literally.</param>
/// <param name="Shortcut">The document id when the query was an identifier that named one document.</param>
/// <param name="Facets">Per facet, its values with their document counts, cut to <see cref="SearchRequest.FacetLimit"/>.</param>
public sealed record SearchResponse(
    int Total,
    int TotalDocuments,
    long TookMs,
    bool SyntaxRelaxed,
    string? Notice,
    string? Shortcut,
    IReadOnlyList<DocumentHit> Documents,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets)
{
    /// <summary>
    /// Per facet, how many distinct values the result has before the cut to <see cref="SearchRequest.FacetLimit"/> (selected
    /// values without matches included), so a client can say "25 of 386"; equal to the facet's length when nothing was left out.
    /// </summary>
    public IReadOnlyDictionary<string, int> FacetTotals { get; init; } = new Dictionary<string, int>();

    /// <summary>How typed filter values were read: several people for a surname, unknown values with the closest known ones.</summary>
    public IReadOnlyList<string> FilterNotes { get; init; } = [];

    /// <summary>On zero hits, the query with its hitless words replaced by the index's nearest words ("Bedoelde u …?").</summary>
    public string? Suggestion { get; init; }
}

/// <param name="Questions">Matching questions of the document, best first, with highlighted snippets (HTML).</param>
public sealed record DocumentHit(
    string Id,
    string Kind,
    string? OfficialId,
    string? DocumentNumber,
    string? Subject,
    DateOnly? DateSubmitted,
    DateOnly? DateReceived,
    IReadOnlyList<Asker> Askers,
    IReadOnlyList<Answerer> Answerers,
    float Score,
    IReadOnlyList<QuestionHit> Questions)
{
    /// <summary>What to call the hit: its subject, else a sentence from its metadata (<see cref="Domain.DocumentTitle"/>); never a file name.</summary>
    public string Title { get; init; } = Subject ?? "";

    /// <summary>
    /// The document's (first) zaak, for the host to find the hit's dossier without reading the document again;
    /// not part of the response (the API gives it inside "dossier").
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Zaak { get; init; }

    /// <summary>The state of the hit's dossier ("beantwoord na 1 dag"), filled in by the host; null without zaak.</summary>
    public DossierState? Dossier { get; init; }
}

/// <param name="Question">HTML: the document text encoded, matches wrapped in &lt;mark&gt;.</param>
/// <param name="Answer">HTML, as <paramref name="Question"/>.</param>
/// <param name="Question">The question's snippet as HTML: escaped text with &lt;mark&gt; around what matched.</param>
/// <param name="Answer">The answer's snippet, the same way; null when the question has no answer yet.</param>
public sealed record QuestionHit(int Number, float Score, string Question, string? Answer)
{
    /// <summary>The question's snippet as plain text with the highlights as ranges, for API users who do not render HTML.</summary>
    public MarkedText QuestionText => SnippetMarkup.Parse(Question);

    public MarkedText? AnswerText => Answer is null ? null : SnippetMarkup.Parse(Answer);
}

public sealed record FacetValue(string Value, int Count, bool Selected);
