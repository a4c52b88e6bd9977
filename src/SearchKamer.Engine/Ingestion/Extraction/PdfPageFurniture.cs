using System.Text.RegularExpressions;

namespace SearchKamer.Ingestion.Extraction;

/// <summary>The rows of one page sorted into body text and footnote text, furniture taken out.</summary>
internal sealed record PageParts(IReadOnlyList<TextRow> Body, IReadOnlyList<TextRow> Footnotes);

/// <summary>
/// Takes the Aanhangsel page furniture (page-1 masthead and preamble, colophon, running footers) off
/// the rows and keeps the facts the parser needs from it.
/// </summary>
internal sealed partial class PdfPageFurniture(double bodySize)
{
    /// <summary>Footers sit in the bottom tenth of the page (baselines 34–47 pt on a 771 pt page); text never does.</summary>
    private const double FooterBand = 0.1;

    public string? FooterId { get; private set; }

    public string? Vergaderjaar { get; private set; }

    public string? Number { get; private set; }

    public PageParts Split(IReadOnlyList<TextRow> rows, double pageHeight, bool firstPage)
    {
        var kept = new List<TextRow>(rows.Count);
        foreach (var row in rows)
        {
            if (row.IsBlank)
            {
                continue;
            }

            if (row.Baseline < pageHeight * FooterBand || IsFooter(row.Text))
            {
                FooterId ??= KoopId().Match(row.Text) is { Success: true } id ? id.Value : null;
                continue;
            }

            kept.Add(row);
        }

        var bodyStart = firstPage ? SkipMasthead(kept) : 0;
        var footnoteStart = FootnoteZoneStart(kept, bodyStart);
        return new PageParts(kept[bodyStart..footnoteStart], kept[footnoteStart..]);
    }

    private static bool IsFooter(string text) =>
        RunningFooter().IsMatch(text) || Issn().IsMatch(text) || KoopIdLine().IsMatch(text);

    /// <summary>
    /// Everything on page 1 above the first line in the body font is masthead: chamber name and mark,
    /// vergaderjaar, preamble and the number printed under it (all set in larger type).
    /// </summary>
    private int SkipMasthead(List<TextRow> rows)
    {
        var start = rows.FindIndex(IsBodySize);
        if (start < 0)
        {
            return 0;
        }

        foreach (var row in rows.Take(start))
        {
            if (VergaderjaarPattern().Match(row.Text) is { Success: true } year)
            {
                Vergaderjaar ??= $"{year.Groups[1].Value}-{year.Groups[2].Value}";
            }

            // The chamber mark "2" is a bare number too, but it is set several times larger.
            if (HeaderNumberPattern().IsMatch(row.Text) && row.Size < bodySize * 3)
            {
                Number = row.Text;
            }
        }

        return start;
    }

    /// <summary>
    /// Footnotes are the run of small-type lines at the bottom of a page that begins with a raised
    /// footnote number. Small-type lines above that start (a table in an answer) stay body text.
    /// </summary>
    private int FootnoteZoneStart(List<TextRow> rows, int bodyStart)
    {
        var start = rows.Count;
        for (var i = rows.Count - 1; i >= bodyStart && rows[i].Size < bodySize * 0.9; i--)
        {
            if (rows[i].StartsWithFootnoteRef)
            {
                start = i;
            }
        }

        return start;
    }

    private bool IsBodySize(TextRow row) => Math.Abs(row.Size - bodySize) <= 0.3;

    [GeneratedRegex(@"^(?:’s-Gravenhage \d{4}\s*)?Tweede Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4}, (?:Aanhangsel|Vragen)\b")]
    private static partial Regex RunningFooter();

    [GeneratedRegex(@"^ISSN \d{4}\s*-\s*\d{3}[\dX]$")]
    private static partial Regex Issn();

    [GeneratedRegex(@"^(?:ah|kv)-tk-[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*$")]
    private static partial Regex KoopIdLine();

    [GeneratedRegex(@"\b(?:ah|kv)-tk-[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*")]
    private static partial Regex KoopId();

    [GeneratedRegex(@"Vergaderjaar\s*(\d{4})\s*[–-]\s*(\d{4})")]
    private static partial Regex VergaderjaarPattern();

    [GeneratedRegex(@"^(?:\d{1,6}|\d{4}Z\s?\d{5})$")]
    private static partial Regex HeaderNumberPattern();
}
