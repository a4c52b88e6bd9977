using SearchKamer.Domain;

namespace SearchKamer.Dossiers;

/// <summary>The Kamer's answer term: three weeks from submission; an uitstel notice buys three more in practice.</summary>
public sealed record LatenessTerms(int TermDays = 21, int PostponementDays = 21)
{
    public static LatenessTerms Default { get; } = new();
}

/// <param name="Key">The index key of the member (its official id where it has one).</param>
/// <param name="Kind">"vragen", "antwoord", "nader-antwoord" or "mededeling".</param>
/// <param name="Notice">For a mededeling: "uitstel", "beantwoord-per-brief", "ingetrokken" or "overig".</param>
/// <param name="Day">Days since the questions were submitted, when both dates are known.</param>
public sealed record DossierMember(string Key, string Kind, string? Notice, DateOnly? Date, string Title, string? OfficialId, int? Day);

/// <summary>One Kamervraag from question to answer: every indexed document of one zaak, in date order.</summary>
/// <param name="Zaak">The zaak number; for an answer that names none (older Aanhangsel PDFs), its own id.</param>
/// <param name="Status">"open", "beantwoord" or "ingetrokken".</param>
/// <param name="Days">Days from submission to the first answer, or, while open, to today.</param>
/// <param name="Deadline">Submission plus the term (plus the postponement after an uitstel notice).</param>
/// <param name="Warnings">What does not fit the usual course (two answers, no question set, notice after the answer).</param>
public sealed record Dossier(
    string Zaak,
    string Title,
    string? Subject,
    IReadOnlyList<Asker> Askers,
    IReadOnlyList<string> Addressees,
    IReadOnlyList<string> Ministries,
    IReadOnlyList<Answerer> Answerers,
    DateOnly? Submitted,
    DateOnly? Answered,
    DateOnly? Deadline,
    string Status,
    int? Days,
    bool Late,
    bool Postponed,
    string? QuestionSetKey,
    string? AnswerKey,
    IReadOnlyList<DossierMember> Members,
    IReadOnlyList<string> Warnings)
{
    public bool IsOpen => Status == DossierStatuses.Open;

    public bool IsAnswered => Status == DossierStatuses.Answered;
}

public static class DossierStatuses
{
    public const string Open = "open";
    public const string Answered = "beantwoord";
    public const string Withdrawn = "ingetrokken";
}
