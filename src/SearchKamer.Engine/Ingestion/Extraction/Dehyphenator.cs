using System.Text.RegularExpressions;

namespace SearchKamer.Ingestion.Extraction;

/// <summary>
/// Decides whether a hyphen at a line end is a typesetter's break ("Regenboog-|beleid") or a real
/// hyphen that fell at the line end ("CCS-|projecten"), using what the same document prints elsewhere.
/// </summary>
internal sealed partial class Dehyphenator
{
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

    /// <summary>True when "<paramref name="head"/>-" at a line end and "<paramref name="tail"/>" on the next line form one unhyphenated word.</summary>
    public bool ShouldJoin(string head, string tail)
    {
        var prefix = LastWord().Match(head).Value;
        var fragment = Word().Match(tail) is { Success: true, Index: 0 } m ? m.Value : "";
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

            var cut = next.IndexOf(' ');
            var fragment = cut < 0 ? next : next[..cut];
            var rest = cut < 0 ? "" : next[(cut + 1)..];
            lines[i] = ShouldJoin(line[..^1], next) ? line[..^1] + fragment : line + fragment;
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
