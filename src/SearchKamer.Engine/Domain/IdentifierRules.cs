using System.Text.RegularExpressions;

namespace SearchKamer.Domain;

/// <summary>
/// How the Tweede Kamer's identifiers are written: official ids (ah-tk-20232024-1314), document numbers
/// (2025D36086), zaak numbers (2024Z18893) and vergaderjaren (2023-2024). Here beside the records rather than
/// in the parser, because reading files, search shortcuts, filters and dossiers all apply the same rules.
/// </summary>
public static partial class IdentifierRules
{
    [GeneratedRegex(@"\bah-tk-(?<y1>\d{4})(?<y2>\d{4})-(?<nr>\d+)(?:-[a-z]\d+)?\b", RegexOptions.IgnoreCase)]
    public static partial Regex AhTk();

    [GeneratedRegex(@"\b(?:19|20)\d{2}D\d{5}\b")]
    public static partial Regex DocumentNumber();

    [GeneratedRegex(@"\b(?<y>(?:19|20)\d{2})Z\s?(?<n>\d{5})\b")]
    public static partial Regex Zaak();

    [GeneratedRegex(@"^(?<y1>\d{4})\s*[-–/]\s*(?<y2>\d{2,4})$")]
    private static partial Regex VergaderjaarPattern();

    /// <summary>"2023-2024" from "2023-2024", "2023/24", "2023 – 2024"; null when the text is no vergaderjaar.</summary>
    public static string? NormaliseVergaderjaar(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var m = VergaderjaarPattern().Match(text.Trim());
        if (!m.Success)
        {
            return null;
        }

        var y2 = m.Groups["y2"].Value;
        return $"{m.Groups["y1"].Value}-{(y2.Length == 4 ? y2 : m.Groups["y1"].Value[..2] + y2)}";
    }
}
