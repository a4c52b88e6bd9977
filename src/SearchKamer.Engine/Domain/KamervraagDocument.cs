namespace SearchKamer.Domain;

/// <summary>One parsed Kamervragen document: a question set, an answer, a follow-up answer or a notice.</summary>
public sealed record KamervraagDocument
{
    public required DocumentKind Kind { get; init; }

    /// <summary>What a <see cref="DocumentKind.Mededeling"/> announces; null for every other kind.</summary>
    public NoticeKind? NoticeKind { get; init; }

    /// <summary>KOOP id such as <c>ah-tk-20232024-1314</c> or <c>kv-tk-2024Z17972</c>.</summary>
    public string? OfficialId { get; init; }

    /// <summary>Tweede Kamer document number such as <c>2025D36086</c>.</summary>
    public string? DocumentNumber { get; init; }

    public IReadOnlyList<string> ZaakNumbers { get; init; } = [];

    /// <summary>Parliamentary year as <c>2023-2024</c> (hyphen-minus).</summary>
    public string? Vergaderjaar { get; init; }

    public int? Aanhangselnummer { get; init; }

    public string? Subject { get; init; }

    public IReadOnlyList<Asker> Askers { get; init; } = [];

    /// <summary>Addressed offices, e.g. "Minister van Onderwijs, Cultuur en Wetenschap".</summary>
    public IReadOnlyList<string> Addressees { get; init; } = [];

    public IReadOnlyList<Answerer> Answerers { get; init; } = [];

    /// <summary>Offices named after "mede namens", expanded one per office.</summary>
    public IReadOnlyList<string> OnBehalfOf { get; init; } = [];

    public DateOnly? DateSubmitted { get; init; }

    public DateOnly? DateReceived { get; init; }

    public SeeAlso? SeeAlso { get; init; }

    /// <summary>The paragraph of a Mededeling (uitstel, answered by letter, withdrawal).</summary>
    public string? Notice { get; init; }

    public IReadOnlyList<QuestionAnswer> Questions { get; init; } = [];

    public IReadOnlyList<Footnote> Footnotes { get; init; } = [];

    /// <summary>
    /// Fields this document's own text lacks and that were taken, when it was indexed, from the question set of the
    /// same zaak: "onderwerp", "vragenstellers", "geadresseerden". Empty when nothing was inherited.
    /// </summary>
    public IReadOnlyList<string> Inherited { get; init; } = [];

    /// <summary>Everything the parser doubted or could not reconcile; never silently dropped.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public required SourceInfo Source { get; init; }
}

public enum DocumentKind
{
    Vragen,
    Antwoord,
    NaderAntwoord,
    Mededeling,
}

public enum NoticeKind
{
    Uitstel,
    BeantwoordPerBrief,
    Ingetrokken,
    Overig,
}

public sealed record Asker(string Name, string? Party);

/// <param name="Role">"Minister", "Staatssecretaris" or "Minister-president".</param>
/// <param name="Portfolio">The text in parentheses after the name, as printed.</param>
/// <param name="Ministry">The canonical ministry the portfolio belongs to, when known.</param>
public sealed record Answerer(string Role, string Name, string? Portfolio, string? Ministry);

public sealed record SeeAlso(string Vergaderjaar, int Number);

/// <param name="Number">The question number.</param>
/// <param name="AnsweredWith">All numbers that share this answer (including this one) when the answer is combined; empty otherwise.</param>
public sealed record QuestionAnswer(
    int Number,
    string Question,
    string? Answer,
    IReadOnlyList<int> AnsweredWith,
    IReadOnlyList<int> Footnotes);

public sealed record Footnote(int Number, string Text, string? Url);

/// <param name="Format">The name of its <see cref="DocumentFormat"/> ("pdf", "html", "xml", "docx" or "text").</param>
public sealed record SourceInfo(string Path, string Format, string Sha256);
