using System.Text;
using System.Text.RegularExpressions;

namespace SearchKamer.Ingestion.Parsing;

/// <summary>Normalisation shared by every parser step (document-formats.md §3.4).</summary>
public static partial class TextCleanup
{
    [GeneratedRegex(@"[\s\u00A0\u2007\u202F]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<=\p{L})\((?=\p{L})")]
    private static partial Regex GluedParenthesis();

    [GeneratedRegex(@"\s+,")]
    private static partial Regex SpaceBeforeComma();

    public static string Collapse(string text) =>
        Whitespace().Replace(text.Normalize(NormalizationForm.FormC), " ").Trim();

    /// <summary>Collapse, and repair spacing around "(" and "," as header sentences need it.</summary>
    public static string ForHeader(string text)
    {
        var s = Collapse(text);
        s = GluedParenthesis().Replace(s, " (");
        return SpaceBeforeComma().Replace(s, ",");
    }

    /// <summary>En and em dashes read as hyphens, for matching only.</summary>
    public static string Dashes(string text) => text.Replace('\u2013', '-').Replace('\u2014', '-');
}
