using System.Globalization;
using SearchKamer.Domain;
using SearchKamer.Indexing;
using SearchKamer.Reference;

namespace SearchKamer.Dossiers;

/// <summary>
/// Puts the documents of one zaak in order and reads the course of the question from them: when it was
/// submitted, postponed and answered, against which deadline. Whatever does not fit the usual course is
/// kept and shown with a warning, never dropped.
/// </summary>
public static class DossierBuilder
{
    public static Dossier Build(string zaak, IEnumerable<(string Key, KamervraagDocument Doc)> documents, LatenessTerms terms, DateOnly today)
    {
        var docs = documents.DistinctBy(d => d.Key).OrderBy(d => DateOf(d.Doc) ?? DateOnly.MaxValue).ThenBy(d => Order(d.Doc.Kind)).ThenBy(d => d.Key, StringComparer.Ordinal).ToList();
        var warnings = new List<string>();
        var set = docs.FirstOrDefault(d => d.Doc.Kind == DocumentKind.Vragen);
        var answers = docs.Where(d => d.Doc.Kind == DocumentKind.Antwoord).ToList();
        var notices = docs.Where(d => d.Doc.Kind == DocumentKind.Mededeling).ToList();
        var byLetter = notices.Where(n => n.Doc.NoticeKind == NoticeKind.BeantwoordPerBrief).ToList();
        // The first answer by date counts for the term; an undated one only when none has a date.
        var first = answers.Concat(byLetter).OrderBy(a => DateOf(a.Doc) ?? DateOnly.MaxValue).FirstOrDefault();

        var submitted = set.Doc?.DateSubmitted ?? docs.Select(d => d.Doc.DateSubmitted).Where(d => d is not null).Min();
        var answered = first.Doc is null ? null : DateOf(first.Doc);
        var postponed = notices.Any(n => n.Doc.NoticeKind == NoticeKind.Uitstel);
        var deadline = submitted?.AddDays(terms.TermDays + (postponed ? terms.PostponementDays : 0));
        var status = first.Doc is not null ? DossierStatuses.Answered
            : notices.Any(n => n.Doc.NoticeKind == NoticeKind.Ingetrokken) ? DossierStatuses.Withdrawn
            : DossierStatuses.Open;
        int? days = submitted is not { } s ? null
            : status == DossierStatuses.Answered ? answered is { } a ? a.DayNumber - s.DayNumber : null
            : status == DossierStatuses.Open ? today.DayNumber - s.DayNumber : null;
        var late = deadline is { } dl && (status == DossierStatuses.Answered ? answered > dl : status == DossierStatuses.Open && today > dl);

        Check(set, answers, notices, answered, warnings);
        var source = set.Doc ?? docs.FirstOrDefault(d => d.Doc.Subject is not null).Doc ?? docs[0].Doc;
        var answerers = first.Doc?.Answerers ?? [];
        var ministries = answerers.Select(x => x.Ministry).OfType<string>()
            .Concat(answerers.Count > 0 ? [] : source.Addressees.Select(Reference.Ministries.Canonical).OfType<string>())
            .Distinct().ToList();
        var members = docs.Select(d => new DossierMember(d.Key, Kinds.Name(d.Doc.Kind), NoticeName(d.Doc.NoticeKind), DateOf(d.Doc),
            DocumentTitle.Of(d.Doc), d.Doc.OfficialId, DateOf(d.Doc) is { } md && submitted is { } sd ? md.DayNumber - sd.DayNumber : null)).ToList();
        return new Dossier(zaak, DocumentTitle.Of(source), source.Subject, source.Askers, source.Addressees, ministries, answerers,
            submitted, answered, deadline, status, days, late, postponed, set.Key, first.Key, members, warnings);
    }

    /// <summary>The date a member entered the course: submission for the questions, receipt for the rest.</summary>
    public static DateOnly? DateOf(KamervraagDocument doc) =>
        doc.Kind == DocumentKind.Vragen ? doc.DateSubmitted ?? doc.DateReceived : doc.DateReceived ?? doc.DateSubmitted;

    private static void Check(
        (string Key, KamervraagDocument Doc) set, List<(string Key, KamervraagDocument Doc)> answers,
        List<(string Key, KamervraagDocument Doc)> notices, DateOnly? answered, List<string> warnings)
    {
        if (set.Doc is null && (answers.Count > 0 || notices.Count > 0))
        {
            warnings.Add("de vragen zelf staan niet in de index; de ingezonden-datum komt uit het antwoord, als dat hem noemt");
        }

        if (answers.Count > 1)
        {
            warnings.Add($"{answers.Count} antwoorden op dezelfde vragen ({string.Join(", ", answers.Select(a => $"{a.Key} van {Day(DateOf(a.Doc))}"))}); het eerste telt voor de termijn");
        }

        foreach (var n in notices.Where(n => n.Doc.NoticeKind != NoticeKind.BeantwoordPerBrief && answered is { } a && DateOf(n.Doc) > a))
        {
            warnings.Add($"mededeling {n.Key} ({Day(DateOf(n.Doc))}) kwam na het antwoord van {Day(answered)}");
        }

        foreach (var a in set.Doc is null ? [] : answers)
        {
            if (a.Doc.Subject is { } subject && set.Doc?.Subject is { } asked && !a.Doc.Inherited.Contains(Inheritance.Subject) && Inheritance.Normal(subject) != Inheritance.Normal(asked))
            {
                warnings.Add($"onderwerp van {a.Key} (\"{subject}\") wijkt af van dat van de vragen (\"{asked}\")");
            }
        }
    }

    private static int Order(DocumentKind kind) => kind switch
    {
        DocumentKind.Vragen => 0,
        DocumentKind.Mededeling => 1,
        DocumentKind.Antwoord => 2,
        _ => 3,
    };

    private static string? NoticeName(NoticeKind? kind) => kind switch
    {
        null => null,
        NoticeKind.Uitstel => "uitstel",
        NoticeKind.BeantwoordPerBrief => "beantwoord-per-brief",
        NoticeKind.Ingetrokken => "ingetrokken",
        _ => "overig",
    };

    private static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "onbekende datum";
}
