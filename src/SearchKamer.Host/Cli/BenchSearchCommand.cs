using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using SearchKamer.Bench;
using SearchKamer.Domain;
using SearchKamer.Indexing;
using SearchKamer.Search;

namespace SearchKamer.Host.Cli;

/// <summary>
/// <c>searchkamer bench search [--pairs N] [--pool DIR] [--data DIR] [--keep] [--queries N]</c>:
/// builds a synthetic corpus from a text pool, indexes it the way ingest does (Upsert, commit
/// per batch, all cores), then measures warm search latency per query class, with facets and
/// highlights as every search has them.
/// </summary>
public static class BenchSearchCommand
{
    public const int DefaultPairs = 1_000_000;
    public const int DefaultQueries = 200;
    private const int CommitEveryPairs = 50_000;

    private sealed record Settings(int Pairs, int Queries, string? Pool, string? Data, bool Keep);

    public static Command Create()
    {
        var pairs = CliOptions.Number("--pairs", "N", DefaultPairs, "aantal vraag-antwoordparen in het synthetische corpus");
        var pool = CliOptions.Text("--pool", "MAP", "map met law-paragraphs.txt.gz en qa-pairs.jsonl.gz (standaard ../shared/bench naast de repository)");
        var data = CliOptions.Text("--data", "MAP", "index in MAP/bench-index (wordt eerst leeggemaakt) in plaats van een tijdelijke map");
        var keep = CliOptions.Flag("--keep", "de index na afloop niet verwijderen");
        var queries = CliOptions.Number("--queries", "N", DefaultQueries, "zoekvragen per klasse");
        var command = new Command("search", "synthetisch corpus indexeren en de zoeksnelheid per soort zoekvraag meten") { pairs, pool, data, keep, queries };
        command.SetAction(r => Run(new Settings(r.GetValue(pairs), r.GetValue(queries), r.GetValue(pool), r.GetValue(data), r.GetValue(keep)), r.InvocationConfiguration));
        return command;
    }

