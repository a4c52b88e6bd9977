using SearchKamer.Domain;
using SearchKamer.Ingestion.Extraction;

namespace SearchKamer.Ingestion.Parsing;

internal sealed record AssembledBody(IReadOnlyList<QuestionAnswer> Questions, string? Notice, string? Unlabelled);

/// <summary>
/// Pairs question blocks with answer blocks by number. A combined label ("Vraag 3, 4 en 5") holds
/// one question per paragraph; a combined answer is shared by every number it names.
/// </summary>
internal static partial class QuestionAssembler
{
    [System.Text.RegularExpressions.GeneratedRegex("(?<=\\?(?:\uE000\\d+\uE001)?)(?=\\p{Lu})")]
    private static partial System.Text.RegularExpressions.Regex GluedQuestionEnd();

    public static AssembledBody Assemble(List<Block> blocks, ICollection<string> warnings)
    {
        var order = new List<int>();
        var questions = new Dictionary<int, string>();
        var answers = new Dictionary<int, (string Text, IReadOnlyList<int> With)>();
        var notice = new List<string>();

        foreach (var block in blocks)
        {
            switch (block.Kind)
            {
                case LabelKind.Question:
                    var parts = SplitCombined(BodyBlocks.Paragraphs(block.Lines), block.Numbers.Count, warnings, block.Numbers);
                    for (var k = 0; k < block.Numbers.Count; k++)
                    {
                        var n = block.Numbers[k];
                        if (!order.Contains(n))
                        {
                            order.Add(n);
                        }

                        questions[n] = questions.TryGetValue(n, out var earlier) && earlier.Length > 0 ? earlier + "\n" + parts[k] : parts[k];
                    }

                    break;
                case LabelKind.Answer:
                    AddAnswer(block, answers, order, warnings);
                    break;
                case LabelKind.Notice:
                    notice.Add(Join(BodyBlocks.Paragraphs(block.Lines)));
                    break;
            }
        }

        var lead = Join(BodyBlocks.Paragraphs(blocks[0].Lines));
        var result = order.Select(n => Build(n, questions.GetValueOrDefault(n, ""), answers.TryGetValue(n, out var a) ? a : null)).ToList();
        var noticeText = notice.Count > 0 ? string.Join("\n", notice.Where(t => t.Length > 0)) : null;
        return new AssembledBody(result, noticeText, lead.Length > 0 ? lead : null);
    }

    /// <summary>Questions of a set that carries no labels at all: one per paragraph.</summary>
    public static IReadOnlyList<QuestionAnswer> FromParagraphs(IEnumerable<string> lines) =>
        BodyBlocks.Paragraphs(lines).Select((p, i) => Build(i + 1, string.Join(' ', p), null)).ToList();

    private static void AddAnswer(Block block, Dictionary<int, (string, IReadOnlyList<int>)> answers, List<int> order, ICollection<string> warnings)
    {
        if (block.Numbers.Count == 0)
        {
            warnings.Add("antwoord zonder vraagnummer overgeslagen");
            return;
        }

        var text = Join(BodyBlocks.Paragraphs(block.Lines));
        IReadOnlyList<int> with = block.Numbers.Count > 1 ? block.Numbers : [];
        foreach (var n in block.Numbers)
        {
            if (!order.Contains(n))
            {
                warnings.Add($"antwoord {n} zonder bijbehorende vraag");
                order.Add(n);
            }

            answers[n] = (text, with);
        }
    }

    private static QuestionAnswer Build(int number, string question, (string Text, IReadOnlyList<int> With)? answer)
    {
        var footnotes = new SortedSet<int>();
        var q = StripRefs(question, footnotes);
        var a = answer is { } x ? StripRefs(x.Text, footnotes) : null;
        return new QuestionAnswer(number, q, a, answer?.With ?? [], footnotes.ToList());
    }

    private static string StripRefs(string text, SortedSet<int> numbers)
    {
        foreach (System.Text.RegularExpressions.Match m in FootnoteRef.Pattern().Matches(text))
        {
            numbers.Add(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        var lines = FootnoteRef.Pattern().Replace(text, "").Split('\n').Select(TextCleanup.Collapse);
        return string.Join("\n", lines.Where(l => l.Length > 0));
    }

    private static string Join(List<List<string>> paragraphs) =>
        string.Join("\n", paragraphs.Select(p => string.Join(' ', p)));

    /// <summary>Cuts a combined question block into <paramref name="count"/> questions.</summary>
    private static List<string> SplitCombined(List<List<string>> paragraphs, int count, ICollection<string> warnings, IReadOnlyList<int> numbers)
    {
        if (count <= 1)
        {
            return [Join(paragraphs)];
        }

        var segments = paragraphs.Count >= count ? paragraphs : SplitAtQuestionMarks(paragraphs, count);
        while (segments.Count > count)
        {
            var k = segments.FindIndex(s => !EndsWithQuestion(s));
            k = k < 0 || k == segments.Count - 1 ? segments.Count - 2 : k;
            segments[k] = [.. segments[k], .. segments[k + 1]];
            segments.RemoveAt(k + 1);
        }

        if (segments.Count < count)
        {
            warnings.Add($"vraag {string.Join(", ", numbers)}: tekst niet per vraag te splitsen; hele blok bij elk nummer");
            var all = Join(paragraphs);
            return Enumerable.Repeat(all, count).ToList();
        }

        return segments.Select(s => string.Join(' ', s)).ToList();
    }

    /// <summary>Without paragraph marks, a line that ends in "?" before a capitalised line is the best cut.</summary>
    private static List<List<string>> SplitAtQuestionMarks(List<List<string>> paragraphs, int count)
    {
        // Third-party extractions glue lines together ("…ogen?In het licht…"): a "?" directly followed by a capital was a line end.
        var lines = paragraphs.SelectMany((p, pi) => p.SelectMany(l => GluedQuestionEnd().Split(l)).Select((l, li) => (Line: l, NewParagraph: li == 0 && pi > 0))).ToList();
        var cuts = new List<(int At, bool Strong, int Length)>();
        for (var i = 1; i < lines.Count; i++)
        {
            var prev = FootnoteRef.Pattern().Replace(lines[i - 1].Line, "").TrimEnd();
            if (lines[i].NewParagraph)
            {
                cuts.Add((i, true, 0));
            }
            else if (prev.EndsWith('?') && lines[i].Line.Length > 0 && char.IsUpper(lines[i].Line[0]))
            {
                cuts.Add((i, false, prev.Length));
            }
        }

        var chosen = cuts.Where(c => c.Strong).Concat(cuts.Where(c => !c.Strong).OrderBy(c => c.Length))
            .Take(count - 1).Select(c => c.At).Order().ToList();
        var result = new List<List<string>>();
        var start = 0;
        foreach (var cut in chosen.Append(lines.Count))
        {
            result.Add(lines.GetRange(start, cut - start).Select(l => l.Line).ToList());
            start = cut;
        }

        return result;
    }

    private static bool EndsWithQuestion(List<string> segment) =>
        segment.Count > 0 && FootnoteRef.Pattern().Replace(segment[^1], "").TrimEnd().EndsWith('?');
}
