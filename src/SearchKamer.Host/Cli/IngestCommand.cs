using System.Diagnostics;
using SearchKamer.Indexing;
using SearchKamer.Ingestion;

namespace SearchKamer.Host.Cli;

/// <summary><c>searchkamer ingest PATH... [--data DIR]</c>: parse and index every file, one line each, then the totals.</summary>
public static class IngestCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var cli = new CliArgs(args, new HashSet<string>());
        if (cli.Positional.Count == 0)
        {
            Console.Error.WriteLine("gebruik: searchkamer ingest PAD... [--data MAP]");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var missing = new List<string>();
        var files = FileWalker.Expand(cli.Positional, missing);
        var dataDir = DataDirectory.Resolve(cli.One("--data"));
        using var index = SearchIndex.OpenForWriting(DataDirectory.IndexPath(dataDir));
        var summary = IngestPipeline.Run(index, files, Environment.ProcessorCount, line => output.WriteLine(Describe(line)));
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
