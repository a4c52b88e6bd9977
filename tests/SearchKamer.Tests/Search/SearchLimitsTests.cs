using SearchKamer.Search;

namespace SearchKamer.Tests.Search;

/// <summary>No query can run away: too wide a wildcard and too long a search stop with a message about the query.</summary>
[Collection(CorpusIndexCollection.Name)]
public sealed class SearchLimitsTests(CorpusIndexFixture corpus)
{
    [Theory]
    [InlineData("a*")]
    [InlineData("vraag:s*")]
    [InlineData("b*e*")]
    public void A_wildcard_that_stands_for_more_terms_than_allowed_is_refused_naming_the_query(string query)
    {
        var wide = corpus.Engine.Search(new SearchRequest { Query = query });
        Assert.True(wide.Total > 0, $"{query} should match something in the corpus");

        var bounded = new SearchEngine(corpus.Index, SearchLimits.Default with { MaxExpansions = 3 });
        var e = Assert.Throws<SearchRequestException>(() => bounded.Search(new SearchRequest { Query = query }));
        Assert.Equal("q", e.Parameter);
        Assert.Contains("meer dan 3 verschillende woorden", e.Message);
        Assert.Throws<SearchRequestException>(() => bounded.Matching(new SearchRequest { Query = query }));
    }

    [Fact]
    public void A_narrow_prefix_stays_within_a_small_bound()
    {
        var bounded = new SearchEngine(corpus.Index, SearchLimits.Default with { MaxExpansions = 50 });
        Assert.True(bounded.Search(new SearchRequest { Query = "stikst*" }).Total > 0);
    }

    [Fact]
    public void A_search_past_its_time_limit_stops_with_a_message_instead_of_running_on()
    {
        var hurried = new SearchEngine(corpus.Index, SearchLimits.Default with { TimeLimit = TimeSpan.FromMilliseconds(-1) });
        var e = Assert.Throws<SearchRequestException>(() => hurried.Search(new SearchRequest { Query = "" }));
        Assert.Equal("q", e.Parameter);
        Assert.Contains("afgebroken", e.Message);
        Assert.True(corpus.Engine.Search(new SearchRequest { Query = "" }).Total > 0, "the default limit lets the same search through");
    }

    [Fact]
    public void A_search_split_over_the_cores_stops_at_its_time_limit_with_the_same_message()
    {
        // Split from the first posting on: the limit is met inside the parts collected side by side.
        var hurried = new SearchEngine(corpus.Index, SearchLimits.Default with { TimeLimit = TimeSpan.FromMilliseconds(-1), SplitAbove = 0 });
        var e = Assert.Throws<SearchRequestException>(() => hurried.Search(new SearchRequest { Query = "" }));
        Assert.Equal("q", e.Parameter);
        Assert.Contains("afgebroken", e.Message);
    }

    [Fact]
    public void At_the_default_limit_a_search_stops_after_5_seconds_and_not_before()
    {
        // The engine's clock jumps once, past the documented 5 s or just short of it; no test waits 5 s.
        var late = new SearchEngine(corpus.Index, clock: ScriptedClock.Jumping(TimeSpan.FromSeconds(5.1)));
        var inTime = new SearchEngine(corpus.Index, clock: ScriptedClock.Jumping(TimeSpan.FromSeconds(4.9)));

        var e = Assert.Throws<SearchRequestException>(() => late.Search(new SearchRequest { Query = "gemeente" }));
        Assert.Equal("q", e.Parameter);
        Assert.Contains("langer dan 5 s", e.Message, StringComparison.Ordinal);
        Assert.Equal(corpus.Engine.Search(new SearchRequest { Query = "gemeente" }).Total, inTime.Search(new SearchRequest { Query = "gemeente" }).Total);
        Assert.Throws<SearchRequestException>(() => new SearchEngine(corpus.Index, clock: ScriptedClock.Jumping(TimeSpan.FromSeconds(5.1))).Matching(new SearchRequest { Query = "gemeente" }));
    }

    [Fact]
    public void A_page_whose_offset_would_overflow_is_refused_naming_the_page()
    {
        var e = Assert.Throws<SearchRequestException>(() => corpus.Engine.Search(new SearchRequest { Query = "regering", Page = int.MaxValue, Size = 100 }));
        Assert.Equal("page", e.Parameter);
    }
}
