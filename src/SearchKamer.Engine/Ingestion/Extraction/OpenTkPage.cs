using System.Text.RegularExpressions;

namespace SearchKamer.Ingestion.Extraction;

/// <summary>
/// A text capture of an OpenTK document page (document-formats.md §9): navigation, TK onderwerp and
/// soort, a "Nummer:" line, links, then "Preview document" followed by the pandoc text of the document.
/// </summary>
internal static partial class OpenTkPage
{
    public const string DocumentNumber = "opentk.documentNumber";
    public const string Datum = "opentk.datum";
    public const string Updated = "opentk.bijgewerkt";
    public const string Soort = "opentk.soort";
    public const string Onderwerp = "opentk.onderwerp";
    public const string Zaak = "opentk.zaak";
    public const string Versie = "opentk.versie";

    /// <summary>
    /// When <paramref name="lines"/> is an OpenTK page, records its metadata and returns the index of
    /// the first document line after "Preview document"; otherwise returns null.
    /// </summary>
    public static int? ReadHeader(IReadOnlyList<string> lines, MetadataBuilder metadata)
    {
        var numberLine = -1;
        var preview = -1;
        for (var i = 0; i < lines.Count && i < 80; i++)
        {
            if (numberLine < 0 && NumberLine().IsMatch(lines[i]))
            {
                numberLine = i;
            }
            else if (numberLine >= 0 && lines[i].StartsWith("Preview document", StringComparison.Ordinal))
            {
                preview = i;
                break;
            }
        }

        if (numberLine < 0 || preview < 0)
        {
            return null;
        }

        // Onderwerp and soort are the first two text lines that are not navigation.
        var titles = lines.Take(numberLine).Where(l => l.Length > 0 && !l.StartsWith('[')).ToList();
        if (titles.Count >= 1)
        {
            metadata.Add(Onderwerp, titles[0]);
        }

        if (titles.Count >= 2)
        {
            metadata.Add(Soort, titles[1]);
        }

        var number = NumberLine().Match(lines[numberLine]);
        metadata.Add(DocumentNumber, number.Groups["nr"].Value);
        metadata.Add(Datum, number.Groups["datum"].Value);
        metadata.Add(Updated, number.Groups["bij"].Value);
        metadata.Add(Versie, number.Groups["versie"].Value);

        for (var i = numberLine + 1; i < preview; i++)
        {
            foreach (Match m in OfficialVersion().Matches(lines[i]))
            {
                metadata.Add(FurnitureKeys.FooterId, m.Groups["id"].Value);
            }

            foreach (Match m in ZaakLine().Matches(lines[i]))
            {
                metadata.Add(Zaak, m.Groups["zaak"].Value);
            }
        }

        return preview + 1;
    }

    [GeneratedRegex("^Nummer: (?<nr>\\d{4}D\\d{5}), datum: (?<datum>\\d{4}-\\d{2}-\\d{2})(?:, bijgewerkt: (?<bij>[^,]+))?(?:, versie: (?<versie>\\d+))?")]
    private static partial Regex NumberLine();

    [GeneratedRegex("officiële HTML versie \\((?<id>(?:ah|kv)-[^)\\s]+)\\)")]
    private static partial Regex OfficialVersion();

    [GeneratedRegex("Onderdeel van zaak (?<zaak>\\d{4}Z\\d{5})")]
    private static partial Regex ZaakLine();
}
