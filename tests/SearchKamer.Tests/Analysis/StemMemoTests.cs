using SearchKamer.Analysis;
using SearchKamer.Indexing;

namespace SearchKamer.Tests.Analysis;

/// <summary>
/// The memo of the stemmed chain's tail. Oracles: what the chain computes for a word it has not seen (the memo
/// misses, so the tail runs) against what it replays once the word is remembered; and, for the table itself, a
/// dictionary of what was added.
/// </summary>
public class StemMemoTests
{
    [Fact]
    public void The_bundled_corpus_analysed_from_memory_gives_the_tokens_the_chain_computed()
    {
        var texts = CorpusTexts();
        // A bound of one word: nearly every word is a miss, so the tail computes it.
        var computing = new DutchStemmedAnalyzer(true, new StemMemo(1));
        var computed = texts.Select(t => AnalyzerProbe.Analyze(computing, Fields.Question, t)).ToList();
        var memo = new StemMemo(1_000_000);
        var analyzer = new DutchStemmedAnalyzer(true, memo);
        var firstPass = texts.Select(t => AnalyzerProbe.Analyze(analyzer, Fields.Question, t)).ToList();
        var replayed = texts.Select(t => AnalyzerProbe.Analyze(analyzer, Fields.Question, t)).ToList();

        Assert.True(memo.Count > 5_000, $"the corpus's words are remembered ({memo.Count})");
        Assert.Contains(replayed, tokens => tokens.Any(t => t.PositionIncrement == 0 && CompoundParts.IsPart(t.Term)));
        Assert.Equal(computed, firstPass);
        Assert.Equal(computed, replayed);
    }

    [Fact]
    public void Every_remembered_word_is_found_with_its_own_stem_and_parts_while_the_table_grows()
    {
        var words = CorpusWords().ToList();
        var memo = new StemMemo(words.Count);
        var added = new Dictionary<string, (string Stem, string[] Parts)>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            var entry = (Stem: new string([.. words[i].Reverse()]), Parts: i % 7 == 0 ? new[] { "~" + words[i][..1] } : []);
            memo.Add(words[i], entry.Stem, entry.Parts);
            added[words[i]] = entry;
            if (i % 997 == 0)
            {
                AssertHolds(memo, added);
            }
        }

        Assert.True(words.Count > 10_000, $"enough words to grow the table many times ({words.Count})");
        AssertHolds(memo, added);
        Assert.False(memo.TryGet("woordxyzdatnergensstaat", out _));
    }

    [Fact]
    public void Past_its_bound_the_memo_starts_over_with_the_word_that_crossed_it()
    {
        var memo = new StemMemo(3);
        foreach (var word in new[] { "gemeente", "provincie", "waterschap" })
        {
            memo.Add(word, word + "-stam", []);
        }

        Assert.Equal(3, memo.Count);
        memo.Add("rijk", "rijk-stam", []);

        Assert.Equal(1, memo.Count);
        Assert.False(memo.TryGet("gemeente", out _));
        Assert.True(memo.TryGet("rijk", out var found));
        Assert.Equal("rijk-stam", new string(found.Chars, found.Start, found.Length));
    }

    [Fact]
    public void Long_words_make_the_memo_start_over_before_their_characters_pass_its_bound()
    {
        const int MaxWords = 1_000;
        var memo = new StemMemo(MaxWords);
        var startedOver = 0;
        for (var i = 0; i < MaxWords; i++)
        {
            // Tokens as long as the tokenizer lets through, each one new: what someone filling the memo on purpose sends.
            var word = i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + new string('x', 249);
            var before = memo.Count;
            memo.Add(word, word, []);
            startedOver += memo.Count < before ? 1 : 0;
            Assert.True(memo.Count * 2 * word.Length <= MaxWords * StemMemo.CharactersPerWord, $"{memo.Count} words of {word.Length} characters held");
        }

        Assert.True(startedOver > 0, "the memo started over on its characters, long before its words");
    }

    [Fact]
    public void Threads_that_add_and_read_at_once_only_ever_find_a_words_own_stem()
    {
        var words = CorpusWords().Take(20_000).ToArray();
        var memo = new StemMemo(words.Length);
        var found = 0;
        Parallel.For(0, 4, thread =>
        {
            // Each thread walks the words from another place, adding what it misses and checking what it finds.
            for (var n = 0; n < words.Length; n++)
            {
                var word = words[(n + (thread * words.Length / 4)) % words.Length];
                if (memo.TryGet(word, out var hit))
                {
                    Assert.Equal(word.ToUpperInvariant(), new string(hit.Chars, hit.Start, hit.Length));
                    Interlocked.Increment(ref found);
                }
                else
                {
                    memo.Add(word, word.ToUpperInvariant(), []);
                }
            }
        });

        Assert.Equal(words.Length, memo.Count);
        Assert.True(found > 0, "some words were read while others were being added");
    }

    private static void AssertHolds(StemMemo memo, Dictionary<string, (string Stem, string[] Parts)> added)
    {
        foreach (var (word, (stem, parts)) in added)
        {
            Assert.True(memo.TryGet(word, out var found), word);
            Assert.Equal(stem, new string(found.Chars, found.Start, found.Length));
            Assert.Equal(parts, found.Parts);
        }
    }

    /// <summary>The distinct space-separated words of the bundled corpus's texts, punctuation and all.</summary>
    private static IEnumerable<string> CorpusWords() =>
        CorpusTexts().SelectMany(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal);

    private static List<string> CorpusTexts() =>
        [.. Directory.EnumerateFiles(RepoPaths.Corpus, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText)];
}
