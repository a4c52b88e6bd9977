using System.Diagnostics;
using SearchKamer.Ingestion;

namespace SearchKamer.Host.Cli;

/// <summary><c>searchkamer ingest PATH...</c>: read every file, one line each, then the totals.</summary>
public static class IngestCommand
{
    public static int Run(IReadOnlyList<string> paths, TextWriter output)
    {
        if (paths.Count == 0)
        {
            Console.Error.WriteLine("gebruik: searchkamer ingest PAD...");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var missing = new List<string>();
        var files = FileWalker.Expand(paths, missing);
        var results = FileWalker.ReadAll(files, Environment.ProcessorCount);
        foreach (var r in results)
        {
            output.WriteLine(r.Document is { } d
                ? $"verwerkt  {r.Path}  ({d.Kind.ToString().ToLowerInvariant()}, {d.Questions.Count} vragen{(d.Warnings.Count > 0 ? $", {d.Warnings.Count} waarschuwingen" : "")})"
                : $"mislukt   {r.Path}: {r.Error}");
        }

        foreach (var m in missing)
        {
            output.WriteLine($"mislukt   {m}: bestand of map bestaat niet");
        }

        var failed = results.Count(r => !r.Ok) + missing.Count;
        output.WriteLine($"{results.Count + missing.Count} bestanden: {results.Count(r => r.Ok)} verwerkt, {failed} mislukt ({clock.Elapsed.TotalSeconds:0.0} s)");
        return failed == 0 ? 0 : 3;
    }
}
