using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchKamer.Domain;
using SearchKamer.Indexing;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Search;

/// <summary>The search stage's entry point: requests in, grouped, counted, highlighted results out.</summary>
/// <param name="clock">What the time limit is measured on (tests reach the limit without waiting for it).</param>
public sealed class SearchEngine(SearchIndex index, SearchLimits? limits = null, TimeProvider? clock = null)
{
    private readonly SearchLimits _limits = limits ?? SearchLimits.Default;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private int _running;

    public SearchResponse Search(SearchRequest request)
    {
        Validate(request);
        var clock = Stopwatch.StartNew();
        return Counted(() => index.Read(searcher =>
        {
            // A shortcut names one document regardless of filters, which would defeat "only what is new".
            if (request.IngestedAfter is null && Shortcuts.Find(searcher, request.Query) is { } shortcut)
            {
                var hit = Documents.LoadShown(searcher, shortcut, []);
                return new SearchResponse(hit.Record.QuestionCount, 1, clock.ElapsedMilliseconds, false, null, hit.Record.Key,
                    [Documents.ToHit(hit, [], null)], new Dictionary<string, IReadOnlyList<FacetValue>>());
            }

            var (resolved, notes) = FilterValues.Resolve(searcher, request);
            var response = Collect(searcher, resolved, clock);
            return response with
            {
                FilterNotes = notes,
                Suggestion = response.Total == 0 && resolved.Query.Length > 0 ? Suggestions.For(searcher, resolved.Query) : null,
            };
        }));
    }

    private SearchResponse Collect(IndexSearcher searcher, SearchRequest request, Stopwatch clock)
    {
        var facets = Selections(request);
        var skip = (request.Page - 1) * request.Size;
        var (read, collector, weight) = Run(searcher, request, facets, (int)Math.Min((long)skip + request.Size, int.MaxValue));
        if (read.Query is null || weight is null)
        {
            var (none, totals) = FacetCounts(facets, null, request.FacetLimit);
            return new SearchResponse(0, 0, clock.ElapsedMilliseconds, read.Relaxed, read.Notice, null, [], none) { FacetTotals = totals };
        }

        var page = collector.Top.Ordered(skip, docs => UnscoredPairs.Score(searcher, weight, docs));
        var highlighter = Highlighter.ForPage(read.Query, searcher, page.SelectMany(g => g.Pairs.Select(p => p.Doc)));
        var documents = Show(searcher, page, highlighter);

        var (lists, counted) = FacetCounts(facets, collector.Counts(), request.FacetLimit);
        return new SearchResponse(collector.Total, collector.Top.Offered, clock.ElapsedMilliseconds, read.Relaxed, read.Notice, null,
            documents, lists)
        { FacetTotals = counted };
    }

    /// <summary>
    /// The page's documents with their shown pairs highlighted. A page of a broad search took a fifth of its time
    /// (reading ten records, analysing some thirty texts), all on one core after the collecting had used both; so while
    /// no other search runs, its documents are shown from every core too, as the collecting is.
    /// </summary>
    private List<DocumentHit> Show(IndexSearcher searcher, List<HitGroup> page, Highlighter highlighter)
    {
        DocumentHit Hit(HitGroup g) => Documents.ToHit(Documents.LoadShown(searcher, g.Parent, g.Pairs), g.Pairs, highlighter);
        return page.Count > 1 && Alone ? [.. OnEveryCore(page, Hit)] : [.. page.Select(Hit)];
    }

    /// <summary>Every matching pair of a search, all pages, as export rows (documents in result order).</summary>
    public IReadOnlyList<ExportRow> Matching(SearchRequest request)
    {
        Validate(request);
        return Counted(() => index.Read(searcher =>
        {
            var resolved = FilterValues.Resolve(searcher, request).Request;
            var (_, collector, weight) = Run(searcher, resolved, Selections(resolved), int.MaxValue);
            // Keeping every document, no pair goes unscored; the scorer is there all the same.
            return collector.Top.Ordered(0, docs => UnscoredPairs.Score(searcher, weight!, docs)).SelectMany(g =>
            {
                var loaded = Documents.Load(searcher, g.Parent);
                var numbers = g.Pairs.Select(p => Documents.PairOf(loaded, p.Doc).Number).ToHashSet();
                return Export.Rows([loaded.Document]).Where(r => numbers.Contains(r.Number));
            }).ToList();
        }));
    }

    /// <summary>A whole document by its id (official id, document number or internal key).</summary>
    public KamervraagDocument? Get(string id)
    {
        return index.Read(searcher => Shortcuts.Find(searcher, id) is { } doc ? Documents.Load(searcher, doc).Document : null);
    }

    /// <summary>Questions of other documents that read like question <paramref name="number"/> of document <paramref name="id"/>.</summary>
    public IReadOnlyList<DocumentHit>? Similar(string id, int number, int count = 10)
    {
        return index.Read(searcher => Shortcuts.Find(searcher, id) is { } doc ? SimilarQuestions.Find(searcher, doc, number, count) : null);
    }

