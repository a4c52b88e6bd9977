using System.Globalization;
using SearchKamer.Domain;
using SearchKamer.Indexing;
using SearchKamer.Reference;

namespace SearchKamer.Dossiers;

/// <summary>
/// A zaak's whole dossier: its course (<see cref="DossierCourse"/>: the order of its documents, when the question was
/// submitted, postponed and answered) with what the dossier page shows beside it: title, askers, answerers, members.
/// Whatever does not fit the usual course is kept and shown with a warning, never dropped.
/// </summary>
public static class DossierBuilder
{
    public static Dossier Build(string zaak, IEnumerable<(string Key, KamervraagDocument Doc)> documents, LatenessTerms terms, DateOnly today)
    {
        // A key given twice stands for its first document, as in the course.
        var docs = new Dictionary<string, KamervraagDocument>(StringComparer.Ordinal);
        foreach (var (key, doc) in documents)
        {
            docs.TryAdd(key, doc);
        }

        var course = DossierCourse.Of(docs.Select(d => CourseMember.Of(d.Key, d.Value)), terms, today);
        var warnings = new List<string>();
        Check(course, docs, warnings);
        var set = course.Set is { } s ? docs[s.Key] : null;
        var first = course.First is { } f ? docs[f.Key] : null;
        var ordered = course.Members.Select(m => docs[m.Key]).ToList();
        var source = set ?? ordered.FirstOrDefault(d => d.Subject is not null) ?? ordered[0];
        var answerers = first?.Answerers ?? [];
        var ministries = answerers.Select(x => x.Ministry).OfType<string>()
            .Concat(answerers.Count > 0 ? [] : source.Addressees.Select(Reference.Ministries.Canonical).OfType<string>())
            .Distinct().ToList();
        var members = course.Members.Zip(ordered, (m, doc) => new DossierMember(m.Key, Kinds.Name(m.Kind), NoticeName(m.Notice), m.Date,
            DocumentTitle.Of(doc), doc.OfficialId, m.Date is { } md && course.Submitted is { } sd ? md.DayNumber - sd.DayNumber : null)).ToList();
        return new Dossier(zaak, DocumentTitle.Of(source), source.Subject, source.Askers, source.Addressees, ministries, answerers,
            course.Submitted, course.Answered, course.Deadline, course.Status, course.Days, course.Late, course.Postponed,
            course.Set?.Key, course.First?.Key, members, warnings);
    }

    private static void Check(DossierCourse course, Dictionary<string, KamervraagDocument> docs, List<string> warnings)
    {
        var (set, answers, notices, answered) = (course.Set, course.Answers, course.Notices, course.Answered);
        if (set is null && (answers.Count > 0 || notices.Count > 0))
        {
            warnings.Add("de vragen zelf staan niet in de index; de ingezonden-datum komt uit het antwoord, als dat hem noemt");
        }

        if (answers.Count > 1)
        {
            warnings.Add($"{answers.Count} antwoorden op dezelfde vragen ({string.Join(", ", answers.Select(a => $"{a.Key} van {Day(a.Date)}"))}); het eerste telt voor de termijn");
        }

        foreach (var n in notices.Where(n => n.Notice != NoticeKind.BeantwoordPerBrief && answered is { } a && n.Date > a))
        {
            warnings.Add($"mededeling {n.Key} ({Day(n.Date)}) kwam na het antwoord van {Day(answered)}");
        }

        var asked = set is null ? null : docs[set.Key].Subject;
        foreach (var a in set is null ? [] : answers.Select(a => (a.Key, Doc: docs[a.Key])))
        {
            if (a.Doc.Subject is { } subject && asked is not null && !a.Doc.Inherited.Contains(Inheritance.Subject) && Inheritance.Normal(subject) != Inheritance.Normal(asked))
            {
                warnings.Add($"onderwerp van {a.Key} (\"{subject}\") wijkt af van dat van de vragen (\"{asked}\")");
            }
        }
    }

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
