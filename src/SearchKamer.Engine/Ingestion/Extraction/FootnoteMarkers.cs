using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SearchKamer.Ingestion.Extraction;

/// <summary>
/// Recognises footnote reference numerals in plain-text body lines: glued after punctuation or a
/// lower-case letter ("overheid?1", "Ends1?", "c.s.2,", "?1, 2"), bracketed ("[1 ]"), "1)" after a
/// question mark in DOCX questions, or on a line of their own ("?\n1").
/// </summary>
internal static partial class FootnoteMarkers
{
    /// <summary>Every number that looks like a marker, before we know which footnotes exist.</summary>
    public static IEnumerable<int> Candidates(string line)
    {
        foreach (Match m in Glued().Matches(line))
        {
            foreach (var n in Numbers(m.Groups["nums"].Value))
            {
                yield return n;
            }
        }

        foreach (Match m in Bracketed().Matches(line))
        {
            foreach (var n in Digits().Matches(m.Groups["nums"].Value).Select(d => Parse(d.Value)))
            {
                yield return n;
            }
        }

        foreach (Match m in Paren().Matches(line))
        {
            yield return Parse(m.Groups["n"].Value);
        }

        var own = OwnLine().Match(line);
        if (own.Success)
        {
            foreach (var n in Numbers(own.Groups["nums"].Value))
            {
                yield return n;
            }
        }
    }

    /// <summary>
    /// Replaces markers of existing footnotes in place. Markers alone on a line, or (when
    /// <paramref name="lineStartMarkers"/>) at the start of a line, belong to the end of the line before.
    /// </summary>
    public static void Replace(List<string?> lines, IReadOnlySet<int> numbers, IReadOnlySet<int> paren, bool lineStartMarkers)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is not { Length: > 0 } line)
            {
                continue;
            }

            var own = OwnLine().Match(line);
            if (own.Success && AllKnown(own.Groups["nums"].Value, numbers))
            {
                var refs = Refs(own.Groups["nums"].Value) + own.Groups["punct"].Value;
                lines[i] = AppendToPrevious(lines, i, refs) ? null : refs;
                continue;
            }

            var start = lineStartMarkers ? LineStart().Match(line) : Match.Empty;
            if (start.Success && AllKnown(start.Groups["nums"].Value, numbers) && !Month().IsMatch(start.Groups["rest"].Value)
                && AppendToPrevious(lines, i, Refs(start.Groups["nums"].Value) + start.Groups["punct"].Value))
            {
                line = start.Groups["rest"].Value;
            }

            line = Bracketed().Replace(line, m => BracketReplacement(m, numbers));
            line = Paren().Replace(line, m => paren.Contains(Parse(m.Groups["n"].Value)) ? FootnoteRef.Format(Parse(m.Groups["n"].Value)) : m.Value);
            line = Glued().Replace(line, m => GluedReplacement(m.Groups["nums"].Value, numbers));
            lines[i] = line;
        }
    }

    /// <summary>Warnings for footnotes whose number is never referenced in the body.</summary>
    public static IEnumerable<string> Unreferenced(IEnumerable<string?> lines, IEnumerable<int> numbers)
    {
        var referenced = lines.Where(l => l is not null)
            .SelectMany(l => FootnoteRef.Pattern().Matches(l!).Select(m => Parse(m.Groups[1].Value)))
            .ToHashSet();
        return numbers.Where(n => !referenced.Contains(n)).Select(n => $"footnote {n} has no reference marker in the text");
    }

    // "?1, 2": replace the leading run of known, increasing numbers; anything after stays text.
    private static string GluedReplacement(string nums, IReadOnlySet<int> numbers)
    {
        var result = new StringBuilder();
        var previous = 0;
        var consumed = 0;
        foreach (Match digits in Digits().Matches(nums))
        {
            var n = Parse(digits.Value);
            if (!numbers.Contains(n) || n <= previous)
            {
                break;
            }

            result.Append(FootnoteRef.Format(n));
            previous = n;
            consumed = digits.Index + digits.Length;
        }

        return result.Length == 0 ? nums : result + nums[consumed..];
    }

    // Markdown conversions print "[1 ]" and "[4 5 ]"; all numbers must be known footnotes.
    private static string BracketReplacement(Match m, IReadOnlySet<int> numbers)
    {
        var found = Digits().Matches(m.Groups["nums"].Value).Select(d => Parse(d.Value)).ToList();
        return found.All(numbers.Contains) ? string.Concat(found.Select(FootnoteRef.Format)) : m.Value;
    }

    private static bool AppendToPrevious(List<string?> lines, int index, string text)
    {
        for (var p = index - 1; p >= 0; p--)
        {
            if (lines[p] is null)
            {
                return false;
            }

            if (lines[p]!.Length == 0)
            {
                continue;
            }

            if (Label().IsMatch(lines[p]!))
            {
                return false;
            }

            lines[p] += text;
            return true;
        }

        return false;
    }

    private static string Refs(string nums) => string.Concat(Numbers(nums).Select(FootnoteRef.Format));

    private static bool AllKnown(string nums, IReadOnlySet<int> numbers) => Numbers(nums).All(numbers.Contains);

    private static IEnumerable<int> Numbers(string nums) => NumberSplit().Split(nums).Select(Parse);

    private static int Parse(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex("\\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(", ?| en | ")]
    private static partial Regex NumberSplit();

    // After a word ending in lower case (not a unit such as "m3", "km2"), an upper-case word of 3+ letters ("MIND3", not "CO2"), a closing quote/bracket, ?/!, or a period ending a word or a year ("Rijk 2024.3"), not "nr." or "1.765".
    [GeneratedRegex("(?:(?<=\\p{L}\\p{Ll})(?<!\\b[kcmd]m)|(?<=[?!»”\"’)])|(?<=\\p{L}\\p{L}\\p{Lu})|(?<=(?<![\\d\\s]|\\bnr|\\bart|\\bblz|\\bp|\\bnrs)\\.)|(?<=\\b(?:19|20)\\d\\d\\.))(?<nums>\\d{1,2}(?:(?:, | en | )\\d{1,2}(?![\\d\\p{L}]))*)(?![\\d\\p{L}]|[.,]\\d)")]
    private static partial Regex Glued();

    [GeneratedRegex("\\[(?<nums>\\d{1,3}(?:[ ,]+\\d{1,3})*) ?\\]")]
    private static partial Regex Bracketed();

    [GeneratedRegex("(?<=[?.!»”\"'’]) ?(?<n>\\d{1,2})\\)")]
    private static partial Regex Paren();

    [GeneratedRegex("^(?<nums>\\d{1,2}(?:(?:, ?| en | )\\d{1,2})*)(?<punct>[)»”]?[.,;:]?)$")]
    private static partial Regex OwnLine();

    [GeneratedRegex("^(?<nums>\\d{1,2}(?:, ?\\d{1,2})*)(?<punct>[)»”]?[.,;:]?) (?<rest>\\S.*)$")]
    private static partial Regex LineStart();

    [GeneratedRegex("^(?:Vraag|Vragen|Antwoord|Antwoorden|Mededeling)\\b")]
    private static partial Regex Label();

    [GeneratedRegex("^(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\\b", RegexOptions.IgnoreCase)]
    private static partial Regex Month();
}
