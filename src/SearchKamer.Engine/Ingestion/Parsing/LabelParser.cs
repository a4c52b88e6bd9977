using System.Globalization;
using System.Text.RegularExpressions;

namespace SearchKamer.Ingestion.Parsing;

internal enum LabelKind
{
    Question,
    Answer,
    Notice,
}

/// <param name="Numbers">The question numbers the label covers; empty for a bare "Antwoord:".</param>
/// <param name="Rest">Text that followed the label on the same line after a colon.</param>
internal sealed record Label(LabelKind Kind, IReadOnlyList<int> Numbers, string Rest);

/// <summary>
/// Reads the label lines that open question and answer blocks: "Vraag 3, 4 en 5", "Vraag 2 t/m 6",
/// "Antwoorden 5 en 6", letter styles "Antwoord op vraag 3 en 4" and "Antwoord vraag 4-7:".
/// </summary>
internal static partial class LabelParser
{
    private const int MaxNumber = 200;

    [GeneratedRegex(@"^(?<word>Vragen|Vraag|Antwoorden|Antwoord)(?:\s+op)?(?:\s+(?:vragen|vraag))?\s*(?<nums>\d{1,3}[a-z]?(?:(?:\s*(?:,\s*en\b|,|\ben\b|t/m|tot\s+en\s+met|-|–|&)\s*|\s+)\d{1,3}[a-z]?)*)?\s*(?<colon>[:.])?\s*(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"\d{1,3}|t/m|tot\s+en\s+met|-|–", RegexOptions.IgnoreCase)]
    private static partial Regex NumberTokens();

    public static Label? Parse(string line)
    {
        var text = line.Trim();
        if (text.Length == 0 || text.Length > 200)
        {
            return null;
        }

        if (text.TrimEnd(':', '.').Equals("Mededeling", StringComparison.OrdinalIgnoreCase))
        {
            return new Label(LabelKind.Notice, [], "");
        }

        var m = LabelPattern().Match(text);
        if (!m.Success || !char.IsUpper(text[0]))
        {
            return null;
        }

        var hasNumbers = m.Groups["nums"].Success && m.Groups["nums"].Length > 0;
        var rest = m.Groups["rest"].Value.Trim();
        var colon = m.Groups["colon"].Success;

        // "Antwoord van …" or "Vragen over …" are sentences, not labels: after the label only a colon may bring text.
        if (rest.Length > 0 && !colon)
        {
            return null;
        }

        var kind = m.Groups["word"].Value.StartsWith("V", StringComparison.OrdinalIgnoreCase) ? LabelKind.Question : LabelKind.Answer;
        if (!hasNumbers && kind == LabelKind.Question)
        {
            return null;
        }

        var numbers = hasNumbers ? ExpandNumbers(m.Groups["nums"].Value) : [];
        return numbers is null ? null : new Label(kind, numbers, rest);
    }

    /// <summary>"3, 4 en 5" → 3,4,5; "2 t/m 6" and "4-7" → ranges; null when the numbers make no sense.</summary>
    private static List<int>? ExpandNumbers(string text)
    {
        var result = new List<int>();
        var rangeOpen = false;
        foreach (Match token in NumberTokens().Matches(text))
        {
            if (!char.IsDigit(token.Value[0]))
            {
                rangeOpen = result.Count > 0;
                continue;
            }

            var n = int.Parse(token.Value, CultureInfo.InvariantCulture);
            if (n == 0 || n > MaxNumber)
            {
                return null;
            }

            if (rangeOpen && n > result[^1] && n - result[^1] <= 50)
            {
                for (var k = result[^1] + 1; k <= n; k++)
                {
                    result.Add(k);
                }
            }
            else if (!result.Contains(n))
            {
                result.Add(n);
            }

            rangeOpen = false;
        }

        return result.Count == 0 ? null : result;
    }
}
