using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SearchKamer.Indexing;
using SearchKamer.Search;

namespace SearchKamer.Host.Cli;

/// <summary><c>searchkamer search QUERY [filters] [--sort] [--page N --size N] [--json]</c>.</summary>
public static partial class SearchCommand
{
    public const string Usage = """
        gebruik: searchkamer search ZOEKVRAAG [--minister NAAM] [--ministerie NAAM] [--partij NAAM] [--indiener NAAM]
                 [--jaar JJJJ] [--soort vragen|antwoord|nader-antwoord|mededeling] [--vergaderjaar 2023-2024]
                 [--van JJJJ-MM-DD] [--tot JJJJ-MM-DD] [--in vraag|antwoord|beide] [--sort relevantie|nieuwste|oudste]
                 [--page N] [--size N] [--json] [--data MAP]
        """;

    [GeneratedRegex("</?mark>")]
    private static partial Regex Mark();

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        SearchRequest request;
        CliArgs cli;
        try
        {
            cli = new CliArgs(args, new HashSet<string> { "--json" });
            request = ToRequest(cli);
        }
        catch (CliArgumentException e)
        {
            Console.Error.WriteLine($"{e.Message}\n{Usage}");
            return 2;
        }

        using var index = SearchIndex.OpenReadOnly(DataDirectory.IndexPath(DataDirectory.Resolve(cli.One("--data"))));
        SearchResponse response;
        try
        {
            response = new SearchEngine(index).Search(request);
        }
        catch (SearchRequestException e)
        {
            Console.Error.WriteLine($"{e.Parameter}: {e.Message}");
            return 2;
        }

        if (cli.Flag("--json"))
        {
            output.WriteLine(JsonSerializer.Serialize(response, StoredJson.Indented));
        }
        else
        {
            Print(response, request, output);
        }

        return 0;
    }

    public static SearchRequest ToRequest(CliArgs cli) => new()
    {
        Query = string.Join(' ', cli.Positional),
        Ministers = cli.All("--minister"),
        Ministries = cli.All("--ministerie"),
        Parties = cli.All("--partij"),
        Askers = cli.All("--indiener"),
        Years = cli.All("--jaar"),
        Kinds = cli.All("--soort"),
        Vergaderjaren = cli.All("--vergaderjaar"),
        From = cli.Date("--van"),
        To = cli.Date("--tot"),
        In = cli.One("--in") switch
        {
            null or "beide" => SearchIn.Both,
            "vraag" => SearchIn.Question,
            "antwoord" => SearchIn.Answer,
            var other => throw new CliArgumentException($"--in verwacht vraag, antwoord of beide, niet \"{other}\""),
        },
        Sort = cli.One("--sort") switch
        {
            null or "relevantie" => SortOrder.Relevance,
            "nieuwste" => SortOrder.Newest,
            "oudste" => SortOrder.Oldest,
            var other => throw new CliArgumentException($"--sort verwacht relevantie, nieuwste of oudste, niet \"{other}\""),
        },
        Page = cli.Int("--page", 1),
        Size = cli.Int("--size", 10),
    };

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
            output.WriteLine($"{name}: {string.Join(", ", values.Take(8).Select(v => $"{v.Value} ({v.Count})"))}");
        }
    }

    private static string Plain(string html) => WebUtility.HtmlDecode(Mark().Replace(html, "*"));
}
