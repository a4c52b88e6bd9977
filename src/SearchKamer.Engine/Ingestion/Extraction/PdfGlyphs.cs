using System.Text;
using UglyToad.PdfPig.Content;

namespace SearchKamer.Ingestion.Extraction;

/// <summary>One drawn character in page coordinates (points, y up).</summary>
/// <param name="Start">Pen position where the glyph starts; with <paramref name="End"/> the advance, which
/// gives steadier word gaps than the ink box.</param>
/// <param name="Left">Left edge of the ink box; used to see whether an accent overlaps its base letter.</param>
internal sealed record Glyph(
    string Text,
    double Start,
    double End,
    double Left,
    double Right,
    double Baseline,
    double Size,
    bool IsSpace,
    bool IsSuperscript = false);

internal static class PdfGlyphs
{
    /// <summary>
    /// The Univers subsets in these PDFs are WinAnsi-encoded, so letters outside WinAnsi ("ć", "ş") are
    /// drawn as a base letter plus a separate spacing accent; this maps that accent to its combining mark.
    /// </summary>
    private static readonly Dictionary<string, char> CombiningForSpacingAccent = new()
    {
        ["\u00B4"] = '\u0301', // acute
        ["\u0060"] = '\u0300', // grave
        ["\u02C6"] = '\u0302', // circumflex
        ["\u005E"] = '\u0302',
        ["\u02DC"] = '\u0303', // tilde
        ["\u00AF"] = '\u0304', // macron
        ["\u02D8"] = '\u0306', // breve
        ["\u02D9"] = '\u0307', // dot above
        ["\u00A8"] = '\u0308', // diaeresis
        ["\u02DA"] = '\u030A', // ring
        ["\u02DD"] = '\u030B', // double acute
        ["\u02C7"] = '\u030C', // caron
        ["\u00B8"] = '\u0327', // cedilla
        ["\u02DB"] = '\u0328', // ogonek
    };

    /// <summary>Horizontal glyphs of a page in content order, with detached accents composed onto their letter.</summary>
    public static List<Glyph> Read(IReadOnlyList<Letter> letters)
    {
        var glyphs = new List<Glyph>(letters.Count);
        foreach (var letter in letters)
        {
            if (letter.TextOrientation != TextOrientation.Horizontal || string.IsNullOrEmpty(letter.Value))
            {
                continue;
            }

            var box = letter.BoundingBox;
            var glyph = new Glyph(
                letter.Value,
                letter.StartBaseLine.X,
                letter.EndBaseLine.X,
                box.Left,
                box.Right,
                letter.StartBaseLine.Y,
                letter.PointSize,
                string.IsNullOrWhiteSpace(letter.Value));

            if (CombiningForSpacingAccent.TryGetValue(glyph.Text, out var mark) && TryAttachAccent(glyphs, glyph, mark))
            {
                continue;
            }

            glyphs.Add(glyph);
        }

        return glyphs;
    }

    /// <summary>
    /// Puts the accent on the letter it is drawn over. In these PDFs the accent directly follows its
    /// base letter in the content stream; an accent that overlaps nothing stays a plain character.
    /// </summary>
    private static bool TryAttachAccent(List<Glyph> glyphs, Glyph accent, char mark)
    {
        if (glyphs.Count == 0)
        {
            return false;
        }

        var baseGlyph = glyphs[^1];
        var centre = (accent.Left + accent.Right) / 2;
        var overlaps = !baseGlyph.IsSpace
            && Math.Abs(baseGlyph.Baseline - accent.Baseline) < baseGlyph.Size * 0.5
            && centre >= baseGlyph.Left - 0.5
            && centre <= baseGlyph.Right + 0.5;
        if (!overlaps)
        {
            return false;
        }

        var composed = LatinComposer.Compose(baseGlyph.Text + mark);
        glyphs[^1] = baseGlyph with { Text = composed };
        return true;
    }
}
