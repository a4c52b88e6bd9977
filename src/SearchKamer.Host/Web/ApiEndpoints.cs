using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SearchKamer.Domain;
using SearchKamer.Dossiers;
using SearchKamer.Indexing;
using SearchKamer.Search;

namespace SearchKamer.Host.Web;

/// <summary>The JSON API; shapes are those of the CLI's --json.</summary>
public static class ApiEndpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api");

        api.MapGet("/search", Search)
            .Gated().WithName("Search").WithSummary("Zoeken met filters, facetten en paginering").Produces<SearchResponse>();

        api.MapGet("/documents/{id}", DossierEndpoints.DocumentWithDossier)
            .WithName("Document").WithSummary("Eén document met alle vragen en antwoorden, en zijn dossier (\"dossier\")").Produces<KamervraagDocument>();

        api.MapGet("/documents/{id}/similar", (string id, int? vraag, SearchEngine engine) =>
            engine.Similar(id, vraag ?? 1) is { } similar ? Results.Json(similar, StoredJson.Options) : Results.NotFound(NotFoundBody(id)))
            .Gated().WithName("Similar").WithSummary("Vergelijkbare vragen uit andere documenten").Produces<IReadOnlyList<DocumentHit>>();

        api.MapGet("/export", (HttpRequest request, SearchEngine engine) => Guard(() =>
        {
            var format = request.Query["format"].LastOrDefault() ?? "jsonl";
            if (format is not ("csv" or "jsonl"))
            {
                throw new SearchRequestException("format", $"'format' moet csv of jsonl zijn, niet \"{format}\"");
            }

            var rows = engine.Matching(SearchParameters.Parse(request.Query));
            var text = new StringWriter();
            _ = format == "csv" ? Export.WriteCsv(rows, text) : Export.WriteJsonl(rows, text);
            return Results.File(Encoding.UTF8.GetBytes(text.ToString()),
                format == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8", $"searchkamer-export.{format}");
        })).Gated().WithName("Export").WithSummary("De hele resultaatset als CSV of JSON Lines");
    }

    /// <summary>
    /// A search asked through <see cref="Search"/> on a context without a connection, for the start-up warm-up: the
    /// parameters, dossier states and JSON writing get optimised too. A 400 for a poor prefix is written like any answer.
    /// </summary>
    public static void AskWithoutConnection(IServiceProvider services, SearchRequest request)
    {
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Query = SearchParameters.ToQuery(request);
        Search(http.Request, services.GetRequiredService<SearchEngine>(), services.GetRequiredService<DossierReader>(), services.GetRequiredService<TimeProvider>())
            .ExecuteAsync(http).GetAwaiter().GetResult();
    }

    /// <summary>/api/search. The start-up warm-up asks its searches through this handler too, so that the JSON writing of
    /// a response is optimised before the first visitor's search.</summary>
    /// <remarks>
    /// The answer (about 30 KB for a page of ten) is written whole, with its length: streamed, it went out in about ten
    /// chunks, each a write to the socket and a chunk for the client to parse.
    /// </remarks>
    public static IResult Search(HttpRequest request, SearchEngine engine, DossierReader dossiers, TimeProvider clock) =>
        Guard(() => Results.Bytes(
            JsonSerializer.SerializeToUtf8Bytes(DossierStates.Fill(engine.Search(SearchParameters.Parse(request.Query)), dossiers, DossierEndpoints.Today(clock)), StoredJson.Options),
            "application/json; charset=utf-8"));

    /// <summary>The server's folders are nobody's business: the API names the source by its file name only.</summary>
    public static KamervraagDocument Public(KamervraagDocument doc) =>
        doc with { Source = doc.Source with { Path = Path.GetFileName(doc.Source.Path) } };

    /// <summary>A parameter people can fix gets a 400 that names it, never a 500.</summary>
    public static IResult Guard(Func<IResult> action)
    {
        try
        {
            return action();
        }
        catch (SearchRequestException e)
        {
            return Results.Json(new ProblemDetailsBody("Ongeldige parameter", 400, e.Message, e.Parameter), statusCode: 400);
        }
    }

    private static ProblemDetailsBody NotFoundBody(string id) => new("Niet gevonden", 404, $"geen document met id \"{id}\"", null);
}

public sealed record ProblemDetailsBody(string Title, int Status, string Detail, string? Parameter);
