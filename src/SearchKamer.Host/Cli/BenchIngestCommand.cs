using System.CommandLine;
using System.Diagnostics;
using SearchKamer.Host.Services;
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
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);

    public static Command Create()
    {
        var paths = new Argument<string[]>("PAD") { Description = "PDF-bestanden of mappen (standaard de PDF's van het meegeleverde corpus)", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("ingest", "snelheid van extractie en parsing meten (pagina's/s), op één core en op alle") { paths };
        command.SetAction(r => Run(r.GetValue(paths)!, r.InvocationConfiguration));
        return command;
    }

    private static int Run(IReadOnlyList<string> args, InvocationConfiguration console)
    {
        var output = console.Output;
        var paths = args.Count > 0 ? args : [Path.Combine(BundledCorpus.Locate(), "pdf")];
        var files = FileWalker.Expand(paths, new List<string>()).Where(f => f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)).ToList();
        if (files.Count == 0)
        {
            console.Error.WriteLine("geen PDF-bestanden gevonden");
            return 2;
        }

        var pages = files.Sum(f =>
        {
            using var doc = PdfDocument.Open(f);
            return doc.NumberOfPages;
        });

        output.WriteLine($"bench ingest: {files.Count} PDF's, {pages} pagina's, {Environment.ProcessorCount} cores");
        // The first pass runs on unoptimised code (tiered JIT); a one-off ingest of a few files sees this figure.
        var cold = Stopwatch.StartNew();
        FileWalker.ReadAll(files, 1);
        output.WriteLine($"eerste ronde (koud, 1 core): {pages / cold.Elapsed.TotalSeconds:0} pagina's/s");
        // Tiered JIT needs many calls per method before the optimised code is in place; a few rounds were
        // not enough (the single-core figure came out 4x too low), so warm up for a fixed time instead.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < WarmUp)
        {
            FileWalker.ReadAll(files, Environment.ProcessorCount);
        }

        foreach (var cores in new[] { 1, Environment.ProcessorCount }.Distinct())
        {
            var (rounds, elapsed, cpu, failed) = Measure(files, cores);
            var seconds = elapsed.TotalSeconds;
            output.WriteLine($"{cores} core(s): {rounds * pages / seconds:0} pagina's/s, {rounds * files.Count / seconds:0} documenten/s, "
                + $"{rounds * pages / cpu.TotalSeconds:0} pagina's per CPU-seconde ({rounds} rondes in {seconds:0.0} s, {failed} mislukt)");
        }

        return 0;
    }

    // Pages per CPU-second is the per-core figure that stays honest on a shared, noisy machine: wall
    // time counts whatever else runs, CPU time only this process (JIT and GC threads included).
    private static (int Rounds, TimeSpan Elapsed, TimeSpan Cpu, int Failed) Measure(IReadOnlyList<string> files, int cores)
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var rounds = 0;
        var failed = 0;
        while (clock.Elapsed < MinDuration)
        {
            failed += FileWalker.ReadAll(files, cores).Count(r => !r.Ok);
            rounds++;
        }

        process.Refresh();
        return (rounds, clock.Elapsed, process.TotalProcessorTime - cpuBefore, failed);
    }
}
