using System.CommandLine;
using System.Diagnostics;
using SearchKamer.Host.Services;
using SearchKamer.Indexing;
using SearchKamer.Ingestion;

namespace SearchKamer.Host.Cli;

/// <summary>
/// <c>searchkamer ingest PATH... [--data DIR] [--batch N]</c>: parse and index every file, one line each, then the totals.
/// A file's line is printed only after the commit that made it durable, so a killed run loses nothing it reported.
/// </summary>
public static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PAD") { Description = "bestanden of mappen om te indexeren", Arity = ArgumentArity.ZeroOrMore };
        var data = CliOptions.Data();
        var batch = CliOptions.Number("--batch", "N", IngestPipeline.DefaultBatchSize, "na elke N bestanden vastleggen (commit)");
        var command = new Command("ingest", "bestanden en mappen lezen en indexeren, één regel per bestand") { paths, data, batch };
        command.SetAction(r => Run(r.GetValue(paths)!, r.GetValue(data), r.GetValue(batch), r.InvocationConfiguration));
        return command;
    }

    private static int Run(IReadOnlyList<string> paths, string? data, int batch, InvocationConfiguration console)
    {
        var output = console.Output;
        if (paths.Count == 0)
        {
            console.Error.WriteLine("gebruik: searchkamer ingest PAD... [--data MAP] [--batch N]");
            return 2;
        }

        if (batch < 1)
        {
            throw new CliArgumentException($"--batch verwacht een getal van 1 of meer, niet {batch}");
        }

        var clock = Stopwatch.StartNew();
        var missing = new List<string>();
        var files = FileWalker.Expand(paths, missing);
        var dataDir = DataDirectory.Resolve(data);
        using var index = SearchIndex.OpenForWriting(DataDirectory.IndexPath(dataDir));
        var summary = IngestPipeline.Run(index, files, Environment.ProcessorCount, line => output.WriteLine(Describe(line)), batch);
        var merge = Stopwatch.StartNew();
        if (index.MergeAfterBulkLoad(summary.Indexed))
        {
            output.WriteLine($"index samengevoegd tot één segment ({merge.Elapsed.TotalSeconds:0.0} s)");
        }

        foreach (var m in missing)
        {
            output.WriteLine($"mislukt      {m}: bestand of map bestaat niet");
        }

        var failed = summary.Failed + missing.Count;
        output.WriteLine($"{summary.Total + missing.Count} bestanden: {summary.Indexed} verwerkt, {summary.Unchanged} ongewijzigd, {failed} mislukt ({clock.Elapsed.TotalSeconds:0.0} s, index {index.Path})");
        return failed == 0 ? 0 : 3;
    }

    private static string Describe(IngestLine line) => line switch
    {
        { Status: IngestStatus.Indexed, Document: { } d } =>
            $"verwerkt     {line.Path}  ({Kinds.Name(d.Kind)}, {d.Questions.Count} vragen{(d.Warnings.Count > 0 ? $", {d.Warnings.Count} waarschuwingen" : "")})",
        { Status: IngestStatus.Unchanged } => $"ongewijzigd  {line.Path}",
        _ => $"mislukt      {line.Path}: {line.Error}",
    };
}
