using System.Text.RegularExpressions;
using SearchKamer.Domain;

namespace SearchKamer.Ingestion.Extraction;

/// <summary>
/// Finds footnote bodies in plain text, takes them out of the body lines and replaces the reference
/// numerals that point at them by <see cref="FootnoteRef.Format"/> (document-formats.md §4.3).
/// A numeral only becomes a reference when a body with that number was found, so years and amounts
/// are left alone.
/// </summary>
internal static partial class PlainTextFootnotes
{
    /// <summary>Footnote bodies are short; a longer run means we misread body text.</summary>
    private const int MaxContinuationLines = 8;

    private sealed record Body(int Number, int Start, int End, bool Paren, string FirstText);

    public static (List<string?> Lines, List<Footnote> Footnotes) Extract(IReadOnlyList<string?> lines, List<string> warnings)
    {
        var bodies = FindPandocBodies(lines);
        var gluedStyle = false;
        if (bodies.Count == 0)
        {
            bodies = FindBodies(lines, glued: true);
            gluedStyle = bodies.Count > 0;
        }

        if (bodies.Count == 0)
        {
            bodies = FindBodies(lines, glued: false);
        }

        if (bodies.Count == 0)
        {
            return (lines.ToList(), []);
        }

        var footnotes = bodies.Select(b => ToFootnote(b, lines)).ToList();
        var inBody = new bool[lines.Count];
        foreach (var b in bodies)
        {
            for (var i = b.Start; i <= b.End; i++)
            {
                inBody[i] = true;
            }
        }

        var kept = new List<string?>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!inBody[i])
            {
                kept.Add(lines[i]);
            }
        }

        var numbers = bodies.Select(b => b.Number).ToHashSet();
        var paren = bodies.Where(b => b.Paren).Select(b => b.Number).ToHashSet();
        FootnoteMarkers.Replace(kept, numbers, paren, lineStartMarkers: gluedStyle);
        warnings.AddRange(FootnoteMarkers.Unreferenced(kept, numbers));
        return (kept, footnotes);
    }

    // OpenTK previews end with a pandoc list "1. text↩︎", one item per line.
    private static List<Body> FindPandocBodies(IReadOnlyList<string?> lines)
    {
        var bodies = new List<Body>();
        for (var i = 0; i < lines.Count; i++)
        {
            var m = lines[i] is { } line ? PandocItem().Match(line) : Match.Empty;
            if (m.Success && int.TryParse(m.Groups["n"].Value, out var n))
            {
                bodies.Add(new Body(n, i, i, false, m.Groups["text"].Value));
            }
        }

        return bodies;
    }

    /// <summary>
    /// Bodies numbered 1, 2, 3 … in document order. Glued bodies ("1House of Animals") are unambiguous;
    /// spaced ones ("1 Motie van …", "1) Bijlage") are only taken when a marker for that number occurs earlier.
    /// </summary>
    private static List<Body> FindBodies(IReadOnlyList<string?> lines, bool glued)
    {
        var bodies = new List<Body>();
        var markersSeen = new HashSet<int>();
        var last = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is not { Length: > 0 } line)
            {
                continue;
            }

            var m = MatchBody(line, glued, last + 1);
            if (m is not null && (glued || markersSeen.Contains(last + 1)))
            {
                var end = i;
                while (end + 1 < lines.Count && end - i < MaxContinuationLines && IsContinuation(lines[end + 1], glued, last + 2))
                {
                    end++;
                }

                bodies.Add(new Body(last + 1, i, end, m.Groups["paren"].Success, m.Groups["text"].Value));
                last++;
                i = end;
                continue;
            }

            markersSeen.UnionWith(FootnoteMarkers.Candidates(line));
        }

        return bodies;
    }

    private static bool IsContinuation(string? line, bool glued, int next)
    {
        if (string.IsNullOrEmpty(line) || Label().IsMatch(line))
        {
            return false;
        }

        return MatchBody(line, glued, next) is null;
    }

    /// <summary>The body of footnote <paramref name="expected"/> when <paramref name="line"/> starts one.</summary>
    private static Match? MatchBody(string line, bool glued, int expected)
    {
        var m = glued ? GluedBody().Match(line) : SpacedBody().Match(line);
        if (!m.Success && glued)
        {
            // "22023 Annual report": footnote 2 glued to a text that starts with a year.
            m = GluedYearBody().Match(line);
        }

        var number = expected.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return m.Success && m.Groups["n"].Value == number && !StartsWithMonth(m.Groups["text"].Value) ? m : null;
    }

    private static bool StartsWithMonth(string text) => Month().IsMatch(text);

    private static Footnote ToFootnote(Body body, IReadOnlyList<string?> lines)
    {
        var text = body.FirstText;
        for (var i = body.Start + 1; i <= body.End; i++)
        {
            text = JoinWrapped(text, lines[i]!);
        }

        text = text.Replace("\u21A9\uFE0E", "", StringComparison.Ordinal).Replace("\u21A9", "", StringComparison.Ordinal).Trim();
        var url = Url().Match(text);
        return new Footnote(body.Number, text, url.Success ? url.Value.TrimEnd('.', ',', ';', ':') : null);
    }

    // Rejoins a footnote wrapped by the PDF: URLs broken after "/" or "-" and words hyphenated between lower-case letters.
    private static string JoinWrapped(string text, string next)
    {
        var lastToken = text[(text.LastIndexOf(' ') + 1)..];
        var inUrl = lastToken.Contains("://", StringComparison.Ordinal) || lastToken.StartsWith("www.", StringComparison.Ordinal)
            || lastToken.StartsWith("(http", StringComparison.Ordinal);
        if (inUrl && text.Length > 0 && "/-_.=?&#".Contains(text[^1], StringComparison.Ordinal))
        {
            return text + next;
        }

        if (HyphenatedEnd().IsMatch(text) && next.Length > 0 && char.IsLower(next[0]))
        {
            return text[..^1] + next;
        }

        return text + " " + next;
    }

    [GeneratedRegex("^(?<n>\\d{1,3})\\.\\s+(?<text>.+?)\\s*\u21A9\uFE0E?$")]
    private static partial Regex PandocItem();

    [GeneratedRegex("^(?<n>\\d{1,2})(?=[\\p{Lu}«“\"‘'(\\[]|https?:|www\\.)(?<text>.+)$")]
    private static partial Regex GluedBody();

    [GeneratedRegex("^(?<n>\\d{1,2})(?<text>(?:19|20)\\d\\d\\b.+)$")]
    private static partial Regex GluedYearBody();

    [GeneratedRegex("^(?<n>\\d{1,2})(?:(?<paren>\\))\\s*|\\s+)(?<text>(?:[\\p{Lu}\\d«“\"‘'(\\[]|https?:|www\\.).*)$")]
    private static partial Regex SpacedBody();

    [GeneratedRegex("^(?:Vraag|Vragen|Antwoord|Antwoorden|Mededeling)\\b")]
    private static partial Regex Label();

    [GeneratedRegex("^(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\\b", RegexOptions.IgnoreCase)]
    private static partial Regex Month();

    [GeneratedRegex("https?://[^\\s)»”\"<>]+")]
    private static partial Regex Url();

    [GeneratedRegex("\\p{Ll}-$")]
    private static partial Regex HyphenatedEnd();
}
