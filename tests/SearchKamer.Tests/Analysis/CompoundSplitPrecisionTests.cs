using SearchKamer.Analysis;
using Xunit.Abstractions;

namespace SearchKamer.Tests.Analysis;

/// <summary>
/// The splitter against splits written by reading 347 real corpus words (Fixtures/compounds/expected-splits.tsv).
/// A word counts as right when the splitter's parts, stemmed, equal one accepted split stemmed, or it leaves a non-compound whole.
/// </summary>
public class CompoundSplitPrecisionTests(ITestOutputHelper output)
{
    private static readonly string[] PlaceNamesAndRijkAdjectives =
        ["frankrijk", "oostenrijk", "kansrijke", "invloedrijk", "talrijke", "belangrijke", "nederlandse", "nijverdal"];

    [Fact]
    public void Splitter_precision_and_recall_on_the_judged_words_stay_high()
    {
        var (tp, fp, fn, wrong) = Score();
        var precision = tp / (double)(tp + fp);
        var recall = tp / (double)(tp + fn);
        output.WriteLine($"precision {precision:0.000} recall {recall:0.000} (tp {tp}, fp {fp}, fn {fn})");
        output.WriteLine(string.Join("\n", wrong));
        Assert.True(precision >= 0.95, $"precision {precision:0.000}: {string.Join("; ", wrong)}");
        Assert.True(recall >= 0.75, $"recall {recall:0.000}: {string.Join("; ", wrong)}");
    }

    [Fact]
    public void Place_names_and_adjectives_in_rijk_are_never_split()
    {
        Assert.All(PlaceNamesAndRijkAdjectives, w => Assert.Equal("-", Split(w)));
    }

    internal static (int Tp, int Fp, int Fn, List<string> Wrong) Score()
    {
        int tp = 0, fp = 0, fn = 0;
        var wrong = new List<string>();
        foreach (var (word, accepted) in Expected())
        {
            var got = Split(word);
            var isCompound = accepted[0] != "-";
            if (got != "-" && accepted.Any(a => Stems(a) == Stems(got)))
            {
                tp++;
                continue;
            }

            if (got != "-")
            {
                fp++;
            }

            if (isCompound)
            {
                fn++;
            }

            if (got != "-" || isCompound)
            {
                wrong.Add($"{word}: {got} (verwacht {string.Join("|", accepted)})");
            }
        }

        return (tp, fp, fn, wrong);
    }

    /// <summary>Parts compared as the index holds them: "rechts" and "recht" are one term after stemming.</summary>
    private static string Stems(string split) => split == "-" ? split : string.Join("+", split.Split('+').Select(AnalyzerProbe.QueryStem));

    private static IEnumerable<(string Word, string[] Accepted)> Expected() =>
        File.ReadLines(Path.Combine(RepoPaths.Fixtures, "compounds", "expected-splits.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(c => (c[0], c[1].Split('|')));

    private static string Split(string word)
    {
        Span<Range> parts = stackalloc Range[CompoundSplitter.MaxParts];
        var count = CompoundSplitter.Bundled.Split(word, parts);
        if (count == 0)
        {
            return "-";
        }

        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = word[parts[i]];
        }

        return string.Join("+", names);
    }
}
