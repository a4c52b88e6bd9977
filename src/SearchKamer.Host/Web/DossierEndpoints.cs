using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SearchKamer.Dossiers;
using SearchKamer.Host.Web.Pages;
using SearchKamer.Indexing;
using SearchKamer.Search;

namespace SearchKamer.Host.Web;

/// <summary>GET /api/dossiers/{zaak}, and the statistics of answer times as a page, JSON and CSV.</summary>
public static class DossierEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/dossiers/{zaak}", (string zaak, DossierReader dossiers, TimeProvider clock) =>
            DossierReader.Normalise(zaak) is null
                ? Results.Json(new ProblemDetailsBody("Ongeldige parameter", 400, $"'zaak' moet een zaaknummer zijn zoals 2024Z18792, niet \"{Shorten(zaak)}\"", "zaak"), statusCode: 400)
                : dossiers.Get(zaak, Today(clock)) is { } d ? Results.Json(d, StoredJson.Options)
                : Results.Json(new ProblemDetailsBody("Niet gevonden", 404, $"geen documenten met zaak \"{Shorten(zaak)}\" in de index", null), statusCode: 404))
            .WithName("Dossier").WithSummary("Alle documenten van één zaak (vragen, mededelingen, antwoorden) met termijn en status").Produces<Dossier>();

        app.MapGet("/api/statistiek", (HttpRequest request, DossierReader dossiers, TimeProvider clock) =>
        {
            if (Period(request) is not { } period)
            {
                return PeriodError(request, api: true);
            }

            var report = DossierStatistics.Build(dossiers.All(Today(clock)), Today(clock), dossiers.Terms, period.From, period.To);
            return request.Query["format"].LastOrDefault() switch
            {
                null or "" or "json" => Results.Json(report, StoredJson.Options),
                "csv" => Results.File(Encoding.UTF8.GetBytes(StatisticsPage.Csv(report)), "text/csv; charset=utf-8", "searchkamer-statistiek.csv"),
                var f => Results.Json(new ProblemDetailsBody("Ongeldige parameter", 400, $"'format' moet json of csv zijn, niet \"{Shorten(f)}\"", "format"), statusCode: 400),
            };
        }).WithName("Statistics").WithSummary("Beantwoordingstermijnen per ministerie, bewindspersoon en partij (JSON of CSV)").Produces<DossierStatisticsReport>();

        app.MapGet("/statistiek", (HttpRequest request, DossierReader dossiers, TimeProvider clock) =>
            Period(request) is not { } period ? PeriodError(request, api: false)
            : StatisticsPage.Render(DossierStatistics.Build(dossiers.All(Today(clock)), Today(clock), dossiers.Terms, period.From, period.To), request.QueryString.Value ?? ""))
            .ExcludeFromDescription();
    }

    /// <summary>The document as before, with its dossier beside it under "dossier" (null without zaak).</summary>
    public static IResult DocumentWithDossier(string id, SearchEngine engine, DossierReader dossiers, TimeProvider clock)
    {
        if (engine.Get(id) is not { } doc)
        {
            return Results.Json(new ProblemDetailsBody("Niet gevonden", 404, $"geen document met id \"{Shorten(id)}\"", null), statusCode: 404);
        }

        var json = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(ApiEndpoints.Public(doc), StoredJson.Options))!.AsObject();
        var dossier = dossiers.For(doc, Today(clock));
        json["dossier"] = dossier is null ? null : JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(dossier, StoredJson.Options));
        return Results.Json(json, StoredJson.Options);
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    internal static (DateOnly? From, DateOnly? To)? Period(HttpRequest request)
    {
        var from = Day(request.Query["van"].LastOrDefault());
        var to = Day(request.Query["tot"].LastOrDefault());
        return from.Ok && to.Ok ? (from.Value, to.Value) : null;
    }

    private static IResult PeriodError(HttpRequest request, bool api)
    {
        var name = Day(request.Query["van"].LastOrDefault()).Ok ? "tot" : "van";
        var message = $"'{name}' moet een datum zijn als 2024-11-01, niet \"{Shorten(request.Query[name].LastOrDefault() ?? "")}\"";
        return api ? Results.Json(new ProblemDetailsBody("Ongeldige parameter", 400, message, name), statusCode: 400)
            : Layout.Message("Ongeldige periode", $"Ongeldige waarde voor {name} (parameter {name}): gebruik een datum als 2024-11-01.", 400);
    }

    private static (bool Ok, DateOnly? Value) Day(string? text) =>
        string.IsNullOrWhiteSpace(text) ? (true, null)
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? (true, d)
        : (false, null);

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
