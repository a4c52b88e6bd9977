using System.Text.RegularExpressions;

namespace SearchKamer.Ingestion.Parsing;

/// <summary>A run of body lines opened by one label; "" entries mark paragraph breaks.</summary>
internal sealed record Block(LabelKind? Kind, IReadOnlyList<int> Numbers, List<string> Lines);

/// <summary>
/// Cuts the body into blocks at label lines. Ministry letters number questions "1." or "1" and
/// answer with a bare "Antwoord:"; that style is only trusted when the document has no "Vraag N" labels.
/// </summary>
internal static partial class BodyBlocks
{
    [GeneratedRegex(@"^(?<n>\d{1,3})(?:[.)]\s*|\s+|$)(?<rest>.*)$")]
    private static partial Regex NumberedStart();

    public static List<Block> Split(IReadOnlyList<string> lines)
    {
        var labels = lines.Select(LabelParser.Parse).ToList();
        var letterStyle = !labels.Any(l => l is { Kind: LabelKind.Question });
        var blocks = new List<Block> { new(null, [], []) };
        var nextQuestion = 1;
        IReadOnlyList<int> lastQuestion = [];

        for (var i = 0; i < lines.Count; i++)
        {
            var label = labels[i];
            var rest = label?.Rest ?? "";
            if (label is null && letterStyle && NumberedQuestion(lines[i], nextQuestion) is { } numbered)
            {
                label = new Label(LabelKind.Question, [nextQuestion], numbered);
                rest = numbered;
            }

            if (label is null)
            {
                blocks[^1].Lines.Add(lines[i]);
                continue;
            }

            var numbers = label.Kind == LabelKind.Answer && label.Numbers.Count == 0 ? lastQuestion : label.Numbers;
            if (label.Kind == LabelKind.Question)
            {
                lastQuestion = numbers;
                nextQuestion = numbers.Max() + 1;
            }

            blocks.Add(new Block(label.Kind, numbers, rest.Length > 0 ? [rest] : []));
        }

        return blocks;
    }

    private static string? NumberedQuestion(string line, int expected)
    {
        var m = NumberedStart().Match(line.Trim());
        return m.Success && int.TryParse(m.Groups["n"].Value, out var n) && n == expected ? m.Groups["rest"].Value.Trim() : null;
    }

    /// <summary>Paragraphs of a block, each a list of its lines.</summary>
    public static List<List<string>> Paragraphs(IEnumerable<string> lines)
    {
        var result = new List<List<string>> { new() };
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0)
            {
                if (result[^1].Count > 0)
                {
                    result.Add([]);
                }
            }
            else
            {
                result[^1].Add(line.Trim());
            }
        }

        if (result[^1].Count == 0)
        {
            result.RemoveAt(result.Count - 1);
        }

        return result;
    }
}
