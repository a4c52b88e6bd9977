using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchKamer.Dossiers;
using SearchKamer.Host.Services;
using SearchKamer.Host.Web;
using SearchKamer.Indexing;
using SearchKamer.Search;
using SearchKamer.Tests.Search;

namespace SearchKamer.Tests.Host;

/// <summary>The start-up warm-up asks every kind of search, built from the index's own words, and stops at its bound.</summary>
[Collection(CorpusIndexCollection.Name)]
public class SearchWarmupTests(CorpusIndexFixture corpus)
{
    [Fact]
    public void Warmup_asks_every_kind_of_search_with_words_of_the_corpus()
    {
        var requests = Warmup(corpus.Index, corpus.Engine).Requests();

        Assert.Contains(requests, r => r.Query.StartsWith('"'));
        Assert.Contains(requests, r => r.Query.EndsWith('*'));
        Assert.Contains(requests, r => r.Query.StartsWith("vraag:", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Query.StartsWith("antwoord:", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Query.StartsWith("minister:\"", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Query.Contains(" OR ", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Query.Contains(" NOT ", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Ministers.Count > 0 && r.Kinds.Count > 0);
        Assert.Contains(requests, r => r.Parties.Count > 0 && r.Years.Count > 0);
        Assert.Contains(requests, r => r.From is not null);
        Assert.Contains(requests, r => r.Page == 2);
        // The words come from the corpus: the plain-word searches find questions.
        Assert.All(requests.Where(r => !r.Query.Contains(' ') && !r.Query.Contains(':') && !r.Query.EndsWith('*') && r.Parties.Count == 0 && r.Ministers.Count == 0 && r.From is null && r.Page == 1),
            r => Assert.True(corpus.Engine.Search(r).Total > 0, r.Query));
    }

    [Fact]
    public void Warmup_asks_phrases_and_neighbouring_words_that_stand_together_in_the_corpus()
    {
        var requests = Warmup(corpus.Index, corpus.Engine).Requests();
        var phrases = requests.Where(r => r.Query.StartsWith('"')).ToList();

        // Phrases that find pairs run the phrase scorers over real positions; the spread words alone seldom do.
        Assert.True(phrases.Count(r => corpus.Engine.Search(r).Total > 0) >= 10, string.Join(" | ", phrases.Select(r => r.Query)));
        Assert.Contains(requests, r => r.Query.Split(' ').Length == 3 && !r.Query.Contains('"') && corpus.Engine.Search(r).Total > 0);
    }

    [Fact]
    public void After_its_searches_the_warmup_asks_them_again_through_a_connection_until_one_cannot_be_asked()
    {
        var asked = new List<SearchRequest>();
        var warmup = Warmup(corpus.Index, corpus.Engine, overConnection: r =>
        {
            asked.Add(r);
            return asked.Count < 5;
        });

        Assert.Equal(10, warmup.Run(10, CancellationToken.None));

        // The fifth could not be asked (a refused connection): it is not counted, and no sixth is tried.
        Assert.Equal(4, warmup.ConnectionDone);
        // Spread over the whole list: every kind and the frequent words, not only the first (rare) ones. The searches
        // asked are at evenly spaced places from the first on, so far apart that the full bound of them spans the list.
        var requests = warmup.Requests().Select(Describe).ToList();
        var places = new List<int>();
        foreach (var request in asked)
        {
            places.Add(requests.IndexOf(Describe(request), places.Count == 0 ? 0 : places[^1] + 1));
        }

        var gap = places[1] - places[0];
        Assert.Equal(0, places[0]);
        Assert.Equal(Enumerable.Range(0, places.Count).Select(i => i * gap), places);
        Assert.InRange(requests.Count, gap * SearchWarmup.ConnectionSearches, (gap + 1) * SearchWarmup.ConnectionSearches);
        Assert.True(warmup.Finished);
    }

    [Fact]
    public void A_connection_that_always_answers_is_asked_only_the_warmups_bound_of_searches()
    {
        var asked = 0;
        var warmup = Warmup(corpus.Index, corpus.Engine, ScriptedClock.Jumping(TimeSpan.Zero), overConnection: _ => ++asked > 0);

        warmup.Run(3, CancellationToken.None);

        Assert.Equal(SearchWarmup.ConnectionSearches, asked);
        Assert.Equal(SearchWarmup.ConnectionSearches, warmup.ConnectionDone);
    }

    [Fact]
    public void Readiness_waits_until_the_compiler_has_compiled_nothing_for_a_second()
    {
        // The runtime's count of compiled methods grows for its first ten readings, then stands; the clock stands still.
        // A reading every 50 ms: the first unchanged one is the eleventh, and a quiet second is twenty of them.
        var readings = 0;
        var warmup = Warmup(corpus.Index, corpus.Engine, ScriptedClock.Jumping(TimeSpan.Zero), () => Math.Min(++readings, 10));

        Assert.Equal(3, warmup.Run(3, CancellationToken.None, waitForCompiler: true));
        Assert.True(warmup.Finished);
        Assert.Equal(30, readings);
    }

    [Fact]
    public void While_readiness_waits_for_the_compiler_a_few_searches_are_asked_again_through_the_connection()
    {
        // The compiler count grows for its first ten readings, then stands: one reading, then one per look.
        var readings = 0;
        var asked = new List<SearchRequest>();
        var warmup = Warmup(corpus.Index, corpus.Engine, ScriptedClock.Jumping(TimeSpan.Zero), () => Math.Min(++readings, 10), r =>
        {
            asked.Add(r);
            return true;
        });

        warmup.Run(3, CancellationToken.None, waitForCompiler: true);

        // Between two looks, the few searches spread over the list, all of them: a method's calls are counted only once
        // the same code runs again and again.
        var again = asked.Skip(SearchWarmup.ConnectionSearches).Select(r => r.Query).ToList();
        var repeated = SearchWarmup.Spread(warmup.Requests(), SearchWarmup.RepeatedSearches).Select(r => r.Query).ToList();
        Assert.Equal((readings - 1) * SearchWarmup.RepeatedSearches, again.Count);
        Assert.Equal(SearchWarmup.RepeatedSearches, repeated.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, again.Count).Select(i => repeated[i % repeated.Count]), again);
    }

    [Fact]
    public void A_connection_that_fails_while_readiness_waits_is_not_asked_again()
    {
        var readings = 0;
        var asked = 0;
        var warmup = Warmup(corpus.Index, corpus.Engine, ScriptedClock.Jumping(TimeSpan.Zero), () => Math.Min(++readings, 10),
            _ => ++asked <= SearchWarmup.ConnectionSearches + 3);

        warmup.Run(3, CancellationToken.None, waitForCompiler: true);

        // Three repeated searches went through, the fourth failed; the other repeats went through the handler.
        Assert.Equal(SearchWarmup.ConnectionSearches + 4, asked);
        Assert.True(readings > 10, $"{readings} readings");
        Assert.True(warmup.Finished);
    }

    [Fact]
    public void A_compiler_that_never_rests_holds_readiness_back_only_for_the_longest_wait()
    {
        // Each look at the clock is a second later; the count changes at every reading.
        var readings = 0;
        var warmup = Warmup(corpus.Index, corpus.Engine, ScriptedClock.Stepping(TimeSpan.FromSeconds(1)), () => ++readings);

        Assert.Equal(2, warmup.Run(2, CancellationToken.None, waitForCompiler: true));
        Assert.True(warmup.Finished);
        // It read on past a quiet second, and stopped once the clock said the longest wait had passed.
        Assert.InRange(readings, 10, (int)SearchWarmup.MaxCompilerWait.TotalSeconds + 1);
    }

    [Fact]
    public void Warmup_words_run_from_the_rare_to_the_most_frequent()
    {
        var plain = Warmup(corpus.Index, corpus.Engine).Requests().Where(r => r.Query.All(char.IsLetter) && r.Page == 1 && r.Parties.Count == 0 && r.From is null)
            .Select(r => r.Query).Distinct().ToList();
        var (chosen, all) = corpus.Index.Read(searcher =>
        {
            var counts = new List<int>();
            var terms = Lucene.Net.Index.MultiFields.GetTerms(searcher.IndexReader, Indexing.Fields.Question).GetEnumerator();
            while (terms.MoveNext())
            {
                var word = terms.Term.Utf8ToString();
                if (word.Length >= 5 && word.All(char.IsLetter) && terms.DocFreq >= 2)
                {
                    counts.Add(terms.DocFreq);
                }
            }

            var chosen = plain.Select(w => searcher.IndexReader.DocFreq(new Lucene.Net.Index.Term(Indexing.Fields.Question, w))).ToList();
            return (chosen, counts.Order().ToList());
        });

        Assert.True(plain.Count >= 20, $"{plain.Count} words");
        // Among words of two questions or more: one of the most frequent (top 1 %) keeps the long-list path warm; most are cheap.
        Assert.Contains(chosen, n => n >= all[(int)(all.Count * 0.99)]);
        Assert.True(chosen.Count(n => n <= all[all.Count / 2]) * 2 >= chosen.Count, string.Join(",", chosen));
    }

    [Fact]
    public void Warmup_stops_at_its_count_bound_without_errors()
    {
        // A clock that stands still: only the count can end the run, however slow the machine is.
        Assert.Equal(300, Warmup(corpus.Index, corpus.Engine, ScriptedClock.Jumping(TimeSpan.Zero)).Run(300, CancellationToken.None));
    }

    [Fact]
    public void Warmup_stops_at_its_time_bound_with_searches_left()
    {
        // Each look at the clock is one second later: the run ends within 15 looks, long before its 1,000 searches.
        var clock = ScriptedClock.Stepping(TimeSpan.FromSeconds(1));
        var done = Warmup(corpus.Index, corpus.Engine, clock).Run(1000, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(15), SearchWarmup.MaxTime);
        Assert.InRange(done, 1, 15);
    }

    [Fact]
    public void Warmup_is_finished_only_once_its_searches_have_ended()
    {
        SearchWarmup? warmup = null;
        var seenWhileRunning = new List<bool>();
        // The clock is read before every search: what readiness would have said at that moment.
        var clock = new ScriptedClock(_ =>
        {
            seenWhileRunning.Add(warmup!.Finished);
            return TimeSpan.Zero;
        });
        warmup = Warmup(corpus.Index, corpus.Engine, clock);

        Assert.False(warmup.Finished);
        Assert.Equal(20, warmup.Run(20, CancellationToken.None));
        Assert.True(seenWhileRunning.Count >= 20);
        Assert.DoesNotContain(true, seenWhileRunning);
        Assert.True(warmup.Finished);
        Assert.Equal(20, warmup.Done);
    }

    [Fact]
    public void A_warmup_that_fails_ends_finished_without_taking_the_host_down()
    {
        // The third reading (the start is the first, then one before each search) fails, as a fault in a search would.
        var clock = new ScriptedClock(n => n < 2 ? TimeSpan.Zero : throw new InvalidOperationException("kapot"));
        var warmup = Warmup(corpus.Index, corpus.Engine, clock);

        Assert.Equal(1, warmup.Run(100, CancellationToken.None));
        Assert.True(warmup.Finished);
    }

    [Fact]
    public void A_warmup_switched_off_is_finished_from_the_start()
    {
        var warmup = new SearchWarmup(corpus.Index, corpus.Engine, Options.Create(new SearchKamerOptions { WarmupSearches = 0 }), NullLogger<SearchWarmup>.Instance, TimeProvider.System);

        Assert.True(warmup.Finished);
    }

    [Fact]
    public void Every_warmup_search_reads_back_from_its_url_parameters_as_itself()
    {
        var requests = Warmup(corpus.Index, corpus.Engine).Requests().Append(new SearchRequest
        {
            Query = "stikstof",
            In = SearchIn.Question,
            Ministers = ["Van der Wal", "Adema"],
            Kinds = ["Antwoord"],
            Size = 25,
            Page = 3,
            FacetLimit = 7,
        }).Append(new SearchRequest { Query = "stikstof", FacetLimit = SearchRequest.AllFacetValues });

        foreach (var request in requests)
        {
            var back = SearchParameters.Parse(SearchParameters.ToQuery(request));
            Assert.Equal(Describe(request), Describe(back));
        }
    }

    [Fact]
    public void An_empty_index_is_not_warmed()
    {
        var dir = Directory.CreateTempSubdirectory("searchkamer-warmup-");
        try
        {
            using var index = SearchIndex.OpenForWriting(Path.Combine(dir.FullName, "index"));
            // A compiler that never rests would hold readiness for the longest wait; with no search asked it is not waited for.
            var readings = 0;
            var warmup = Warmup(index, new SearchEngine(index), compiledMethods: () => ++readings);
            Assert.Empty(warmup.Requests());
            Assert.Equal(0, warmup.Run(100, CancellationToken.None, waitForCompiler: true));
            Assert.True(warmup.Finished);
            Assert.Equal(0, readings);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Everything a URL can carry, so two requests compare by value.</summary>
    private static string Describe(SearchRequest r) =>
        $"{r.Query}|{string.Join(";", IndexSchema.Filters.Select(f => f.Name + "=" + string.Join(",", r.Selected(f.Name))))}|{r.From}|{r.To}|{r.In}|{r.Sort}|{r.Page}|{r.Size}|{r.FacetLimit}";

    /// <summary>A warm-up that asks through the API's handler, with the services that handler needs.</summary>
    private static SearchWarmup Warmup(SearchIndex index, SearchEngine engine, TimeProvider? clock = null, Func<long>? compiledMethods = null,
        Func<SearchRequest, bool>? overConnection = null)
    {
        var time = clock ?? TimeProvider.System;
        var services = new ServiceCollection().AddLogging().AddSingleton(engine).AddSingleton(new DossierReader(index)).AddSingleton(time).BuildServiceProvider();
        return new(index, engine, Options.Create(new SearchKamerOptions()), NullLogger<SearchWarmup>.Instance, time,
            request => ApiEndpoints.AskWithoutConnection(services, request), compiledMethods, overConnection);
    }
}
