using Lucene.Net.Index;
using Microsoft.Extensions.Options;
using SearchKamer.Dossiers;
using SearchKamer.Indexing;
using SearchKamer.Search;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Host.Services;

/// <summary>
/// Right after start, runs a bounded number of searches built from the index's own words and facet values,
/// one at a time, in the background. .NET first compiles a method quickly and optimises it only after it
/// has been called often enough; under full load that took some 40 seconds (README "Speed"), so the first
/// visitors after a restart got answers a fifth slower. Every kind of search is asked: words, OR, NOT, phrases,
/// prefixes, fields, filters, facet selections, sort orders and a second page, through the API's own handler
/// (parameters, dossier states, the JSON written to a pipe), so that code is optimised too. Until it has
/// ended the host is not ready (/health/ready answers 503): a load balancer or <c>bench http</c> waits.
/// </summary>
/// <param name="api">Asks a search through the API's handler (the host's Web part supplies it); null in tests that only count engine searches.</param>
public sealed class SearchWarmup(SearchIndex index, SearchEngine engine, IOptions<SearchKamerOptions> options, ILogger<SearchWarmup> log, TimeProvider clock,
    Action<SearchRequest>? api = null)
    : BackgroundService
{
    /// <summary>The warm-up gives up after this long even if searches are left: the first visitors must not wait on it.</summary>
    public static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(15);

    // Read by /health/ready on request threads while the warm-up's thread writes them.
    private volatile bool _finished = options.Value.WarmupSearches <= 0;
    private int _done;

    /// <summary>True once the warm-up has ended (all searches, its time bound, an error) or when it is switched off.</summary>
    public bool Finished => _finished;

    /// <summary>Searches asked so far.</summary>
    public int Done => Volatile.Read(ref _done);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.WarmupSearches <= 0 ? Task.CompletedTask : Task.Run(() => Run(options.Value.WarmupSearches, stoppingToken), stoppingToken);

    /// <summary>Runs up to <paramref name="limit"/> searches; returns how many ran.</summary>
    public int Run(int limit, CancellationToken stop)
    {
        try
        {
            var requests = Requests();
            var started = clock.GetTimestamp();
            while (requests.Count > 0 && _done < limit && clock.GetElapsedTime(started) < MaxTime && !stop.IsCancellationRequested)
            {
                Ask(requests[_done % requests.Count]);
                Volatile.Write(ref _done, _done + 1);
            }

            log.LogInformation("Opgewarmd: {Searches} zoekvragen in {Seconds:0.0} s", _done, clock.GetElapsedTime(started).TotalSeconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An error out of a background service stops the host; a host that cannot warm up should still answer,
            // only slower at first (a visitor's search with the same fault gets its own error page).
            log.LogWarning(e, "Opwarmen afgebroken na {Searches} zoekvragen", _done);
        }
        finally
        {
            _finished = true;
        }

        return _done;
    }

    private void Ask(SearchRequest request)
    {
        if (api is not null)
        {
            api(request);
            return;
        }

        try
        {
            engine.Search(request);
        }
        catch (SearchRequestException)
        {
            // A word that makes a poor prefix is still a fine warm-up; the next one is asked.
        }
    }

    /// <summary>The searches asked, in turn; none when the index is empty.</summary>
    public IReadOnlyList<SearchRequest> Requests()
    {
        var words = SpreadWords(40);
        if (words.Count < 2)
        {
            return [];
        }

        var facets = engine.Search(new SearchRequest { Size = 1 }).Facets;
        string? Top(string field) => facets.GetValueOrDefault(field)?.FirstOrDefault()?.Value;
        var (party, year, minister, kind) = (Top(Fields.Party), Top(Fields.Year), Top(Fields.Minister), Top(Fields.Kind));
        var requests = new List<SearchRequest>();
        for (var i = 0; i < words.Count; i++)
        {
            var (word, next) = (words[i], words[(i + 1) % words.Count]);
            requests.Add(new SearchRequest { Query = word });
            requests.Add(new SearchRequest { Query = $"{word} {next}" });
            requests.Add(new SearchRequest { Query = $"\"{word} {next}\"" });
            requests.Add(new SearchRequest { Query = $"{word} OR {next}" });
            requests.Add(new SearchRequest { Query = $"{word} NOT {next}" });
            requests.Add(new SearchRequest { Query = word[..4] + "*" });
            requests.Add(new SearchRequest { Query = $"vraag:{word}", Sort = SortOrder.Newest });
            requests.Add(new SearchRequest { Query = $"antwoord:{word}" });
            requests.Add(new SearchRequest { Query = word, Page = 2, Sort = SortOrder.Oldest });
            requests.Add(new SearchRequest { Query = word, From = new DateOnly(2000, 1, 1), To = DateOnly.FromDateTime(DateTime.Today) });
            if (party is not null && year is not null)
            {
                requests.Add(new SearchRequest { Query = word, Parties = [party], Years = [year] });
                requests.Add(new SearchRequest { Query = $"partij:\"{party}\" {word}" });
            }

            if (minister is not null && kind is not null)
            {
                requests.Add(new SearchRequest { Query = word, Ministers = [minister], Kinds = [kind] });
                requests.Add(new SearchRequest { Query = $"minister:\"{minister}\"" });
            }
        }

        return requests;
    }

    /// <summary>
    /// Words of the index's own questions (so any index warms with its language), from the most frequent to the
    /// rare, evenly spread: the forty most frequent took some 400 ms apiece on a cold million-pair index, and the
    /// warm-up ended after a few dozen searches, before most code was optimised.
    /// </summary>
    private List<string> SpreadWords(int count)
    {
        return index.Read<List<string>>(searcher =>
        {
            var terms = MultiFields.GetTerms(searcher.IndexReader, Fields.Question)?.GetEnumerator();
            var candidates = new List<(string Word, int DocFreq)>();
            var scanned = 0;
            while (terms is not null && terms.MoveNext() && ++scanned < 500_000)
            {
                var word = terms.Term.Utf8ToString();
                if (word.Length >= 5 && word.All(char.IsLetter) && terms.DocFreq >= 2)
                {
                    candidates.Add((word, terms.DocFreq));
                }
            }

            candidates.Sort((a, b) => a.DocFreq != b.DocFreq ? b.DocFreq.CompareTo(a.DocFreq) : string.CompareOrdinal(a.Word, b.Word));
            var step = Math.Max(1, candidates.Count / count);
            // Rare first: cheap searches bring most methods to their optimised form within the first seconds.
            return [.. Enumerable.Range(0, Math.Min(count, candidates.Count)).Select(i => candidates[i * step].Word).Reverse()];
        });
    }
}
