namespace SearchKamer.Ingestion.Extraction;

/// <summary>Turns body rows (all pages, reading order) into lines with "" where a paragraph starts.</summary>
internal static class PdfParagraphs
{
    /// <summary>Univers word space is about 0.28 em; a word needs that much room before it.</summary>
    private const double SpaceWidth = 0.28;

    public static List<string> Lines(IReadOnlyList<TextRow> rows, double bodySize)
    {
        var lineSpacing = TypicalLineSpacing(rows, bodySize);
        var rightMargin = RightMargin(rows, bodySize);
        var lines = new List<string>(rows.Count + (rows.Count / 4));
        for (var i = 0; i < rows.Count; i++)
        {
            if (i > 0 && StartsParagraph(rows[i - 1], rows[i], lineSpacing, rightMargin))
            {
                lines.Add("");
            }

            lines.Add(rows[i].Text);
        }

        return lines;
    }

    /// <summary>
    /// Text is set ragged right, so a line is only short when its paragraph ended or when the next word
    /// did not fit: if the next line's first word would have fitted, the paragraph ended. A wider than
    /// usual gap between lines on the same page (before "Vraag 2", after a table) also ends one.
    /// </summary>
    private static bool StartsParagraph(TextRow previous, TextRow current, double lineSpacing, double rightMargin)
    {
        if (Dehyphenator.EndsInWordHyphen(previous.Text))
        {
            return false;
        }

        if (previous.Page == current.Page && previous.Baseline - current.Baseline > lineSpacing * 1.4)
        {
            return true;
        }

        var room = rightMargin - previous.Right - (SpaceWidth * previous.Size);
        return current.FirstWordWidth < room - 1.0;
    }

    private static double TypicalLineSpacing(IReadOnlyList<TextRow> rows, double bodySize)
    {
        var gaps = new List<double>();
        for (var i = 1; i < rows.Count; i++)
        {
            var (a, b) = (rows[i - 1], rows[i]);
            if (a.Page == b.Page && IsBody(a, bodySize) && IsBody(b, bodySize) && a.Baseline > b.Baseline)
            {
                gaps.Add(a.Baseline - b.Baseline);
            }
        }

        if (gaps.Count == 0)
        {
            return bodySize * 1.15;
        }

        gaps.Sort();
        return gaps[gaps.Count / 2];
    }

    /// <summary>The right edge of the text block: the furthest any body line reaches.</summary>
    private static double RightMargin(IReadOnlyList<TextRow> rows, double bodySize)
    {
        var margin = double.MinValue;
        foreach (var row in rows)
        {
            if (IsBody(row, bodySize))
            {
                margin = Math.Max(margin, row.Right);
            }
        }

        return margin;
    }

    private static bool IsBody(TextRow row, double bodySize) => Math.Abs(row.Size - bodySize) <= 0.3;
}
