using System.CommandLine;
using System.Text.Json;
using SearchKamer.Indexing;
using SearchKamer.Ingestion;

namespace SearchKamer.Host.Cli;

/// <summary><c>searchkamer parse FILE... [--json]</c>: parse files and print them, without indexing.</summary>
public static class ParseCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("BESTAND") { Description = "bestanden of mappen (PDF, DOCX, HTML, XML, tekst)", Arity = ArgumentArity.ZeroOrMore };
        var json = CliOptions.Flag("--json", "JSON: één object per bestand, mislukte als {source, error}");
        var command = new Command("parse", "bestanden lezen en tonen zonder te indexeren") { paths, json };
        command.SetAction(r => Run(r.GetValue(paths)!, r.GetValue(json), r.InvocationConfiguration));
        return command;
    }

    private static int Run(IReadOnlyList<string> paths, bool json, InvocationConfiguration console)
    {
        var output = console.Output;
        if (paths.Count == 0)
        {
            console.Error.WriteLine("gebruik: searchkamer parse BESTAND... [--json]");
            return 2;
        }

        var missing = new List<string>();
        var files = FileWalker.Expand(paths, missing);
        var results = FileWalker.ReadAll(files, Environment.ProcessorCount)
            .Concat(missing.Select(m => new ReadResult(m, null, "bestand of map bestaat niet")))
            .ToList();

        if (json)
        {
            var items = results.Select(r => r.Document is not null
                ? (object)r.Document
                : new { source = new { path = r.Path }, error = r.Error });
            output.WriteLine(JsonSerializer.Serialize(items, StoredJson.Indented));
        }
        else
        {
            foreach (var r in results)
            {
                output.WriteLine(r.Document is { } d ? Summary.Of(d) : $"{r.Path}: mislukt: {r.Error}");
                output.WriteLine();
            }
        }

        return results.All(r => r.Ok) ? 0 : 3;
    }
}
