using System.CommandLine;
using SearchKamer.Host.Services;
using SearchKamer.Indexing;
using SearchKamer.Search;

namespace SearchKamer.Host.Cli;

/// <summary>
/// <c>searchkamer export [ZOEKVRAAG] [filters] --format jsonl|csv [--out FILE] [--data DIR]</c>: the pairs a search
/// finds (all pages), or without query and filters every pair, each with its document's metadata.
/// </summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var filters = new SearchFilters();
        var format = CliOptions.Choice("--format", "uitvoerformaat", "jsonl", ("jsonl", "jsonl"), ("csv", "csv"));
        var output = CliOptions.Text("--out", "BESTAND", "naar dit bestand schrijven in plaats van naar de uitvoer");
        var data = CliOptions.Data();
        var command = new Command("export", "vraag-antwoordparen met metadata exporteren: die van een zoekvraag, of zonder zoekvraag en filters alle");
        filters.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(data);
        command.SetAction(r => Run(filters.Given(r) ? filters.ToRequest(r) : null, r.GetValue(format)!, r.GetValue(output), r.GetValue(data), r.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(SearchRequest? request, string format, string? path, string? data, TextWriter output)
    {
        using var index = SearchIndex.OpenReadOnly(DataDirectory.IndexPath(DataDirectory.Resolve(data)));
        var engine = new SearchEngine(index);
        var rows = request is null ? Export.Rows(engine.All()) : engine.Matching(request);
        using var file = path is not null ? new StreamWriter(path) : null;
        var target = file ?? output;
        var count = format == "csv" ? Export.WriteCsv(rows, target) : Export.WriteJsonl(rows, target);
        if (file is not null)
        {
            output.WriteLine($"{count} vragen geschreven naar {path}");
        }

        return 0;
    }
}
