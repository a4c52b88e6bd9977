using System.Text;
using System.Text.RegularExpressions;

namespace SearchKamer.Ingestion.Extraction;

/// <summary>Character-level repairs of third-party text extractions (document-formats.md §3.4, §5.4).</summary>
internal static partial class TextRepair
{
    /// <summary>Splits into lines, repairs diacritics, applies NFC and collapses whitespace within each line.</summary>
    public static List<string> Lines(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        normalized = JoinSpacingAccents(normalized).Normalize(NormalizationForm.FormC);
        return normalized.Split('\n').Select(CollapseWhitespace).ToList();
    }

    public static string CollapseWhitespace(string line) => Whitespace().Replace(ZeroWidth().Replace(line, ""), " ").Trim();

    /// <summary>
    /// PDF tools draw letters outside WinAnsi as base letter plus a separate accent glyph, which other
    /// extractors emit as a spacing accent after a space ("Kostic ´") or a combining mark after a space.
    /// Only joins when the pair composes to one precomposed letter, so stray quotes stay as they are.
    /// </summary>
    internal static string JoinSpacingAccents(string text) =>
        DetachedAccent().Replace(text, m =>
        {
            var combining = ToCombining(m.Groups["accent"].Value[0]);
            if (combining is null)
            {
                return m.Value;
            }

            var composed = string.Concat(m.Groups["base"].Value, combining.Value.ToString()).Normalize(NormalizationForm.FormC);
            return composed.Length == 1 ? composed : m.Value;
        });

    private static char? ToCombining(char accent) => accent switch
    {
        '\u00B4' => '\u0301', // acute: Kostić
        '\u02CA' => '\u0301',
        '\u02CB' => '\u0300',
        '\u00A8' => '\u0308', // diaeresis
        '\u00B8' => '\u0327', // cedilla: Yeşilgöz
        '\u02C7' => '\u030C', // caron
        '\u02D8' => '\u0306', // breve
        '\u02DB' => '\u0328', // ogonek
        '\u02DA' => '\u030A', // ring
        '\u02DC' => '\u0303', // tilde
        '\u02C6' => '\u0302', // circumflex
        >= '\u0300' and <= '\u036F' => accent,
        _ => null,
    };

    // A letter, optional blanks on the same line, then a spacing accent or a combining mark.
    [GeneratedRegex("(?<base>\\p{L})[ \\t\\u00A0]*(?<accent>[\\u00B4\\u02CA\\u02CB\\u00A8\\u00B8\\u02C7\\u02D8\\u02DB\\u02DA\\u02DC\\u02C6\\u0300-\\u036F])")]
    private static partial Regex DetachedAccent();

    [GeneratedRegex("[\\s\\u00A0\\u2007\\u202F]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]")]
    private static partial Regex ZeroWidth();
}
