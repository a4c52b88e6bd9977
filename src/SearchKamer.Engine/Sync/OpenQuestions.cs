using SearchKamer.Domain;
using SearchKamer.Reference;

namespace SearchKamer.Sync;

/// <param name="Deadline">Three weeks after the start, six when an uitstel notice came.</param>
public sealed record OpenQuestionSet(
    string Zaak, string? Subject, DateOnly? Started, IReadOnlyList<string> Askers, IReadOnlyList<string> Parties,
    IReadOnlyList<string> Ministries, bool Postponed, DateOnly? Deadline, int? DaysOpen, bool Late);

public sealed record AnsweredQuestionSet(
    string Zaak, string? Subject, DateOnly? Started, DateOnly Answered, int? Days, IReadOnlyList<string> Parties, IReadOnlyList<string> Ministries);

/// <param name="AverageDaysToAnswer">Over the answered sets of this group; null when none was answered.</param>
public sealed record OpenQuestionsGroup(string Name, int Open, int Late, int Answered, double? AverageDaysToAnswer);

public sealed record OpenQuestionsReport(
    DateOnly Today, IReadOnlyList<OpenQuestionSet> Open, IReadOnlyList<AnsweredQuestionSet> Answered,
    IReadOnlyList<OpenQuestionsGroup> PerMinistry, IReadOnlyList<OpenQuestionsGroup> PerParty);

/// <summary>
/// Question sets (zaken of soort Schriftelijke vragen) and their answers, linked through the zaak.
/// A set is answered by any "Antwoord schriftelijke vragen…" document, or by a Mededeling the index
/// reads as "answered by letter"; withdrawn sets are left out; an uitstel notice moves the deadline.
/// </summary>
public sealed class OpenQuestions(SyncState state, Func<string, NoticeKind?>? noticeOf = null)
{
    public const int TermDays = 21;
    public const int PostponedTermDays = 42;

    /// <summary>
    /// The report from the index's dossiers: every question set without an answer, with or without sync.
    /// Sets the sync store knows but the index does not hold yet are added from <paramref name="synced"/>.
    /// </summary>
    public static OpenQuestionsReport FromDossiers(IReadOnlyList<Dossiers.Dossier> dossiers, DateOnly today, OpenQuestionsReport? synced = null)
    {
        var open = dossiers.Where(d => d.IsOpen && d.QuestionSetKey is not null).Select(d => new OpenQuestionSet(
            d.Zaak, d.Subject, d.Submitted, d.Askers.Select(a => a.Party is null ? a.Name : $"{a.Name} ({a.Party})").ToList(),
            PartiesOf(d), d.Ministries, d.Postponed, d.Deadline, d.Days, d.Late)).ToList();
        var answered = dossiers.Where(d => d.IsAnswered && d.Answered is not null).Select(d => new AnsweredQuestionSet(
            d.Zaak, d.Subject, d.Submitted, d.Answered!.Value, d.Days, PartiesOf(d), d.Ministries)).ToList();
        var known = dossiers.Select(d => d.Zaak).ToHashSet(StringComparer.OrdinalIgnoreCase);
        open.AddRange(synced?.Open.Where(o => !known.Contains(o.Zaak)) ?? []);
        answered.AddRange(synced?.Answered.Where(a => !known.Contains(a.Zaak)) ?? []);
        open = [.. open.OrderByDescending(o => o.DaysOpen ?? 0).ThenBy(o => o.Zaak, StringComparer.Ordinal)];
        answered = [.. answered.OrderByDescending(a => a.Answered).ThenBy(a => a.Zaak, StringComparer.Ordinal)];
        return new OpenQuestionsReport(today, open, answered,
            Group(open, answered, o => o.Ministries, a => a.Ministries),
            Group(open, answered, o => o.Parties, a => a.Parties));
    }

    private static List<string> PartiesOf(Dossiers.Dossier d) =>
        d.Askers.Select(a => a.Party).OfType<string>().Select(Reference.Parties.Canonical).Distinct().ToList();

    private sealed record Doc(string Soort, string? Onderwerp, DateOnly? Datum, string? IndexKey);

    private sealed record Zaak(string Id, string Nummer, string? Onderwerp, DateOnly? Started, List<Doc> Docs, List<(string Name, string? Party)> Askers, List<string> Offices);

