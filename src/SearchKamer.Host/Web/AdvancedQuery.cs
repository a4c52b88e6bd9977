using System.Text.RegularExpressions;

namespace SearchKamer.Host.Web;

/// <summary>
/// The "uitgebreid zoeken" boxes (alle woorden, exacte woordgroep, één van de woorden, zonder de
/// woorden) written as one query in the same syntax the single box accepts.
/// </summary>
public static partial class AdvancedQuery
{
    [GeneratedRegex(@"[^\s""]+")]
    private static partial Regex Words();

    public static string Compose(string? q, string? all, string? phrase, string? any, string? none)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(q))
        {
            parts.Add(q.Trim());
        }

        parts.AddRange(WordsOf(all));
        if (!string.IsNullOrWhiteSpace(phrase))
        {
            parts.Add($"\"{phrase.Replace("\"", " ", StringComparison.Ordinal).Trim()}\"");
        }

        var anyWords = WordsOf(any).ToList();
        if (anyWords.Count > 0)
        {
            parts.Add($"({string.Join(" OR ", anyWords)})");
        }

        parts.AddRange(WordsOf(none).Select(w => "-" + w));
        return string.Join(' ', parts);
    }

    private static IEnumerable<string> WordsOf(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : Words().Matches(text).Select(m => m.Value);
}