    /// <summary>The filter values the index holds, per form field name, for suggestions as people type.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> KnownFilterValues()
    {
        return index.Read(searcher => FilterValues.KnownValues(searcher));
    }

    /// <summary>Every indexed document, in index order (for export).</summary>
    public IEnumerable<KamervraagDocument> All()
    {
        return index.Read(searcher =>
        {
            var docs = new List<KamervraagDocument>();
            var collector = new MatchingDocs();
            searcher.Search(new TermQuery(new Term(Fields.Level, Fields.LevelDoc)), collector);
            foreach (var doc in collector.Docs)
            {
                docs.Add(StoredRecord.Load(searcher, doc).Document);
            }

            return docs;
        });
    }

    /// <param name="keep">How many of the best documents to keep (the end of the requested page).</param>
    /// <returns>The weight the search was collected with (null when nothing searchable was left).</returns>
    private (ReadQuery Read, HitCollector Collector, Weight? Weight) Run(IndexSearcher searcher, SearchRequest request, List<FacetSelection> facets, int keep)
    {
        var read = Shortcuts.ZaakOfSeveral(searcher, request.Query) is { } zaak
            ? new ReadQuery(zaak, false, null)
            : QueryReader.Read(request.Query, request.In, _limits.MaxExpansions);
        var shared = new SharedThreshold();
        var collector = (bool bounded) => new HitCollector(facets, request.Sort, keep, bounded && !_limits.ScoreEveryPair, shared,
            Period.Of(request));
        if (read.Query is null)
        {
            return (read, collector(false), null);
        }

        var filtered = Filters.Apply(read.Query, request);
        var weight = searcher.CreateNormalizedWeight(filtered);
        var scorers = ScorersOf(searcher, weight);
        if (AllButOneSelection.Apply(searcher, filtered, facets, _limits.SkipFactor, limit => Exceeds(scorers, limit)) is var skipping && skipping != filtered)
        {
            weight = searcher.CreateNormalizedWeight(skipping);
            scorers = ScorersOf(searcher, weight);
        }

        return (read, CollectStretches(searcher, weight, scorers, collector), weight);
    }

