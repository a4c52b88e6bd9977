using System.Text.RegularExpressions;

namespace SearchKamer.Ingestion.Parsing;

/// <summary>
/// Where the two header sentences sit in the body lines. Both wrap at arbitrary points in PDFs,
/// so a sentence is gathered line by line until its closing "(ingezonden …)" / "(ontvangen …)".
/// </summary>
internal sealed record HeaderZone(
    string? QuestionHeader,
    string? AnswerHeader,
    IReadOnlyList<string> Preface,
    int BodyStart);

internal static partial class HeaderLocator
{
    private const int MaxHeaderLines = 16;
    private const int MaxPrefaceLines = 40;

    [GeneratedRegex(@"^(?:Mondelinge\s+)?(?:Vragen|Vraag)\s+van\s+", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionStart();

    [GeneratedRegex(@"^(?:Nader\s+|Aanvullend\s+)?(?:Antwoord(?:en)?|Mededeling)\s+van\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerStart();

    [GeneratedRegex(@"\(\s*ingezonden\s[^)]*\d{4}\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex SubmittedClose();

    [GeneratedRegex(@"\(\s*ontvangen\s[^)]*\d{4}\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex ReceivedClose();

    [GeneratedRegex(@"Zie\s+ook\b.*?vergaderjaar\s+\d{4}\s*[-–/]\s*(?:\d{4}|\d{2})(?!\d)\s*,?\s*(?:nr\.?\s*)?\d+", RegexOptions.IgnoreCase)]
    private static partial Regex SeeAlsoComplete();

    public static bool IsAnswerHeaderStart(string line) => AnswerStart().IsMatch(line);

    public static HeaderZone Locate(IReadOnlyList<string> lines)
    {
        var i = 0;
        var preface = new List<string>();
        string? question = null;
        string? answer = null;

        while (i < lines.Count && i < MaxPrefaceLines && !QuestionStart().IsMatch(lines[i]) && !AnswerStart().IsMatch(lines[i]))
        {
            if (lines[i].Length > 0)
            {
                preface.Add(lines[i]);
            }

            i++;
        }

        if (i < lines.Count && QuestionStart().IsMatch(lines[i]))
        {
            (question, i) = Gather(lines, i, SubmittedClose(), stopAtParagraph: true);
        }

        var j = SkipBlank(lines, i);
        if (j < lines.Count && AnswerStart().IsMatch(lines[j]))
        {
            (answer, i) = Gather(lines, j, ReceivedClose(), stopAtParagraph: false);
            (answer, i) = AppendSeeAlso(lines, answer, i);
        }

        if (question is null && answer is null)
        {
            // Nothing recognised: the preface was the body.
            return new HeaderZone(null, null, [], 0);
        }

        return new HeaderZone(question, answer, preface, i);
    }

    private static (string Text, int Next) Gather(IReadOnlyList<string> lines, int start, Regex close, bool stopAtParagraph)
    {
        var parts = new List<string> { lines[start] };
        var i = start + 1;
        while (!close.IsMatch(string.Join(' ', parts)) && i < lines.Count && parts.Count < MaxHeaderLines)
        {
            var line = lines[i];
            if ((line.Length == 0 && stopAtParagraph) || AnswerStart().IsMatch(line) || LabelParser.Parse(line) is not null)
            {
                break;
            }

            if (line.Length > 0)
            {
                parts.Add(line);
            }

            i++;
        }

        return (string.Join(' ', parts), i);
    }

    /// <summary>"Zie ook Aanhangsel …" may follow on the same line, the next line or a later paragraph.</summary>
    private static (string Text, int Next) AppendSeeAlso(IReadOnlyList<string> lines, string header, int next)
    {
        var text = header;
        var closeAt = ReceivedClose().Matches(text) is { Count: > 0 } m ? m[^1].Index + m[^1].Length : text.Length;
        var tail = text[closeAt..];
        var i = next;
        var j = SkipBlank(lines, i);
        var continues = tail.Contains("Zie", StringComparison.OrdinalIgnoreCase)
            || (j < lines.Count && lines[j].StartsWith("Zie ook", StringComparison.OrdinalIgnoreCase));
        if (!continues)
        {
            return (text, i);
        }

        if (!tail.Contains("Zie", StringComparison.OrdinalIgnoreCase))
        {
            i = j;
        }

        var guard = 0;
        while (!SeeAlsoComplete().IsMatch(text) && i < lines.Count && guard++ < 4 && LabelParser.Parse(lines[i]) is null)
        {
            if (lines[i].Length > 0)
            {
                text += " " + lines[i];
            }

            i++;
        }

        return (text, i);
    }

    private static int SkipBlank(IReadOnlyList<string> lines, int i)
    {
        while (i < lines.Count && lines[i].Length == 0)
        {
            i++;
        }

        return i;
    }
}
