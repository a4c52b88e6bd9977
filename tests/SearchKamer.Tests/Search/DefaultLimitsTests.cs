using SearchKamer.Indexing;
using SearchKamer.Search;

namespace SearchKamer.Tests.Search;

/// <summary>
/// The README's bounds at their default values, on an engine built without overrides: a real answer
/// with 100,001 distinct words of one prefix added, so a prefix standing for all of them passes the
/// default bound of 100,000 terms and one standing for a tenth of them does not; a fuzzy term with
/// more than 50 words one letter away keeps 50 of them. (The 5 s bound: <see cref="SearchLimitsTests"/>.)
/// </summary>
public sealed class DefaultLimitsTests : IDisposable
{
    private const int Words = 100_001;
    private readonly string _dir = Directory.CreateTempSubdirectory("searchkamer-default-limits-").FullName;
    private readonly List<SearchIndex> _opened = [];

    [Fact]
    public void A_prefix_standing_for_more_than_100000_terms_is_refused_and_one_for_fewer_is_not()
    {
        var lines = File.ReadAllLines(RepoPaths.CorpusFile("limburg", "Antwoord_op_vragen_van_het_lid_Mutluer_o.docx.txt")).ToList();
        var answer = lines.FindIndex(l => l.StartsWith("Antwoord op vraag 1", StringComparison.Ordinal)) + 1;
        lines[answer] += " " + string.Join(' ', Enumerable.Range(0, Words).Select(i => $"zq{i:D6}"));
        var file = Path.Combine(_dir, "veel-woorden.txt");
        File.WriteAllLines(file, lines);
        using var index = SearchIndex.OpenForWriting(Path.Combine(_dir, "index"));
        Assert.Equal(1, IngestPipeline.Run(index, [file], 1, _ => { }).Indexed);
        var engine = new SearchEngine(index);

        var e = Assert.Throws<SearchRequestException>(() => engine.Search(new SearchRequest { Query = "zq*" }));
        var tenth = engine.Search(new SearchRequest { Query = "zq01*" });

        Assert.Equal("q", e.Parameter);
        Assert.Contains($"meer dan {100_000:N0} verschillende woorden", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, tenth.Total);
    }

    [Fact]
    public void A_fuzzy_term_keeps_its_best_50_words_and_no_fewer()
    {
        // Real questions and answers, renumbered into 110 pairs; answer k ends in word k. The 60 words one
        // letter from "zqwxkvjb" outnumber the bound of 50, the 20 two letters away rank below all of them,
        // and the 30 words one letter from "jvkzqxwb" stay under the bound.
        var near = Variants("zqwxkvjb", 1).Take(60).ToList();
        var far = Variants("zqwxkvjb", 2).Take(20).ToList();
        var few = Variants("jvkzqxwb", 1).Take(30).ToList();
        List<string> words = [.. near, .. far, .. few];
        var engine = new SearchEngine(IndexWithAnswersEndingIn(words));

        var found = Numbers(engine, "zqwxkvjb~").Select(n => words[n - 1]).ToList();

        Assert.Equal(50, found.Count);
        Assert.All(found, w => Assert.Contains(w, near));
        Assert.Equal(few.Order(StringComparer.Ordinal), Numbers(engine, "jvkzqxwb~").Select(n => words[n - 1]).Order(StringComparer.Ordinal));
        Assert.Equal(far.Count, Numbers(engine, string.Join(" OR ", far)).Count);
    }

    [Fact]
    public void The_documented_defaults_are_the_engines_defaults()
    {
        // README, Search: 100,000 terms per prefix or wildcard, 5 s per search.
        Assert.Equal(new SearchLimits(TimeSpan.FromSeconds(5), 100_000), SearchLimits.Default);
    }

    /// <summary>Words that differ from <paramref name="word"/> in exactly <paramref name="letters"/> places, with letters it does not hold (so no swap brings one nearer).</summary>
    private static IEnumerable<string> Variants(string word, int letters)
    {
        var others = "acdefghilmnoprstu";
        return letters == 1
            ? Enumerable.Range(0, word.Length).SelectMany(i => others.Select(c => Replace(word, (i, c))))
            : Enumerable.Range(0, word.Length - 1).SelectMany(i => others.Select(c => Replace(word, (i, c), (i + 1, others[others.Length - 1 - others.IndexOf(c, StringComparison.Ordinal)]))));
    }

    private static string Replace(string word, params (int At, char Letter)[] changes)
    {
        var letters = word.ToCharArray();
        foreach (var (at, letter) in changes)
        {
            letters[at] = letter;
        }

        return new string(letters);
    }

    /// <summary>The Mutluer answer letter with its first question and answer repeated, one pair per word, the word at the end of the answer.</summary>
    private SearchIndex IndexWithAnswersEndingIn(IReadOnlyList<string> words)
    {
        var lines = File.ReadAllLines(RepoPaths.CorpusFile("limburg", "Antwoord_op_vragen_van_het_lid_Mutluer_o.docx.txt"));
        var first = Array.FindIndex(lines, l => l.StartsWith("Vraag 1", StringComparison.Ordinal));
        var (question, answer) = (lines[first + 1], lines[first + 4]);
        var text = lines.Take(first).Concat(words.SelectMany((w, i) => new[] { $"Vraag {i + 1}", question, "", $"Antwoord op vraag {i + 1}", $"{answer} {w}", "" }));
        var file = Path.Combine(_dir, "veel-vragen.txt");
        File.WriteAllLines(file, text);
        var index = SearchIndex.OpenForWriting(Path.Combine(_dir, "fuzzy-index"));
        _opened.Add(index);
        Assert.Equal(1, IngestPipeline.Run(index, [file], 1, _ => { }).Indexed);
        return index;
    }

    private static List<int> Numbers(SearchEngine engine, string query) =>
        [.. engine.Matching(new SearchRequest { Query = query }).Select(r => r.Number)];

    public void Dispose()
    {
        _opened.ForEach(i => i.Dispose());
        Directory.Delete(_dir, recursive: true);
    }
}
