using System.Text.RegularExpressions;
using SearchKamer.Analysis;

namespace SearchKamer.Ingestion.Extraction;

/// <summary>
/// Spaces lost where another tool joined a PDF's lines (document-formats.md §5.4): the Limburg texts of PDFs
/// read "uitgebreidgesproken", "meestijgenmet", "hetbesluit", "vanOostenbruggen" wherever a printed line
/// ended without a hyphen, so neither word is found and the question set no longer matches its own answer.
/// A word is split only where one side is a short function word and the other a known word (or, after the
/// function word, a capitalised name); two content words glued together ("uitgebreidgesproken") look like a
/// compound ("projectgerelateerde") and stay whole. A token the word list knows as a whole stays whole.
/// </summary>
internal static partial class GluedWords
{
    // Before a known word: "hetbesluit", "dehelderheid", "vanwoensdag". Not the prepositions that are also
    // prefixes ("overdeclaratie", "oplevertijden" are whole words), nor "en" before lower case.
    private static readonly HashSet<string> Leading = ["de", "het", "een", "van", "met", "naar", "tot", "dat", "die", "is"];

    // Before a capitalised word every function word counts: "vanOostenbruggen", "enWetenschap", "inNederland".
    private static readonly HashSet<string> LeadingBeforeCapital = [.. Leading, "en", "voor", "door", "bij", "uit", "over", "aan", "op", "in", "om"];

    // After a known word: "gesprokenis", "meestijgenmet", "beschouwingendoor". Not "en", "de", "te" or "als":
    // plurals, inflections and English words end in them ("rookgasafvoeren", "literals" are whole words).
    private static readonly HashSet<string> Trailing = ["het", "een", "van", "voor", "met", "door", "bij", "uit", "over", "naar", "aan", "op", "in", "om", "tot", "dat", "die", "is", "zijn", "niet", "ook", "wel", "nog", "maar"];

    // An article may also stand before a compound longer than the list's words ("debegrotingsbehandeling").
    private static readonly HashSet<string> Articles = ["de", "het", "een"];

    /// <summary>Every glued token of a line split in two.</summary>
    public static string Repair(string line) => line.Length < 6 ? line : Token().Replace(line, m => Split(m.Value) ?? m.Value);

    /// <summary>The token with a space where the line join lost one, or null to keep it.</summary>
    internal static string? Split(string token)
    {
        var folded = DataFiles.Fold(token);
        if (folded.Length != token.Length || DutchWordList.Instance.Words.Contains(folded))
        {
            return null;
        }

        for (var i = 2; i < token.Length - 1; i++)
        {
            if (Splits(token, folded, i))
            {
                return string.Concat(token.AsSpan(0, i), " ", token.AsSpan(i));
            }
        }

        return null;
    }

    private static bool Splits(string token, string folded, int i)
    {
        var (left, right) = (folded[..i], folded[i..]);
        var lowerLeft = IsLower(token.AsSpan(0, i));
        if (lowerLeft && char.IsUpper(token[i]) && IsLower(token.AsSpan(i + 1)))
        {
            return LeadingBeforeCapital.Contains(left);
        }

        if (!lowerLeft || !IsLower(token.AsSpan(i)))
        {
            return false;
        }

        var words = DutchWordList.Instance.Words;
        return (Leading.Contains(left) && (words.Contains(right) || (Articles.Contains(left) && IsCompound(right))))
            || (Trailing.Contains(right) && words.Contains(left));
    }

    private static bool IsCompound(string word)
    {
        Span<Range> parts = stackalloc Range[CompoundSplitter.MaxParts];
        return CompoundSplitter.Bundled.Split(word, parts) > 0;
    }

    private static bool IsLower(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    // Letters only, not next to a hyphen: "aanscherpin-gen" is a line-end hyphenation, not a glued word.
    [GeneratedRegex(@"(?<![\p{L}\-])\p{L}{6,}(?![\p{L}\-])")]
    private static partial Regex Token();
}
