using System.Globalization;
using System.Text.RegularExpressions;
using SearchKamer.Domain;

namespace SearchKamer.Ingestion.Parsing;

/// <summary>
/// Ids a document has without printing them: a ministry answer letter heads its text with "AH 616" (the
/// aanhangselnummer, within the vergaderjaar of its date) and the zaak number; a question set's KOOP id
/// is kv-tk-&lt;zaak&gt;. Without these the file could only be keyed by its file name.
/// </summary>
internal static partial class LetterIds
{
    [GeneratedRegex(@"^\s*AH\s*(?<nr>\d{1,5})\s*$")]
    private static partial Regex AhLine();

    public static DocumentIds Complete(DocumentIds ids, DocumentKind kind, IEnumerable<string> preface, DateOnly? date, ICollection<string> warnings)
    {
        if (ids.OfficialId is not null)
        {
            return ids;
        }

        var ah = preface.Select(l => AhLine().Match(l)).FirstOrDefault(m => m.Success);
        if (ah is not null && kind != DocumentKind.Vragen)
        {
            if (date is not { } d)
            {
                warnings.Add($"AH {ah.Groups["nr"].Value} gevonden maar geen datum om het vergaderjaar uit te halen");
                return ids;
            }

            var number = int.Parse(ah.Groups["nr"].Value, CultureInfo.InvariantCulture);
            var year = VergaderjaarOf(d);
            if (ids.Vergaderjaar is { } printed && printed != year)
            {
                warnings.Add($"vergaderjaar: \"{printed}\" gebruikt, de datum {d:yyyy-MM-dd} valt in {year}");
                year = printed;
            }

            return ids with
            {
                OfficialId = $"ah-tk-{year.Replace("-", "", StringComparison.Ordinal)}-{number}",
                Vergaderjaar = year,
                Aanhangselnummer = ids.Aanhangselnummer ?? number,
            };
        }

        // One question set per zaak: its publication is kv-tk-<zaak> (as the PDF footers print it).
        return kind == DocumentKind.Vragen && ids.ZaakNumbers.Count == 1 ? ids with { OfficialId = $"kv-tk-{ids.ZaakNumbers[0]}" } : ids;
    }

    /// <summary>The Kamer's year starts on Prinsjesdag, the third Tuesday of September.</summary>
    public static string VergaderjaarOf(DateOnly date)
    {
        var start = ThirdTuesdayOfSeptember(date.Year);
        var first = date >= start ? date.Year : date.Year - 1;
        return $"{first}-{first + 1}";
    }

    private static DateOnly ThirdTuesdayOfSeptember(int year)
    {
        var first = new DateOnly(year, 9, 1);
        var offset = ((int)DayOfWeek.Tuesday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 14);
    }
}
