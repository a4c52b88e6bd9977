using SearchKamer.Indexing;
using SearchKamer.Search;

namespace SearchKamer.Host.Cli;

/// <summary><c>searchkamer export --format jsonl|csv [--out FILE] [--data DIR]</c>: every pair with its metadata.</summary>
public static class ExportCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var cli = new CliArgs(args, new HashSet<string>());
        var format = cli.One("--format") ?? "jsonl";
        if (format is not ("jsonl" or "csv"))
        {
            Console.Error.WriteLine($"--format verwacht jsonl of csv, niet \"{format}\"");
            return 2;
        }

        using var index = SearchIndex.OpenReadOnly(DataDirectory.IndexPath(DataDirectory.Resolve(cli.One("--data"))));
        var rows = Export.Rows(new SearchEngine(index).All());
        using var file = cli.One("--out") is { } path ? new StreamWriter(path) : null;
        var target = file ?? output;
        var count = format == "csv" ? Export.WriteCsv(rows, target) : Export.WriteJsonl(rows, target);
        if (file is not null)
        {
            output.WriteLine($"{count} vragen geschreven naar {cli.One("--out")}");
        }

        return 0;
    }
}
