using System.CommandLine;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SearchKamer.Dossiers;
using SearchKamer.Host.Services;
using SearchKamer.Indexing;
using SearchKamer.Search;

namespace SearchKamer.Host.Cli;

/// <summary><c>searchkamer search QUERY [filters] [--sort] [--page N --size N] [--facetwaarden N|alle] [--json]</c>.</summary>
public static partial class SearchCommand
{
    [GeneratedRegex("</?mark>")]
    private static partial Regex Mark();

    public static Command Create()
    {
        var filters = new SearchFilters();
        var page = CliOptions.Number("--page", "N", 1, "pagina van de documenten");
        var size = CliOptions.Number("--size", "N", 10, $"documenten per pagina (hoogstens {SearchRequest.MaxPageSize})");
        var facetLimit = CliOptions.FacetLimit();
        var json = CliOptions.Flag("--json", "JSON: total, totalDocuments, tookMs, syntaxRelaxed, documents, facets, facetTotals");
        var data = CliOptions.Data();
        var command = new Command("search", "zoeken in de index; zonder --json een leesbare lijst met facetten");
        filters.AddTo(command);
        command.Options.Add(page);
        command.Options.Add(size);
        command.Options.Add(facetLimit);
        command.Options.Add(json);
        command.Options.Add(data);
        command.SetAction(r => Run(filters.ToRequest(r) with { Page = r.GetValue(page), Size = r.GetValue(size), FacetLimit = r.GetValue(facetLimit) }, r.GetValue(json), r.GetValue(data), r.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(SearchRequest request, bool json, string? data, TextWriter output)
    {
        using var index = SearchIndex.OpenReadOnly(DataDirectory.IndexPath(DataDirectory.Resolve(data)));
        var response = new SearchEngine(index).Search(request);
        if (json)
        {
            var today = DateOnly.FromDateTime(DateTime.Now);
            output.WriteLine(JsonSerializer.Serialize(DossierStates.Fill(response, new DossierReader(index), today), StoredJson.Indented));
        }
        else
        {
            Print(response, request, output);
        }

        return 0;
    }

    private static void Print(SearchResponse r, SearchRequest request, TextWriter output)
    {
        output.WriteLine($"{r.Total} vragen in {r.TotalDocuments} documenten ({r.TookMs} ms){(r.SyntaxRelaxed ? " — zoekvraag letterlijk gelezen" : "")}");
        if (r.Notice is not null)
        {
            output.WriteLine(r.Notice);
        }

        var rank = ((request.Page - 1) * request.Size) + 1;
        foreach (var d in r.Documents)
        {
            output.WriteLine();
            output.WriteLine($"{rank++}. {d.Subject} [{d.OfficialId ?? d.Id}, {d.DateReceived?.ToString("yyyy-MM-dd") ?? d.DateSubmitted?.ToString("yyyy-MM-dd") ?? "-"}]");
            output.WriteLine($"   {string.Join(", ", d.Askers.Select(a => $"{a.Name} ({a.Party})"))} → {string.Join(", ", d.Answerers.Select(a => $"{a.Role} {a.Name}"))}");
            foreach (var q in d.Questions.Take(3))
            {
                output.WriteLine($"   vraag {q.Number}: {Plain(q.Question)}");
                if (q.Answer is not null)
                {
                    output.WriteLine($"   antwoord: {Plain(q.Answer)}");
                }
            }
        }

        foreach (var (name, values) in r.Facets.Where(f => f.Value.Count > 0))
        {
            output.WriteLine();
            var more = r.FacetTotals.GetValueOrDefault(name) is var total && total > Math.Min(values.Count, 8) ? $" … ({total} waarden)" : "";
            output.WriteLine($"{name}: {string.Join(", ", values.Take(8).Select(v => $"{v.Value} ({v.Count})"))}{more}");
        }
    }

    private static string Plain(string html) => WebUtility.HtmlDecode(Mark().Replace(html, "*"));
}
