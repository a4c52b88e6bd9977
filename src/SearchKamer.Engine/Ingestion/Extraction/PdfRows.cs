using System.Text;

namespace SearchKamer.Ingestion.Extraction;

/// <summary>One printed line of a page, superscripts folded in, rendered to text.</summary>
/// <param name="Size">The point size most of its (non-superscript) glyphs have.</param>
/// <param name="Left">Start of the first glyph.</param>
/// <param name="Right">End of the last glyph.</param>
/// <param name="FirstWordWidth">Width of the first word, to tell whether it would have fitted on the line above.</param>
/// <param name="Text">Text with superscript numerals already replaced by <see cref="FootnoteRef"/> markers.</param>
internal sealed record TextRow(
    int Page,
    double Baseline,
    double Size,
    double Left,
    double Right,
    double FirstWordWidth,
    string Text)
{
    public bool IsBlank => Text.Length == 0;

    public bool StartsWithFootnoteRef => Text.Length > 0 && Text[0] == FootnoteRef.Open;
}

internal static class PdfRows
{
    /// <summary>Word gap as a share of the font size; Univers spaces are about 0.28 em, kerning stays under 0.05 em.</summary>
    private const double WordGap = 0.15;

    /// <summary>Gaps this wide only occur between table cells (text is set ragged right, never stretched).</summary>
    private const double CellGap = 2.0;

    public static List<TextRow> Build(int page, List<Glyph> glyphs)
    {
        var raw = ClusterByBaseline(glyphs);
        FoldSuperscripts(raw);
        var rows = new List<TextRow>(raw.Count);
        foreach (var cluster in raw)
        {
            if (cluster.Count > 0)
            {
                rows.Add(Render(page, cluster));
            }
        }

        rows.Sort((a, b) => b.Baseline.CompareTo(a.Baseline));
        return rows;
    }

    private static List<List<Glyph>> ClusterByBaseline(List<Glyph> glyphs)
    {
        var sorted = glyphs.OrderByDescending(g => g.Baseline).ToList();
        var clusters = new List<List<Glyph>>();
        List<Glyph>? current = null;
        var anchor = double.NaN;
        foreach (var glyph in sorted)
        {
            if (current is null || anchor - glyph.Baseline > Math.Min(1.5, glyph.Size * 0.2))
            {
                current = [];
                clusters.Add(current);
                anchor = glyph.Baseline;
            }

            current.Add(glyph);
        }

        return clusters;
    }

    /// <summary>
    /// Footnote numerals (in the body and in front of footnote texts) are set smaller and raised, so
    /// they form their own baseline just above the line they belong to; move them into that line.
    /// </summary>
    private static void FoldSuperscripts(List<List<Glyph>> clusters)
    {
        for (var i = 0; i < clusters.Count; i++)
        {
            var small = clusters[i];
            if (small.Count == 0 || small.All(g => g.IsSpace))
            {
                continue;
            }

            var smallSize = small.Where(g => !g.IsSpace).Max(g => g.Size);
            var (left, right) = Extent(small);
            var baseline = small[0].Baseline;
            for (var j = i + 1; j < clusters.Count; j++)
            {
                var line = clusters[j];
                if (line.Count == 0)
                {
                    continue;
                }

                var lineSize = MainSize(line);
                var rise = baseline - line[0].Baseline;
                if (rise > lineSize * 0.7)
                {
                    break;
                }

                if (smallSize < lineSize * 0.8 && rise >= lineSize * 0.15 && IsNear(left, right, line, lineSize))
                {
                    line.AddRange(small.Select(g => g with { IsSuperscript = true }));
                    small.Clear();
                    break;
                }
            }

            // Subscripts ("CO2") hang just below their line; they are ordinary text, not markers.
            for (var j = i - 1; small.Count > 0 && j >= 0; j--)
            {
                var line = clusters[j];
                if (line.Count == 0)
                {
                    continue;
                }

                var lineSize = MainSize(line);
                var fall = line[0].Baseline - baseline;
                if (fall > lineSize * 0.5)
                {
                    break;
                }

                if (smallSize < lineSize * 0.8 && fall >= lineSize * 0.1 && IsNear(left, right, line, lineSize))
                {
                    line.AddRange(small);
                    small.Clear();
                }
            }
        }
    }

