using Lucene.Net.Index;
using Microsoft.Extensions.Options;
using SearchKamer.Analysis;
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
/// <param name="compiledMethods">How many methods the runtime has compiled so far (tests count their own).</param>
/// <param name="overConnection">Asks a search through a real connection to the host; false when it cannot (no socket, as in a test server).</param>
public sealed class SearchWarmup(SearchIndex index, SearchEngine engine, IOptions<SearchKamerOptions> options, ILogger<SearchWarmup> log, TimeProvider clock,
    Action<SearchRequest>? api = null, Func<long>? compiledMethods = null, Func<SearchRequest, bool>? overConnection = null)
    : BackgroundService
{
    /// <summary>How long the warm-up waits, after its searches, for the runtime's compiler to catch up, at most.</summary>
    public static readonly TimeSpan MaxCompilerWait = TimeSpan.FromSeconds(20);

    /// <summary>The compiler has caught up once it has compiled nothing for this long.</summary>
    public static readonly TimeSpan CompilerQuiet = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan CompilerLook = TimeSpan.FromMilliseconds(50);

    private readonly Func<long> _compiledMethods = compiledMethods ?? (() => System.Runtime.JitInfo.GetCompiledMethodCount());

    /// <summary>The warm-up gives up after this long even if searches are left: the first visitors must not wait on it.</summary>
    public static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Searches asked again and again, all of them between two looks at the compiler. The runtime counts a method's calls
    /// only once no new method has been compiled for a moment, and the warm-up's varied searches kept compiling new
    /// ones to the end: Kestrel's request handling, the bounded scorer and others were counted only under the first
    /// visitors' load (700 methods optimised during the first peer-benchmark run after a start). A few searches
    /// repeated let the counts begin and reach their thresholds while readiness waits.
    /// </summary>
    public const int RepeatedSearches = 8;

    /// <summary>Searches then asked through a real connection, and how long that may take at most.</summary>
    public const int ConnectionSearches = 200;

    public static readonly TimeSpan MaxConnectionTime = TimeSpan.FromSeconds(6);

    /// <summary>What the connection may add to <see cref="MaxConnectionTime"/>: its waits for the server to listen (2 s) and for the last answer (5 s; <c>Web/LoopbackApi</c>).</summary>
    public static readonly TimeSpan ConnectionSlack = TimeSpan.FromSeconds(7);

    /// <summary>The longest the host waits for its warm-up before it is ready.</summary>
    public static TimeSpan MaxWait => MaxTime + MaxConnectionTime + ConnectionSlack + MaxCompilerWait;

    // Read by /health/ready on request threads while the warm-up's thread writes them.
    private volatile bool _finished = options.Value.WarmupSearches <= 0;
    private int _done;

    // Whether searches still go through the connection (only the warm-up's own thread reads and writes it).
    private bool _connected;

    /// <summary>True once the warm-up has ended (all searches, its time bound, an error) or when it is switched off.</summary>
    public bool Finished => _finished;

    /// <summary>Searches asked so far.</summary>
    public int Done => Volatile.Read(ref _done);

    /// <summary>Searches asked through a real connection, once that part has ended.</summary>
    public int ConnectionDone { get; private set; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.WarmupSearches <= 0 ? Task.CompletedTask : Task.Run(() => Run(options.Value.WarmupSearches, stoppingToken, waitForCompiler: true), stoppingToken);

    /// <summary>Runs up to <paramref name="limit"/> searches; returns how many ran.</summary>
    /// <param name="waitForCompiler">Then waits for the runtime's compiler to catch up (see <see cref="WaitForCompiler"/>).</param>
    public int Run(int limit, CancellationToken stop, bool waitForCompiler = false)
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
            AskOverConnection(requests, stop);
            // With no search asked (an empty index), the compiler has nothing of the searches' to catch up on.
            if (waitForCompiler && _done > 0)
            {
                var again = Spread(requests, RepeatedSearches);
                var asked = 0;
                var waited = WaitForCompiler(stop, () =>
                {
                    foreach (var request in again)
                    {
                        AskAgain(request);
                        asked++;
                    }
                });
                log.LogInformation("Compiler bijgewerkt na {Seconds:0.0} s ({Searches} zoekvragen herhaald)", waited.TotalSeconds, asked);
            }
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

    /// <summary>
    /// Then asks some of the same searches through a real connection, so that Kestrel's side of a request is optimised
    /// too (<c>Web/LoopbackApi</c>); stops at the first it cannot ask.
    /// </summary>
    private void AskOverConnection(IReadOnlyList<SearchRequest> requests, CancellationToken stop)
    {
        if (overConnection is null || requests.Count == 0)
        {
            return;
        }

        // Spread over the whole list, so every kind of search and the frequent words go through the connection too.
        var spread = Spread(requests, ConnectionSearches);
        var started = clock.GetTimestamp();
        var asked = 0;
        while (asked < ConnectionSearches && clock.GetElapsedTime(started) < MaxConnectionTime && !stop.IsCancellationRequested
            && overConnection(spread[asked % spread.Count]))
        {
            asked++;
        }

        ConnectionDone = asked;
        _connected = asked > 0;
        log.LogInformation("Opgewarmd via een verbinding: {Searches} zoekvragen in {Seconds:0.0} s", asked, clock.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>Up to <paramref name="count"/> requests evenly spread over the list (all of them, in turn, when it is shorter).</summary>
    public static IReadOnlyList<SearchRequest> Spread(IReadOnlyList<SearchRequest> requests, int count)
    {
        var stride = Math.Max(1, requests.Count / count);
        return [.. Enumerable.Range(0, Math.Min(count, requests.Count)).Select(i => requests[i * stride])];
    }

    /// <summary>
    /// A search asked again while readiness waits: through the connection while it answers, else through the handler.
    /// A connection that failed once is not asked again: each try could cost the client's whole timeout.
    /// </summary>
    private void AskAgain(SearchRequest request)
    {
        _connected = _connected && overConnection?.Invoke(request) == true;
        if (!_connected)
        {
            Ask(request);
        }
    }

    /// <summary>
    /// The runtime optimises what the searches called on a background thread, which lags behind them: right after the
    /// warm-up's searches a quarter of the next minute's CPU still went to that compiler, and searches ran slower
    /// meanwhile. So readiness waits until it has compiled nothing for <see cref="CompilerQuiet"/>, or
    /// <see cref="MaxCompilerWait"/> has passed. Returns how long it waited.
    /// </summary>
    /// <param name="between">Asks searches between two looks: see <see cref="RepeatedSearches"/>.</param>
    private TimeSpan WaitForCompiler(CancellationToken stop, Action between)
    {
        // Counted in looks as well as by the clock, so a clock that stands still (a test's) cannot hold it for ever.
        var (quietNeeded, maxLooks) = ((int)(CompilerQuiet / CompilerLook), (int)(MaxCompilerWait / CompilerLook));
        var started = clock.GetTimestamp();
        var count = _compiledMethods();
        var (quiet, looks) = (0, 0);
        while (quiet < quietNeeded && looks++ < maxLooks && !stop.IsCancellationRequested && clock.GetElapsedTime(started) < MaxCompilerWait)
        {
            between();
            Thread.Sleep(CompilerLook);
            var now = _compiledMethods();
            quiet = now == count ? quiet + 1 : 0;
            count = now;
        }

        return clock.GetElapsedTime(started);
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

        // Words that stand together in real questions: the spread words above seldom do, so without these the phrase
        // scorers, the proximity bonus of several words and their postings' positions were first optimised under the
        // first visitors' load (the first run of the peer benchmark after a start spent a quarter of its CPU compiling).
        foreach (var (first, second, third) in Neighbours(20))
        {
            requests.Add(new SearchRequest { Query = $"\"{first} {second}\"" });
            requests.Add(new SearchRequest { Query = $"{first} {second}" });
            requests.Add(new SearchRequest { Query = $"{first} {second} {third}" });
            requests.Add(new SearchRequest { Query = $"\"{first} {second} {third}\"" });
        }

        return requests;
    }

    /// <summary>Three words in a row from the first question of up to <paramref name="count"/> documents of the index.</summary>
    private List<(string First, string Second, string Third)> Neighbours(int count)
    {
        return index.Read(searcher =>
        {
            var records = searcher.Search(new Lucene.Net.Search.TermQuery(new Lucene.Net.Index.Term(Fields.Level, Fields.LevelDoc)), count);
            var found = new List<(string, string, string)>();
            foreach (var hit in records.ScoreDocs)
            {
                var question = StoredRecord.Load(searcher, hit.Doc).Document.Questions.FirstOrDefault()?.Question ?? "";
                var words = question.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim(',', '.', '?', ';', ':', '(', ')', '"', '\'')).ToList();
                for (var i = 0; i + 2 < words.Count; i++)
                {
                    if (words.Skip(i).Take(3).All(w => w.Length >= 4 && w.All(char.IsLetter)))
                    {
                        found.Add((words[i], words[i + 1], words[i + 2]));
                        break;
                    }
                }
            }

            return found;
        });
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
            // A stem asked as a word is stemmed again: only one that stems to itself finds its own pairs ("teven", the stem
            // of "tevens", stems to "tef"). The first such word of each step is taken.
            var chosen = Enumerable.Range(0, (candidates.Count + step - 1) / step)
                .Select(i => candidates.Skip(i * step).Take(step).Select(c => c.Word).FirstOrDefault(StemsToItself))
                .OfType<string>().Take(count).ToList();

            // Rare first: cheap searches bring most methods to their optimised form within the first seconds.
            chosen.Reverse();
            return chosen;
        });
    }

    private static bool StemsToItself(string word) => DutchAnalysis.OneTerm(DutchAnalysis.StemmedQuery, Fields.Question, word) == word;
}