    private static int Run(Settings args, InvocationConfiguration console)
    {
        var output = console.Output;
        var pairs = args.Pairs;
        var perClass = args.Queries;
        if (pairs < 1 || perClass < 1)
        {
            throw new CliArgumentException("--pairs en --queries moeten 1 of meer zijn");
        }

        var poolDir = Path.GetFullPath(args.Pool ?? DefaultPool());
        TextPool pool;
        try
        {
            pool = new TextPool(poolDir);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException)
        {
            console.Error.WriteLine($"{e.Message}\ngeef met --pool een map met {TextPool.LawFile} en {TextPool.QaFile}");
            return 2;
        }

        var indexDir = args.Data is { } data
            ? Path.GetFullPath(Path.Combine(data, "bench-index"))
            : Path.Combine(Path.GetTempPath(), $"searchkamer-bench-{Environment.ProcessId}");
        if (Directory.Exists(indexDir))
        {
            Directory.Delete(indexDir, recursive: true);
        }

        output.WriteLine($"bench search: {pairs:N0} paren, pool {poolDir}, {Environment.ProcessorCount} cores, " +
            $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, index {indexDir}");
        try
        {
            using var index = SearchIndex.OpenForWriting(indexDir);
            var indexing = Index(index, new SyntheticCorpus(pool), pairs, output);
            var classes = BenchQueries.Build(pool, BenchPeople.Bundled, perClass);
            var results = Measure(new SearchEngine(index), classes);
            Report(output, indexing, DirectorySize(indexDir), index.SegmentCount(), results);
        }
        finally
        {
            if (args.Keep)
            {
                output.WriteLine($"index bewaard in {indexDir}");
            }
            else if (Directory.Exists(indexDir))
            {
                Directory.Delete(indexDir, recursive: true);
            }
        }

        return 0;
    }

    /// <param name="Cpu">Process CPU time (all threads) over the indexing, generation excluded: on a shared machine a steadier
    /// figure than wall time for comparing builds.</param>
    /// <param name="Allocated">Managed bytes allocated over the indexing, generation excluded.</param>
    private sealed record IndexResult(int Pairs, int Documents, TimeSpan Generate, TimeSpan Index, TimeSpan Cpu, long Allocated);

    private sealed record ClassResult(string Name, double[] Millis, double MeanPairs, double MeanDocuments);

    /// <summary>
    /// Generation runs between batches on one thread and is timed apart, so pairs/s is the
    /// indexing rate; the documents of a batch are written from all cores as ingest does.
    /// </summary>
    private static IndexResult Index(SearchIndex index, SyntheticCorpus corpus, int pairs, TextWriter output)
    {
        var generate = new Stopwatch();
        var write = new Stopwatch();
        var cpu = TimeSpan.Zero;
        long allocated = 0;
        var documents = 0;
        var written = 0;
        var now = DateTimeOffset.UtcNow;
        using var source = corpus.Documents(pairs).GetEnumerator();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        while (written < pairs)
        {
            generate.Start();
            var batch = new List<KamervraagDocument>();
            var batchPairs = 0;
            while (batchPairs < CommitEveryPairs && source.MoveNext())
            {
                batch.Add(source.Current);
                batchPairs += SyntheticCorpus.PairsOf(source.Current);
            }

            generate.Stop();
            if (batch.Count == 0)
            {
                break;
            }

            var (cpuBefore, allocatedBefore) = (ProcessCpu(), GC.GetTotalAllocatedBytes());
            write.Start();
            Parallel.ForEach(batch, options, doc => index.Upsert(doc, now));
            index.Commit(new Dictionary<string, string> { ["watermark.bench"] = batch[^1].OfficialId ?? "" });
            write.Stop();
            (cpu, allocated) = (cpu + ProcessCpu() - cpuBefore, allocated + GC.GetTotalAllocatedBytes() - allocatedBefore);
            written += batchPairs;
            documents += batch.Count;
            output.WriteLine($"  {written,10:N0} paren  {written / write.Elapsed.TotalSeconds,7:N0} paren/s  werkgeheugen {Mb(Environment.WorkingSet)}");
        }

        // Ingest merges after a bulk load, so the bench does too, and counts it as indexing time.
        var merge = Stopwatch.StartNew();
        var (mergeCpu, mergeAllocated) = (ProcessCpu(), GC.GetTotalAllocatedBytes());
        write.Start();
        var merged = index.MergeAfterBulkLoad(documents);
        write.Stop();
        (cpu, allocated) = (cpu + ProcessCpu() - mergeCpu, allocated + GC.GetTotalAllocatedBytes() - mergeAllocated);
        if (merged)
        {
            output.WriteLine($"  samengevoegd tot één segment in {merge.Elapsed.TotalSeconds:N1} s, werkgeheugen {Mb(Environment.WorkingSet)}");
        }

        return new IndexResult(written, documents, generate.Elapsed, write.Elapsed, cpu, allocated);
    }

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>One warm-up pass over every query, then each class timed query by query.</summary>
    private static List<ClassResult> Measure(SearchEngine engine, IReadOnlyList<QueryClass> classes)
    {
        foreach (var request in classes.SelectMany(c => c.Requests))
        {
            engine.Search(request);
        }

        var results = new List<ClassResult>();
        foreach (var c in classes)
        {
            var millis = new double[c.Requests.Count];
            long hits = 0, docs = 0;
            for (var i = 0; i < c.Requests.Count; i++)
            {
                var clock = Stopwatch.StartNew();
                var response = engine.Search(c.Requests[i]);
                millis[i] = clock.Elapsed.TotalMilliseconds;
                hits += response.Total;
                docs += response.TotalDocuments;
            }

            results.Add(new ClassResult(c.Name, millis, (double)hits / millis.Length, (double)docs / millis.Length));
        }

        return results;
    }

    private static void Report(TextWriter output, IndexResult indexing, long bytes, int segments, List<ClassResult> results)
    {
        output.WriteLine();
        output.WriteLine($"indexeren: {indexing.Pairs:N0} paren in {indexing.Documents:N0} documenten, {indexing.Index.TotalSeconds:N1} s " +
            $"({indexing.Pairs / indexing.Index.TotalSeconds:N0} paren/s; genereren apart {indexing.Generate.TotalSeconds:N1} s)");
        output.WriteLine($"indexeren: CPU-tijd {indexing.Cpu.TotalSeconds:N1} s ({indexing.Pairs / indexing.Cpu.TotalSeconds:N0} paren per CPU-seconde), " +
            $"gealloceerd {indexing.Allocated / (1024.0 * 1024 * 1024):N1} GiB");
        output.WriteLine($"index op schijf: {bytes / (1024.0 * 1024 * 1024):N2} GiB in {segments} segmenten");
        output.WriteLine();
        output.WriteLine($"{"klasse",-15} {"n",5} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"paren",10} {"docs",9}");
        foreach (var r in results)
        {
            var sorted = r.Millis.Order().ToArray();
            output.WriteLine($"{r.Name,-15} {sorted.Length,5} {Percentile(sorted, 50),8:N1} {Percentile(sorted, 95),8:N1} " +
                $"{Percentile(sorted, 99),8:N1} {sorted[^1],8:N1} {r.MeanPairs,10:N0} {r.MeanDocuments,9:N0}");
        }

        using var process = Process.GetCurrentProcess();
        var gc = GC.GetGCMemoryInfo();
        output.WriteLine();
        output.WriteLine($"geheugen: piek working set {Mb(process.PeakWorkingSet64)}, nu {Mb(process.WorkingSet64)}{ProcMemory.Split(process.Id)}, " +
            $"beheerde heap {Mb(GC.GetTotalMemory(false))} (GC-heap {Mb(gc.HeapSizeBytes)}, gecommit {Mb(gc.TotalCommittedBytes)}), " +
            $"GC's gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
        output.WriteLine("(paren, docs: gemiddeld aantal treffers per zoekvraag; elke zoekvraag met facetten en markering van de top 10)");
    }

    /// <summary>Nearest-rank percentile.</summary>
    internal static double Percentile(double[] sorted, int p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):N0} MiB");

    private static long DirectorySize(string path) =>
        new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);


    /// <summary>The pool beside the repository: the folder holding SearchKamer.sln, then ../shared/bench.</summary>
    public static string DefaultPool()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SearchKamer.sln")))
                {
                    return Path.Combine(dir.FullName, "..", "shared", "bench");
                }
            }
        }

        return Path.Combine("..", "shared", "bench");
    }
}