    /// <summary>A scorer per segment (null where the search matches nothing), made once to weigh the search and collect it.</summary>
    private static Scorer?[] ScorersOf(IndexSearcher searcher, Weight weight) =>
        [.. searcher.IndexReader.Leaves.Select(leaf => weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs))];

    /// <summary>
    /// A broad search at a million pairs spends most of its time collecting, and one core would leave the
    /// other idle while a user waits: so while no other search runs, the index is cut into one stretch of
    /// documents per core (at document boundaries, across or within segments) and the stretches are
    /// collected side by side, each into its own collector, then merged. Under load the cores are busy
    /// anyway, and splitting every search then only added threads (and their per-thread buffers); a narrow
    /// search (<see cref="SearchLimits.SplitAbove"/>) is collected on the caller's thread with the scorers
    /// made to weigh it.
    /// </summary>
    /// <param name="newCollector">Given whether pairs that cannot reach the page may go unscored (<see cref="SearchLimits.BoundAbove"/>).</param>
    /// <param name="scorers">Per segment, the scorer made to weigh the search.</param>
    private HitCollector CollectStretches(IndexSearcher searcher, Weight weight, Scorer?[] scorers, Func<bool, HitCollector> newCollector)
    {
        var deadline = new Deadline(_limits.TimeLimit, _clock);
        var leaves = searcher.IndexReader.Leaves;
        var bounded = Exceeds(scorers, _limits.BoundAbove);
        var runs = DocumentStretches.Of(leaves, Alone && Exceeds(scorers, _limits.SplitAbove) ? Environment.ProcessorCount : 1);
        if (runs.Count <= 1)
        {
            return CollectRun(runs.FirstOrDefault() ?? [], weight, scorers, newCollector(bounded), deadline, _limits.ReadAhead);
        }

        var parts = OnEveryCore(runs, run => CollectRun(run, weight, scorers, newCollector(bounded), deadline, _limits.ReadAhead));
        var merged = parts[0];
        foreach (var part in parts.Skip(1))
        {
            merged.Absorb(part);
        }

        return merged;
    }

    /// <summary>Whether this search is the only one running: then its parts may take every core.</summary>
    private bool Alone => Volatile.Read(ref _running) == 1;

    /// <summary>
    /// Each item's result, worked on from every core. A failure surfaces as it would on one thread: a search stopped
    /// by its time limit (<see cref="SearchRequestException"/>) before any other, not wrapped in an AggregateException.
    /// </summary>
    private static TResult[] OnEveryCore<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, TResult> work)
    {
        var results = new TResult[items.Count];
        try
        {
            Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                i => results[i] = work(items[i]));
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions.OfType<SearchRequestException>().FirstOrDefault() ?? e.InnerExceptions[0]);
        }

        return results;
    }

    /// <summary>
    /// Runs a search counted among those in progress, from its first step to its last: a search that loads its page
    /// while another collects is still busy, and splitting the collecting then only adds a thread to a full machine.
    /// </summary>
    private T Counted<T>(Func<T> search)
    {
        Interlocked.Increment(ref _running);
        try
        {
            return search();
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    /// <summary>Whether the scorers' costs add up to more than <paramref name="limit"/> (a scorer may say long.MaxValue).</summary>
    private static bool Exceeds(Scorer?[] scorers, long limit)
    {
        long total = 0;
        foreach (var scorer in scorers)
        {
            var cost = Math.Max(0, scorer?.GetCost() ?? 0);
            if (cost > limit - total)
            {
                return true;
            }

            total += cost;
        }

        return false;
    }

    /// <summary>
    /// One run of stretches into one collector. A stretch that starts its segment takes the scorer made to weigh the
    /// search (only one stretch of a segment starts it); a stretch further in makes its own.
    /// </summary>
    private static HitCollector CollectRun(List<DocumentStretch> run, Weight weight, Scorer?[] scorers, HitCollector collector, Deadline deadline, bool readAhead)
    {
        foreach (var stretch in run)
        {
            var scorer = stretch.Start == 0 ? scorers[stretch.Leaf.Ord] : weight.GetScorer(stretch.Leaf, stretch.Leaf.AtomicReader.LiveDocs);
            if (readAhead)
            {
                // The search's own scorer is walked doc after doc, as reading ahead needs.
                scorer = (scorer as IReadAheadScorer)?.ReadAhead() ?? scorer;
            }

            Collect(scorer, stretch, collector, deadline);
        }

        collector.Finish();
        return collector;
    }

    private static void Collect(Scorer? scorer, DocumentStretch stretch, HitCollector collector, Deadline deadline)
    {
        deadline.Check();
        collector.SetNextReader(stretch.Leaf);
        if (scorer is null)
        {
            return;
        }

        collector.SetScorer(scorer);
        var sinceCheck = 0;
        for (var doc = stretch.Start == 0 ? scorer.NextDoc() : scorer.Advance(stretch.Start); doc < stretch.End;)
        {
            // Past a document that failed a selection the scorer skips its other pairs (2-6 % of a filtered common word).
            var next = collector.Collect(doc);
            doc = next == doc + 1 ? scorer.NextDoc() : next < stretch.End ? scorer.Advance(next) : next;
            if (++sinceCheck == Deadline.CheckEvery)
            {
                sinceCheck = 0;
                deadline.Check();
            }
        }
    }

    private static void Validate(SearchRequest r)
    {
        if (r.Page < 1)
        {
            throw new SearchRequestException("page", $"pagina moet 1 of hoger zijn, niet {r.Page}");
        }

        if (r.Size is < 1 or > SearchRequest.MaxPageSize)
        {
            throw new SearchRequestException("size", $"aantal per pagina moet tussen 1 en {SearchRequest.MaxPageSize} liggen, niet {r.Size}");
        }

        if (r.FacetLimit < 1)
        {
            throw new SearchRequestException("facetwaarden", $"facetwaarden moet 1 of hoger zijn (of alle), niet {r.FacetLimit}");
        }

        if (r.From is { } from && r.To is { } to && from > to)
        {
            throw new SearchRequestException("van", $"begindatum {from:yyyy-MM-dd} ligt na einddatum {to:yyyy-MM-dd}");
        }

        if (r.Query.Length > QueryReader.MaxQueryLength)
        {
            throw new SearchRequestException("q", $"zoekvraag is langer dan {QueryReader.MaxQueryLength} tekens");
        }

        // The offset of the page must fit an int; far beyond any result anyway.
        if ((long)(r.Page - 1) * r.Size > int.MaxValue)
        {
            throw new SearchRequestException("page", $"pagina {r.Page} ligt voorbij elk mogelijk resultaat");
        }
    }

    /// <summary>The schema's filters with the request's selection in each; the response names a facet by its field.</summary>
    private static List<FacetSelection> Selections(SearchRequest r) =>
        [.. IndexSchema.Filters.Select(f => new FacetSelection(f.Name, f.Name, r.Selected(f.Name)))];

    /// <param name="counts">Per facet of <paramref name="facets"/>, the counted values; null: nothing matched.</param>
    private static (Dictionary<string, IReadOnlyList<FacetValue>> Lists, Dictionary<string, int> Totals) FacetCounts(
        List<FacetSelection> facets, Dictionary<string, int>[]? counts, int limit)
    {
        var lists = new Dictionary<string, IReadOnlyList<FacetValue>>();
        var totals = new Dictionary<string, int>();
        for (var f = 0; f < facets.Count; f++)
        {
            var filter = IndexSchema.Field(facets[f].Field).Filter!;
            if (filter.Facet)
            {
                (lists[facets[f].Name], totals[facets[f].Name]) = FacetLists.List(counts?[f] ?? [], facets[f].Values, filter.Order, limit);
            }
        }

        return (lists, totals);
    }
}
