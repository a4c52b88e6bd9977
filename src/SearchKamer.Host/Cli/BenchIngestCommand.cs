using System.Diagnostics;
using SearchKamer.Ingestion;
using UglyToad.PdfPig;

namespace SearchKamer.Host.Cli;

/// <summary>
/// <c>searchkamer bench ingest [PATH...]</c>: extract+parse throughput over PDFs (default: the bundled
/// answer PDFs), on one core and on all cores, repeated until a few seconds have passed so noise averages out.
/// </summary>
public static class BenchIngestCommand
{
    private static readonly TimeSpan MinDuration = TimeSpan.FromSeconds(4);

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var paths = args.Count > 0 ? args : [Path.Combine(BundledCorpus.Locate(), "pdf")];
        var files = FileWalker.Expand(paths, new List<string>()).Where(f => f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)).ToList();
        if (files.Count == 0)
        {
            Console.Error.WriteLine("geen PDF-bestanden gevonden");
            return 2;
        }

        var pages = files.Sum(f =>
        {
            using var doc = PdfDocument.Open(f);
            return doc.NumberOfPages;
        });

        output.WriteLine($"bench ingest: {files.Count} PDF's, {pages} pagina's, {Environment.ProcessorCount} cores");
        // Warm-up rounds let tiered JIT reach its optimised code before anything is timed.
        for (var i = 0; i < 5; i++)
        {
            FileWalker.ReadAll(files, Environment.ProcessorCount);
        }
        foreach (var cores in new[] { 1, Environment.ProcessorCount }.Distinct())
        {
            var (rounds, elapsed, failed) = Measure(files, cores);
            var seconds = elapsed.TotalSeconds;
            output.WriteLine($"{cores} core(s): {rounds * pages / seconds:0} pagina's/s, {rounds * files.Count / seconds:0} documenten/s ({rounds} rondes in {seconds:0.0} s, {failed} mislukt)");
        }

        return 0;
    }

    private static (int Rounds, TimeSpan Elapsed, int Failed) Measure(IReadOnlyList<string> files, int cores)
    {
        var clock = Stopwatch.StartNew();
        var rounds = 0;
        var failed = 0;
        while (clock.Elapsed < MinDuration)
        {
            failed += FileWalker.ReadAll(files, cores).Count(r => !r.Ok);
            rounds++;
        }

        return (rounds, clock.Elapsed, failed);
    }
}
