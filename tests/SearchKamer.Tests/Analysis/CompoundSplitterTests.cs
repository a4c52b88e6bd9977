using SearchKamer.Analysis;

namespace SearchKamer.Tests.Analysis;

/// <summary>The splitter on the bundled word list, word by word.</summary>
public class CompoundSplitterTests
{
    private static string[] Split(string word)
    {
        Span<Range> parts = stackalloc Range[CompoundSplitter.MaxParts];
        var count = CompoundSplitter.Bundled.Split(word, parts);
        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = word[parts[i]];
        }

        return result;
    }

    [Theory]
    [InlineData("inhuurkosten", "inhuur", "kosten")]
    [InlineData("digitaliseringsstrategie", "digitalisering", "strategie")]
    [InlineData("klimaatverandering", "klimaat", "verandering")]
    [InlineData("vrijstellingslijst", "vrijstelling", "lijst")]
    public void Splits_two_part_compounds_dropping_the_linking_s(string word, string first, string second)
    {
        Assert.Equal([first, second], Split(word));
    }

    [Fact]
    public void Personeelsuitgaven_splits_into_personeel_and_uitgaven_after_stemming()
    {
        var parts = Split("personeelsuitgaven");

        // "personeels" is itself a listed word; stemmed it is the same term as "personeel".
        Assert.Equal(2, parts.Length);
        Assert.Equal("uitgaven", parts[1]);
        Assert.Equal(AnalyzerProbe.QueryStem("personeel"), AnalyzerProbe.QueryStem(parts[0]));
    }

    [Fact]
    public void Prefers_a_dictionary_head_over_a_linking_s()
    {
        // vrij + stelling, not vrij + s + telling.
        Assert.Equal(["vrij", "stelling"], Split("vrijstelling"));
        Assert.Equal(["doel", "stellingen"], Split("doelstellingen"));
    }

    [Fact]
    public void Splits_into_three_parts_when_two_do_not_cover_the_word()
    {
        Assert.Equal(["zorg", "prestatie", "model"], Split("zorgprestatiemodel"));
    }

    [Theory]
    [InlineData("ambtenaren")]
    [InlineData("ondernemers")]
    [InlineData("belangrijkste")]
    [InlineData("minister")]
    [InlineData("mogelijkheden")]
    [InlineData("onderzoek")]
    [InlineData("kinderen")]
    [InlineData("nederland")]
    [InlineData("gemeente")]
    public void Leaves_words_that_only_look_like_compounds(string word)
    {
        Assert.Empty(Split(word));
    }

    [Theory]
    [InlineData("inhuur")]
    [InlineData("covid19vaccins")]
    [InlineData("inhuurkostenxyzqwv")]
    public void Leaves_short_words_non_letters_and_unknown_remainders(string word)
    {
        Assert.Empty(Split(word));
    }

    [Fact]
    public void Stays_fast_on_long_garbage_tokens()
    {
        var word = string.Concat(Enumerable.Repeat("kosten", 8));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 1000; i++)
        {
            Split(word);
        }

        Assert.True(watch.ElapsedMilliseconds < 2000, $"{watch.ElapsedMilliseconds} ms for 1000 splits");
    }
}
