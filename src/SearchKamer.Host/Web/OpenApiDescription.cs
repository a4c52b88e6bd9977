using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SearchKamer.Indexing;
using SearchKamer.Search;

namespace SearchKamer.Host.Web;

/// <summary>Marks endpoints that need the personal token, so the OpenAPI document can say so.</summary>
public sealed class RequiresBearerToken
{
    public static readonly RequiresBearerToken Instance = new();
}

/// <summary>
/// What the handlers read from the query string themselves (every search filter, format, period), the Bearer
/// scheme, and the error answers (400, 401, 404 with <see cref="ProblemDetailsBody"/>; 204 for deletes):
/// the parts the framework cannot see in a handler that takes the whole request.
/// </summary>
internal static class OpenApiDescription
{
    private const string Bearer = "Bearer";

    private static readonly string[] Searches = ["Search", "Export", "Feed"];

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer(async (document, context, cancellationToken) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            document.Components.Schemas[nameof(ProblemDetailsBody)] = await context.GetOrCreateSchemaAsync(typeof(ProblemDetailsBody), null, cancellationToken);
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "Het persoonlijke API-token (van de bevestigingspagina of `searchkamer users add`): `Authorization: Bearer <token>`.",
            };
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var name = context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
            var method = context.Description.HttpMethod;
            var path = context.Description.RelativePath ?? "";
            operation.Parameters ??= [];
            if (Searches.Contains(name))
            {
                SearchParameters(operation.Parameters);
            }

            if (name == "Export")
            {
                operation.Parameters.Add(Query("format", "csv: één rij per vraag met kolommen; jsonl: één JSON-object per regel.", Enum("csv", "jsonl")));
            }

            if (name == "Statistics")
            {
                operation.Parameters.Add(Query("van", "Begin van de periode (JJJJ-MM-DD).", Date()));
                operation.Parameters.Add(Query("tot", "Einde van de periode, inclusief (JJJJ-MM-DD).", Date()));
                operation.Parameters.Add(Query("format", "Antwoord als JSON (standaard) of CSV.", Enum("json", "csv")));
            }

            operation.Responses ??= [];
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RequiresBearerToken>().Any())
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] });
                Problem(operation, context, "401", "Geen of een ongeldig token.");
            }

            if (Searches.Contains(name) || name == "Statistics" || method is "POST" or "PUT")
            {
                Problem(operation, context, "400", "Ongeldige parameter of invoer; `parameter` noemt het veld.");
            }

            if (path.Contains('{', StringComparison.Ordinal))
            {
                Problem(operation, context, "404", "Bestaat niet (of is niet van deze gebruiker).");
            }

            if (method == "DELETE")
            {
                operation.Responses.Remove("200");
                operation.Responses["204"] = new OpenApiResponse { Description = "Verwijderd." };
            }

            return Task.CompletedTask;
        });
    }

    private static void SearchParameters(IList<IOpenApiParameter> parameters)
    {
        parameters.Add(Query("q", "Zoekvraag: woorden (alle moeten voorkomen), OR, NOT/-woord, \"woordgroep\", prefix*, velden als vraag: of minister:.", Text()));
        parameters.Add(Query("alle", "Alle woorden (uitgebreid zoeken).", Text()));
        parameters.Add(Query("woordgroep", "Exacte woordgroep.", Text()));
        parameters.Add(Query("een", "Eén van de woorden.", Text()));
        parameters.Add(Query("zonder", "Zonder de woorden.", Text()));
        parameters.Add(Query("in", "Zoeken in de vraag, het antwoord of beide (standaard).", Enum("vraag", "antwoord", "beide")));
        // Every filter of the index schema, so a new facet row is documented here without another edit.
        foreach (var filter in IndexSchema.Filters.Select(f => f.Filter!))
        {
            var value = filter.Choices.Count > 0 ? Enum([.. filter.Choices.Select(c => c.Value)]) : Text();
            parameters.Add(Query(filter.Param, $"{filter.Label}: {filter.Help}.", Many(value)));
        }

        parameters.Add(Query("van", "Vanaf datum (JJJJ-MM-DD).", Date()));
        parameters.Add(Query("tot", "Tot en met datum (JJJJ-MM-DD).", Date()));
        parameters.Add(Query("sort", "Volgorde.", Enum("relevantie", "nieuwste", "oudste")));
        parameters.Add(Query("page", "Pagina, vanaf 1.", Integer(1)));
        parameters.Add(Query("size", "Documenten per pagina.", Integer(10)));
        parameters.Add(Query("facetwaarden", $"Waarden per facet (de meest voorkomende, plus elke gekozen waarde; jaar en vergaderjaar altijd alle); facetTotals zegt hoeveel er zijn. Een getal vanaf 1 of \"{Web.SearchParameters.AllFacetValues}\".",
            new OpenApiSchema { OneOf = [Integer(SearchRequest.DefaultFacetLimit), Enum(Web.SearchParameters.AllFacetValues)], Default = JsonValue.Create(SearchRequest.DefaultFacetLimit) }));
    }

    /// <summary>An error answer with the problem body, a reference to the one schema the document transformer registers.</summary>
    private static void Problem(OpenApiOperation operation, OpenApiOperationTransformerContext context, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchemaReference(nameof(ProblemDetailsBody), context.Document) } },
        };
    }

    private static OpenApiParameter Query(string name, string description, OpenApiSchema schema) =>
        new() { Name = name, In = ParameterLocation.Query, Description = description, Schema = schema, Required = false };

    private static OpenApiSchema Text() => new() { Type = JsonSchemaType.String };

    private static OpenApiSchema Date() => new() { Type = JsonSchemaType.String, Format = "date" };

    private static OpenApiSchema Integer(int fallback) => new() { Type = JsonSchemaType.Integer, Minimum = "1", Default = JsonValue.Create(fallback) };

    private static OpenApiSchema Enum(params string[] values) => new() { Type = JsonSchemaType.String, Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))] };

    private static OpenApiSchema Many(OpenApiSchema item) => new() { Type = JsonSchemaType.Array, Items = item };
}