    private static bool IsNear(double left, double right, List<Glyph> line, double lineSize)
    {
        var (lineLeft, lineRight) = Extent(line);
        return left <= lineRight + (1.5 * lineSize) && right >= lineLeft - (1.5 * lineSize);
    }

    private static TextRow Render(int page, List<Glyph> glyphs)
    {
        glyphs.Sort((a, b) => a.Start.CompareTo(b.Start));
        var size = MainSize(glyphs);
        var text = new StringBuilder();
        var superscript = new StringBuilder();
        Glyph? previous = null;
        var spaceSeen = false;
        var firstWordEnd = double.NaN;
        var first = glyphs.FirstOrDefault(g => !g.IsSpace);
        foreach (var glyph in glyphs)
        {
            if (glyph.IsSpace)
            {
                spaceSeen = previous is not null;
                continue;
            }

            if (previous is not null)
            {
                var gap = glyph.Start - previous.End;
                var unit = Math.Min(previous.Size, glyph.Size);
                var separator = gap > CellGap * size ? " | " : spaceSeen || gap > WordGap * unit ? " " : "";
                if (separator.Length > 0 && double.IsNaN(firstWordEnd))
                {
                    firstWordEnd = previous.End;
                }

                if (glyph.IsSuperscript != previous.IsSuperscript || separator == " | ")
                {
                    FlushSuperscript(superscript, text);
                }

                (glyph.IsSuperscript && previous.IsSuperscript && separator != " | " ? superscript : text).Append(separator);
            }

            (glyph.IsSuperscript ? superscript : text).Append(glyph.Text);
            previous = glyph;
            spaceSeen = false;
        }

        FlushSuperscript(superscript, text);
        var last = glyphs.LastOrDefault(g => !g.IsSpace);
        var start = first?.Start ?? 0;
        var end = last?.End ?? 0;
        var firstWord = (double.IsNaN(firstWordEnd) ? end : firstWordEnd) - start;
        var rendered = LatinComposer.Compose(text.ToString().Trim());
        var baseline = (glyphs.FirstOrDefault(g => !g.IsSuperscript) ?? glyphs[0]).Baseline;
        return new TextRow(page, baseline, size, start, end, firstWord, rendered);
    }

    /// <summary>Turns a raised run such as "1, 2" into one marker per numeral; other raised text stays as printed.</summary>
    private static void FlushSuperscript(StringBuilder superscript, StringBuilder text)
    {
        if (superscript.Length == 0)
        {
            return;
        }

        var run = superscript.ToString();
        superscript.Clear();
        if (!run.Any(char.IsAsciiDigit) || run.Any(char.IsLetter) && !IsNumberList(run))
        {
            text.Append(run);
            return;
        }

        var number = 0;
        var inNumber = false;
        foreach (var c in run)
        {
            if (char.IsAsciiDigit(c))
            {
                number = (number * 10) + (c - '0');
                inNumber = true;
            }
            else if (inNumber)
            {
                text.Append(FootnoteRef.Format(number));
                number = 0;
                inNumber = false;
            }
        }

        if (inNumber)
        {
            text.Append(FootnoteRef.Format(number));
        }
    }

    /// <summary>"2, 3 en 4" is still a list of footnote numbers.</summary>
    private static bool IsNumberList(string run) =>
        run.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
            .All(part => part == "en" || part.All(char.IsAsciiDigit));

    private static double MainSize(List<Glyph> glyphs)
    {
        var best = 0.0;
        var bestCount = -1;
        foreach (var group in glyphs.Where(g => !g.IsSpace && !g.IsSuperscript).GroupBy(g => Math.Round(g.Size, 1)))
        {
            var count = group.Count();
            if (count > bestCount)
            {
                (best, bestCount) = (group.Key, count);
            }
        }

        return bestCount < 0 ? glyphs.Max(g => g.Size) : best;
    }

    private static (double Left, double Right) Extent(List<Glyph> glyphs)
    {
        var left = double.MaxValue;
        var right = double.MinValue;
        foreach (var glyph in glyphs)
        {
            left = Math.Min(left, glyph.Start);
            right = Math.Max(right, glyph.End);
        }

        return (left, right);
    }
}
