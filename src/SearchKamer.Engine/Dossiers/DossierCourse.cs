using SearchKamer.Domain;

namespace SearchKamer.Dossiers;

/// <summary>What the course of a zaak is read from, per member document: its kind, what a notice announces, its dates.</summary>
/// <param name="Key">The index key of the member.</param>
public sealed record CourseMember(string Key, DocumentKind Kind, NoticeKind? Notice, DateOnly? DateSubmitted, DateOnly? DateReceived)
{
    public static CourseMember Of(string key, KamervraagDocument doc) =>
        new(key, doc.Kind, doc.NoticeKind, doc.DateSubmitted, doc.DateReceived);

    /// <summary>The date the member entered the course: submission for the questions, receipt for the rest.</summary>
    public DateOnly? Date => Kind == DocumentKind.Vragen ? DateSubmitted ?? DateReceived : DateReceived ?? DateSubmitted;
}

/// <summary>
/// The course of one zaak: its members in order, when the question was submitted, postponed and answered, against
/// which deadline. Read from the members' kinds and dates alone, so a results page can show each hit's state without
/// reading whole documents; the whole dossier (<see cref="DossierBuilder"/>) is built on the same course, so both
/// always tell the same.
/// </summary>
/// <param name="Members">Each key once, in date order (undated last), questions before notices before answers on a day.</param>
/// <param name="First">The answer that counts for the term: the first by date, an answer letter notice included.</param>
public sealed record DossierCourse(
    IReadOnlyList<CourseMember> Members,
    CourseMember? Set,
    IReadOnlyList<CourseMember> Answers,
    IReadOnlyList<CourseMember> Notices,
    CourseMember? First,
    DateOnly? Submitted,
    DateOnly? Answered,
    DateOnly? Deadline,
    string Status,
    int? Days,
    bool Late,
    bool Postponed)
{
    public static DossierCourse Of(IEnumerable<CourseMember> members, LatenessTerms terms, DateOnly today)
    {
        var ordered = members.DistinctBy(m => m.Key).OrderBy(m => m.Date ?? DateOnly.MaxValue).ThenBy(m => Order(m.Kind))
            .ThenBy(m => m.Key, StringComparer.Ordinal).ToList();
        var set = ordered.FirstOrDefault(m => m.Kind == DocumentKind.Vragen);
        var answers = ordered.Where(m => m.Kind == DocumentKind.Antwoord).ToList();
        var notices = ordered.Where(m => m.Kind == DocumentKind.Mededeling).ToList();
        // The first answer by date counts for the term; an undated one only when none has a date.
        var first = answers.Concat(notices.Where(n => n.Notice == NoticeKind.BeantwoordPerBrief)).OrderBy(a => a.Date ?? DateOnly.MaxValue).FirstOrDefault();

        var submitted = set?.DateSubmitted ?? ordered.Select(m => m.DateSubmitted).Where(d => d is not null).Min();
        var answered = first?.Date;
        var postponed = notices.Any(n => n.Notice == NoticeKind.Uitstel);
        var deadline = submitted?.AddDays(terms.TermDays + (postponed ? terms.PostponementDays : 0));
        var status = first is not null ? DossierStatuses.Answered
            : notices.Any(n => n.Notice == NoticeKind.Ingetrokken) ? DossierStatuses.Withdrawn
            : DossierStatuses.Open;
        int? days = submitted is not { } s ? null
            : status == DossierStatuses.Answered ? answered is { } a ? a.DayNumber - s.DayNumber : null
            : status == DossierStatuses.Open ? today.DayNumber - s.DayNumber : null;
        var late = deadline is { } dl && (status == DossierStatuses.Answered ? answered > dl : status == DossierStatuses.Open && today > dl);
        return new DossierCourse(ordered, set, answers, notices, first, submitted, answered, deadline, status, days, late, postponed);
    }

    private static int Order(DocumentKind kind) => kind switch
    {
        DocumentKind.Vragen => 0,
        DocumentKind.Mededeling => 1,
        DocumentKind.Antwoord => 2,
        _ => 3,
    };
}
