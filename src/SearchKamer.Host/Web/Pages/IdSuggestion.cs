using System.Globalization;
using System.Text.RegularExpressions;

namespace SearchKamer.Host.Web.Pages;

/// <summary>
/// Finds identifiers inside a query typed loosely ("2025 d 36086", "AH TK 20232024 1314") so the
/// page can ask "Bedoelt u …" when the search itself did not jump to a document.
/// </summary>
internal static partial class IdSuggestion
{
    [GeneratedRegex(@"\b(?<y>(?:19|20)\d{2})\s*(?<k>[dz])\s*-?\s*(?<n>\d{5})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Numbers();

    [GeneratedRegex(@"\bah[\s_-]*tk[\s_-]*(?<y>\d{8})[\s_-]*(?<n>\d{1,5})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Aanhangsel();

    [GeneratedRegex(@"\bkv[\s_-]*tk[\s_-]*(?<y>(?:19|20)\d{2})\s*z\s*(?<n>\d{5})\b", RegexOptions.IgnoreCase)]
    private static partial Regex KamervraagId();

    /// <summary>Canonical identifiers mentioned in the query, in order, without duplicates.</summary>
    public static IReadOnlyList<string> Candidates(string? query)
    {
        if (string.IsNullOrWhiteSpace(query) || query.Length > 1000)
        {
            return [];
        }

        var found = new List<(Match Match, string Id)>();
        found.AddRange(KamervraagId().Matches(query).Select(m => (m, $"kv-tk-{m.Groups["y"].Value}Z{m.Groups["n"].Value}")));
        found.AddRange(Aanhangsel().Matches(query).Select(m =>
            (m, $"ah-tk-{m.Groups["y"].Value}-{int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture)}")));
        // A zaak number inside a kv-tk id is the same document, not a second suggestion.
        var numbers = Numbers().Matches(query)
            .Where(m => !found.Any(f => f.Match.Index <= m.Index && m.Index < f.Match.Index + f.Match.Length))
            .Select(m => (m, $"{m.Groups["y"].Value}{m.Groups["k"].Value.ToUpperInvariant()}{m.Groups["n"].Value}"))
            .ToList();
        found.AddRange(numbers);
        return [.. found.OrderBy(f => f.Match.Index).Select(f => f.Id).Distinct(StringComparer.OrdinalIgnoreCase).Take(5)];
    }
}
