using SearchKamer.Reference;

namespace SearchKamer.Dossiers;

/// <param name="ShareWithinTerm">Of the answered sets, the share answered by their deadline (0–1).</param>
public sealed record GroupStatistics(string Name, int Answered, double? MedianDays, double? P90Days, double? ShareWithinTerm, int Open, int Late);

/// <param name="From">Only question sets submitted on or after this day (inclusive); null: from the start.</param>
/// <param name="To">Only question sets submitted on or before this day (inclusive); null: up to today.</param>
public sealed record DossierStatisticsReport(
    DateOnly Today, DateOnly? From, DateOnly? To, int TermDays, int PostponementDays,
    IReadOnlyList<GroupStatistics> PerMinistry, IReadOnlyList<GroupStatistics> PerMinister, IReadOnlyList<GroupStatistics> PerParty);

/// <summary>
/// How long answers take, per ministry, per answering minister and per asking party. "Open" and "te laat"
/// count what is still unanswered today; withdrawn questions count nowhere. Only dossiers with a known
/// submission date count, since days cannot be told without it.
/// </summary>
public static class DossierStatistics
{
    public static DossierStatisticsReport Build(IEnumerable<Dossier> dossiers, DateOnly today, LatenessTerms terms, DateOnly? from = null, DateOnly? to = null)
    {
        var inPeriod = dossiers.Where(d => d.Submitted is { } s && (from is null || s >= from) && (to is null || s <= to)).ToList();
        return new DossierStatisticsReport(today, from, to, terms.TermDays, terms.PostponementDays,
            Group(inPeriod, d => d.Ministries),
            Group(inPeriod, d => d.Answerers.Select(a => $"{a.Role} {PersonNames.Canonical(a.Name)}").ToList()),
            Group(inPeriod, d => d.Askers.Select(a => a.Party).OfType<string>().Select(Parties.Canonical).Distinct().ToList()));
    }

    /// <summary>The median; of an even count, the mean of the two middle values.</summary>
    public static double? Median(IReadOnlyList<int> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /// <summary>Nearest-rank percentile: the smallest value with at least <paramref name="p"/> of the values at or below it.</summary>
    public static double? Percentile(IReadOnlyList<int> values, double p)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    private static List<GroupStatistics> Group(List<Dossier> dossiers, Func<Dossier, IReadOnlyList<string>> keys)
    {
        return dossiers.SelectMany(d => keys(d).Distinct().Select(k => (Key: k, Dossier: d)))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var answered = g.Select(x => x.Dossier).Where(d => d.IsAnswered && d.Days is not null).ToList();
                var days = answered.Select(d => d.Days!.Value).ToList();
                var open = g.Select(x => x.Dossier).Where(d => d.IsOpen).ToList();
                return new GroupStatistics(g.Key, answered.Count, Median(days), Percentile(days, 0.9),
                    answered.Count == 0 ? null : Math.Round(answered.Count(d => !d.Late) / (double)answered.Count, 3),
                    open.Count, open.Count(d => d.Late));
            })
            .OrderByDescending(s => s.Answered + s.Open).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
    }
}
