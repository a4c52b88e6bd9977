using System.Text.RegularExpressions;

namespace SearchKamer.Ingestion.Extraction;

/// <summary>
/// Decides whether a hyphen at a line end is a typesetter's break ("Regenboog-|beleid") or a real
/// hyphen that fell at the line end ("CCS-|projecten"), using what the same document prints elsewhere.
/// </summary>
internal sealed partial class Dehyphenator
{
    /// <summary>"aanloop-| en volloopverliezen": the hyphen stands for a shared word part and the space stays.</summary>
    private static readonly HashSet<string> Conjunctions = ["en", "of", "tot", "noch"];

    private static readonly HashSet<string> NameParticles =
        ["van", "de", "der", "den", "ten", "ter", "het", "la", "le", "du", "von", "vd"];

    private readonly HashSet<string> _words = new(StringComparer.OrdinalIgnoreCase);

    public Dehyphenator(IEnumerable<string> documentText)
    {
        foreach (var line in documentText)
        {
            foreach (Match word in Word().Matches(line))
            {
                if (!word.Value.EndsWith('-'))
                {
                    _words.Add(word.Value);
                }
            }
        }
    }

    /// <summary>How "<paramref name="head"/>-" at a line end continues with "<paramref name="tail"/>" on the next line.</summary>
    public HyphenBreak Classify(string head, string tail)
    {
        var fragment = Word().Match(tail) is { Success: true, Index: 0 } m ? m.Value : "";
        if (Conjunctions.Contains(fragment))
        {
            return HyphenBreak.Suspended;
        }

        return ShouldJoin(LastWord().Match(head).Value, fragment) ? HyphenBreak.Join : HyphenBreak.Keep;
    }

    private bool ShouldJoin(string prefix, string fragment)
    {
        if (prefix.Length == 0 || fragment.Length == 0)
        {
            return false;
        }

        if (_words.Contains($"{prefix}-{fragment}"))
        {
            return false;
        }

        if (_words.Contains(prefix + fragment))
        {
            return true;
        }

        // Abbreviations, codes and names keep their hyphen: "CCS-projecten", "NIS2-richtlijn", "GroenLinks-PvdA".
        var last = prefix[^1];
        var next = fragment[0];
        if (char.IsUpper(last) || char.IsDigit(last) || char.IsUpper(next) || char.IsDigit(next))
        {
            return false;
        }

        // A compound already hyphenated ("Informatica-CWI-") keeps the hyphen that ends it.
        if (prefix.Contains('-'))
        {
            return false;
        }

        // Double surnames: "Gräper-|van Koolwijk".
        return !(char.IsUpper(prefix[0]) && NameParticles.Contains(fragment));
    }

    /// <summary>
    /// Rejoins hyphenated words across consecutive lines by moving the word fragment up onto the line
    /// that ends in the hyphen, so each line still holds whole words.
    /// </summary>
    public void RejoinLines(List<string> lines)
    {
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            var line = lines[i];
            var next = lines[i + 1];
            if (!EndsInWordHyphen(line) || next.Length == 0)
            {
                continue;
            }

            var kind = Classify(line[..^1], next);
            if (kind == HyphenBreak.Suspended)
            {
                continue;
            }

            var cut = next.IndexOf(' ');
            var fragment = cut < 0 ? next : next[..cut];
            var rest = cut < 0 ? "" : next[(cut + 1)..];
            lines[i] = kind == HyphenBreak.Join ? line[..^1] + fragment : line + fragment;
            if (rest.Length > 0)
            {
                lines[i + 1] = rest;
            }
            else
            {
                lines.RemoveAt(i + 1);
                i--;
            }
        }
    }

    /// <summary>Only a hyphen glued to a letter is a break; " -" or "2023-" before a number stay as they are.</summary>
    public static bool EndsInWordHyphen(string line) =>
        line.Length >= 2 && line[^1] == '-' && char.IsLetterOrDigit(line[^2]);

    [GeneratedRegex(@"[\p{L}\p{M}\p{Nd}]+(?:-[\p{L}\p{M}\p{Nd}]+)*-?")]
    private static partial Regex Word();

    [GeneratedRegex(@"[\p{L}\p{M}\p{Nd}]+(?:-[\p{L}\p{M}\p{Nd}]+)*$")]
    private static partial Regex LastWord();
}

internal enum HyphenBreak
{
    /// <summary>A typesetter's break: drop the hyphen and glue the parts.</summary>
    Join,

    /// <summary>A real hyphen at the line end: keep it and glue the parts.</summary>
    Keep,

    /// <summary>A hyphen for a shared word part before "en"/"of": keep it and the space after it.</summary>
    Suspended,
}