    public OpenQuestionsReport Build(DateOnly today)
    {
        var open = new List<OpenQuestionSet>();
        var answered = new List<AnsweredQuestionSet>();
        foreach (var z in Load())
        {
            var notices = z.Docs.Where(d => d.Soort.StartsWith(TkApiNames.DocumentSoort.Mededeling, StringComparison.OrdinalIgnoreCase))
                .Select(d => (Doc: d, Kind: d.IndexKey is { } k ? noticeOf?.Invoke(k) : null)).ToList();
            if (notices.Any(n => n.Kind == NoticeKind.Ingetrokken || Mentions(n.Doc.Onderwerp, "ingetrokken", "intrekken")))
            {
                continue;
            }

            var started = z.Started ?? z.Docs.Where(d => d.Soort.Equals(TkApiNames.DocumentSoort.Vragen, StringComparison.OrdinalIgnoreCase)).Min(d => d.Datum);
            var parties = z.Askers.Select(a => a.Party).OfType<string>().Select(Parties.Canonical).Distinct().ToList();
            var ministries = z.Offices.Select(o => Ministries.Canonical(o) ?? o).Distinct().ToList();
            var answers = z.Docs.Where(d => TkApiNames.DocumentSoort.IsAnswer(d.Soort))
                .Concat(notices.Where(n => n.Kind == NoticeKind.BeantwoordPerBrief).Select(n => n.Doc)).ToList();
            if (answers.Count > 0)
            {
                var first = answers.Select(a => a.Datum).Where(d => d is not null).DefaultIfEmpty(today).Min()!.Value;
                answered.Add(new AnsweredQuestionSet(z.Nummer, z.Onderwerp, started, first,
                    started is { } s ? first.DayNumber - s.DayNumber : null, parties, ministries));
                continue;
            }

            var postponed = z.Docs.Any(d => d.Soort.Contains("uitstel", StringComparison.OrdinalIgnoreCase)) || notices.Any(n => n.Kind == NoticeKind.Uitstel);
            var deadline = started?.AddDays(postponed ? PostponedTermDays : TermDays);
            open.Add(new OpenQuestionSet(z.Nummer, z.Onderwerp, started,
                z.Askers.Select(a => a.Party is null ? a.Name : $"{a.Name} ({a.Party})").ToList(), parties, ministries,
                postponed, deadline, started is { } st ? today.DayNumber - st.DayNumber : null, deadline is { } dl && today > dl));
        }

        open = [.. open.OrderByDescending(o => o.DaysOpen ?? 0).ThenBy(o => o.Zaak, StringComparer.Ordinal)];
        answered = [.. answered.OrderByDescending(a => a.Answered).ThenBy(a => a.Zaak, StringComparer.Ordinal)];
        return new OpenQuestionsReport(today, open, answered,
            Group(open, answered, o => o.Ministries, a => a.Ministries),
            Group(open, answered, o => o.Parties, a => a.Parties));
    }

    private static List<OpenQuestionsGroup> Group(
        List<OpenQuestionSet> open, List<AnsweredQuestionSet> answered,
        Func<OpenQuestionSet, IReadOnlyList<string>> openKeys, Func<AnsweredQuestionSet, IReadOnlyList<string>> answeredKeys)
    {
        var names = open.SelectMany(openKeys).Concat(answered.SelectMany(answeredKeys)).Distinct().Order(StringComparer.Ordinal);
        return names.Select(name =>
        {
            var o = open.Where(x => openKeys(x).Contains(name)).ToList();
            var a = answered.Where(x => answeredKeys(x).Contains(name)).ToList();
            var days = a.Select(x => x.Days).OfType<int>().ToList();
            return new OpenQuestionsGroup(name, o.Count, o.Count(x => x.Late), a.Count, days.Count > 0 ? Math.Round(days.Average(), 1) : null);
        }).OrderByDescending(g => g.Open).ThenBy(g => g.Name, StringComparer.Ordinal).ToList();
    }

    private static bool Mentions(string? text, params string[] words) =>
        text is not null && words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));

    private List<Zaak> Load()
    {
        using var c = state.Store.Open();
        var zaken = new Dictionary<string, Zaak>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT id, nummer, onderwerp, gestart_op FROM sync_zaak WHERE verwijderd = 0 AND soort = $s AND nummer IS NOT NULL";
            cmd.Parameters.AddWithValue("$s", TkApiNames.ZaakSoort.Vragen);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                zaken[r.GetString(0)] = new Zaak(r.GetString(0), r.GetString(1), SyncState.Text(r, 2), Date(SyncState.Text(r, 3)), [], [], []);
            }
        }

        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = """
                SELECT dz.zaak_id, d.soort, d.onderwerp, d.datum, d.index_key FROM sync_document_zaak dz
                JOIN sync_document d ON d.id = dz.document_id WHERE d.verwijderd = 0 AND d.soort IS NOT NULL
                """;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (zaken.TryGetValue(r.GetString(0), out var z))
                {
                    z.Docs.Add(new Doc(r.GetString(1), SyncState.Text(r, 2), Date(SyncState.Text(r, 3)), SyncState.Text(r, 4)));
                }
            }
        }

        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = """
                SELECT a.zaak_id, a.relatie, COALESCE(a.naam, p.achternaam), COALESCE(a.fractie, f.afkorting), a.functie FROM sync_zaak_actor a
                LEFT JOIN sync_persoon p ON p.id = a.persoon_id LEFT JOIN sync_fractie f ON f.id = a.fractie_id
                WHERE a.verwijderd = 0 ORDER BY CASE LOWER(a.relatie) WHEN 'indiener' THEN 0 ELSE 1 END, a.naam
                """;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (!zaken.TryGetValue(r.GetString(0), out var z))
                {
                    continue;
                }

                var relatie = SyncState.Text(r, 1);
                if (SyncState.IsRelation(relatie, TkApiNames.Relatie.GerichtAan) && SyncState.Text(r, 4) is { } office)
                {
                    z.Offices.Add(office);
                }
                else if ((SyncState.IsRelation(relatie, TkApiNames.Relatie.Indiener) || SyncState.IsRelation(relatie, TkApiNames.Relatie.Medeindiener)) && SyncState.Text(r, 2) is { } name)
                {
                    z.Askers.Add((name, SyncState.Text(r, 3)));
                }
            }
        }

        return [.. zaken.Values];
    }

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(SyncState.DatePart(value), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
}
