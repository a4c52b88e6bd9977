using System.Text.RegularExpressions;
using SearchKamer.Reference;

namespace SearchKamer.Ingestion.Parsing;

/// <summary>
/// Expands an addressee or "mede namens" phrase into one office each: "de Staatssecretaris en de
/// Minister van X" → both of X; "de Ministers van X, van Y en van Z" → three; typos repaired
/// ("Minister Justitie en Veiligheid", "MinisterKlimaat", "Staatsecretaris").
/// </summary>
internal static partial class Offices
{
    [GeneratedRegex(@"\s+en\s+(?:de|het)\s+(?=(?:minister|staatssecretaris|staatsecretaris))|,\s*(?:de\s+)?(?=(?:minister|staatssecretaris)\b)|,?\s+bij\s+afwezigheid\s+van\s+(?:de\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex OfficeSeparator();

    [GeneratedRegex(@"^(?<role>minister-president|ministers(?=\s)|minister|staatssecretarissen(?=\s)|staatssecretaris|staatsecretaris)(?:\s*(?<prep>van|voor)\b)?\s*(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex OfficePattern();

    // "de Ministers van X en voor Y": each office keeps its own preposition.
    [GeneratedRegex(@"(?:,\s*|\s+en\s+)(?=(?:van|voor)\s)", RegexOptions.IgnoreCase)]
    private static partial Regex PluralSeparator();

    [GeneratedRegex(@"^(?<prep>van|voor)\s+(?<rest>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingPreposition();

    // Extractors drop spaces: "vanFinanciën", "en deStaatssecretaris", "deMinister".
    [GeneratedRegex(@"(?<=(?:^|\s)(?:van|voor|en|de|het))(?=\p{Lu})")]
    private static partial Regex GluedFunctionWord();

    public static IReadOnlyList<string> Expand(string phrase)
    {
        var text = StripArticle(GluedFunctionWord().Replace(TextCleanup.Collapse(phrase), " ").TrimEnd('.', ',', ' '));
        if (text.Length == 0)
        {
            return [];
        }

        var parts = OfficeSeparator().Split(text).Select(p => StripArticle(p.Trim())).Where(p => p.Length > 0).ToList();
        var offices = new List<(string Role, string? Prep, string? Portfolio)>();
        foreach (var part in parts)
        {
            var m = OfficePattern().Match(part);
            if (!m.Success)
            {
                offices.Add((part, null, null));
                continue;
            }

            var role = Role(m.Groups["role"].Value);
            var prep = m.Groups["prep"].Success ? m.Groups["prep"].Value.ToLowerInvariant() : null;
            var rest = m.Groups["rest"].Value.Trim();
            if (role == "Minister-president")
            {
                offices.Add((role, null, null));
            }
            else if (m.Groups["role"].Value.ToLowerInvariant() is "ministers" or "staatssecretarissen")
            {
                foreach (var r in PluralSeparator().Split(rest).Select(r => r.Trim()).Where(r => r.Length > 0))
                {
                    var own = LeadingPreposition().Match(r);
                    offices.Add(own.Success ? (role, own.Groups["prep"].Value.ToLowerInvariant(), own.Groups["rest"].Value) : (role, prep ?? "van", r));
                }
            }
            else
            {
                // "Minister Justitie en Veiligheid" lacks its "van": a portfolio follows the role directly.
                // "Staatssecretaris van vanFinanciën": the preposition printed twice.
                rest = prep is not null && LeadingPreposition().Match(rest) is { Success: true } twice ? twice.Groups["rest"].Value : rest;
                offices.Add((role, rest.Length > 0 ? prep ?? "van" : prep, rest.Length > 0 ? rest : null));
            }
        }

        // "de Staatssecretaris en de Minister van X": a bare role borrows the portfolio of the next office.
        for (var k = offices.Count - 2; k >= 0; k--)
        {
            if (offices[k].Portfolio is null && offices[k].Role != "Minister-president" && offices[k + 1].Portfolio is not null)
            {
                offices[k] = (offices[k].Role, offices[k + 1].Prep, offices[k + 1].Portfolio);
            }
        }

        return offices.Select(o => o.Portfolio is null ? o.Role : $"{o.Role} {o.Prep} {Printed(o.Portfolio)}").Distinct().ToList();
    }

    public static string Role(string printed) => printed.ToLowerInvariant() switch
    {
        "minister-president" => "Minister-president",
        "ministers" or "minister" => "Minister",
        _ => "Staatssecretaris",
    };

    private static string StripArticle(string text) =>
        text.StartsWith("de ", StringComparison.OrdinalIgnoreCase) ? text[3..].TrimStart()
        : text.StartsWith("het ", StringComparison.OrdinalIgnoreCase) ? text[4..].TrimStart()
        : text;

    /// <summary>
    /// A ministry or programme as it is spelled, when the printed text is that name with spaces lost or
    /// moved and commas dropped ("BuitenlandseHandel en Ontwikkelingshulp", "Klimaaten Groene Groei").
    /// </summary>
    public static string Printed(string portfolio)
    {
        var key = LettersOf(portfolio);
        return Ministries.Printed.FirstOrDefault(p => LettersOf(p) == key) ?? portfolio;
    }

    private static string LettersOf(string text) =>
        string.Concat(text.Where(char.IsLetter).Select(char.ToLowerInvariant));
}
