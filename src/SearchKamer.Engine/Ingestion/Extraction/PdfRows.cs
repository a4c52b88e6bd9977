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
        var sorted = new List<Glyph>(glyphs);
        sorted.Sort((a, b) => b.Baseline.CompareTo(a.Baseline));
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
    /// Subscripts ("CO2") hang just below theirs and join it as ordinary text.
    /// </summary>
    private static void FoldSuperscripts(List<List<Glyph>> clusters)
    {
        var count = clusters.Count;
        var sizes = new double[count];
        var inkSizes = new double[count];
        var lefts = new double[count];
        var rights = new double[count];
        for (var i = 0; i < count; i++)
        {
            sizes[i] = MainSize(clusters[i]);
            (lefts[i], rights[i]) = Extent(clusters[i]);
            inkSizes[i] = clusters[i].Where(g => !g.IsSpace).Select(g => g.Size).DefaultIfEmpty(0).Max();
        }

        for (var i = 0; i < count; i++)
        {
            if (inkSizes[i] == 0)
            {
                continue;
            }

            var baseline = clusters[i][0].Baseline;
            var target = FindLine(i, +1, j => baseline - clusters[j][0].Baseline, 0.15, 0.7)
                ?? FindLine(i, -1, j => clusters[j][0].Baseline - baseline, 0.1, 0.5);
            if (target is not int t)
            {
                continue;
            }

            var raised = clusters[i][0].Baseline > clusters[t][0].Baseline;
            clusters[t].AddRange(raised ? clusters[i].Select(g => g with { IsSuperscript = true }) : clusters[i]);
            lefts[t] = Math.Min(lefts[t], lefts[i]);
            rights[t] = Math.Max(rights[t], rights[i]);
            clusters[i].Clear();
            inkSizes[i] = 0;
        }

        // Looks from cluster i in one direction for the line whose baseline is offset from i's by
        // between min and max times that line's size, with i's glyphs clearly smaller and near it.
        int? FindLine(int i, int step, Func<int, double> offset, double min, double max)
        {
            for (var j = i + step; j >= 0 && j < count; j += step)
            {
                if (inkSizes[j] == 0)
                {
                    continue;
                }

                var distance = offset(j);
                if (distance > sizes[j] * max)
                {
                    return null;
                }

                var near = lefts[i] <= rights[j] + (1.5 * sizes[j]) && rights[i] >= lefts[j] - (1.5 * sizes[j]);
                if (inkSizes[i] < sizes[j] * 0.8 && distance >= sizes[j] * min && near)
                {
                    return j;
                }
            }

            return null;
        }
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
        var rendered = text.ToString().Trim().Normalize(System.Text.NormalizationForm.FormC);
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
        // A line mixes only a handful of sizes, so a short list beats a dictionary here.
        Span<(double Size, int Count)> tally = stackalloc (double, int)[8];
        var used = 0;
        foreach (var glyph in glyphs)
        {
            if (glyph.IsSpace || glyph.IsSuperscript)
            {
                continue;
            }

            var size = Math.Round(glyph.Size, 1);
            var k = 0;
            while (k < used && tally[k].Size != size)
            {
                k++;
            }

            if (k == used && used < tally.Length)
            {
                tally[used++] = (size, 0);
            }

            if (k < used)
            {
                tally[k].Count++;
            }
        }

        if (used == 0)
        {
            return glyphs.Max(g => g.Size);
        }

        var best = 0;
        for (var k = 1; k < used; k++)
        {
            if (tally[k].Count > tally[best].Count)
            {
                best = k;
            }
        }

        return tally[best].Size;
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
