using System.Reflection;
using Microsoft.AspNetCore.Diagnostics;
using SearchKamer.Host.Web.Pages;

namespace SearchKamer.Host.Web;

/// <summary>Server-rendered Dutch pages: search, document, original file, stylesheet and the error pages.</summary>
public static class PageEndpoints
{
    /// <summary>Longer query strings are refused before any parsing; the engine caps the query itself at 1000 characters.</summary>
    public const int MaxQueryStringLength = 6 * 1024;

    public static void Map(WebApplication app)
    {
        app.MapGet("/", SearchPage.Handle).Gated().ExcludeFromDescription();
        app.MapGet("/document/{id}", DocumentPage.Handle).Gated().ExcludeFromDescription();
        app.MapGet("/bestand/{id}", SourceFile.Handle).ExcludeFromDescription();
        MapAsset(app, Layout.StylesheetPath, "SearchKamer.Host.site.css", "text/css; charset=utf-8");
        MapAsset(app, Layout.ScriptPath, "SearchKamer.Host.site.js", "text/javascript; charset=utf-8");
    }

    private static void MapAsset(WebApplication app, string path, string resource, string contentType)
    {
        var bytes = Embedded(resource);
        app.MapGet(path, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(bytes, contentType);
        }).ExcludeFromDescription();
    }

    /// <summary>
    /// Before routing: refuses oversized query strings; after: any unexpected exception becomes a
    /// generic Dutch page (or JSON for the API) without technical detail.
    /// </summary>
    public static void UseErrorHandling(WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = async context =>
            {
                var feature = context.Features.Get<IExceptionHandlerPathFeature>();
                if (feature?.Error is BadHttpRequestException bad)
                {
                    // A malformed request (e.g. a form without a valid antiforgery token) is the client's error, not ours.
                    await (IsApi(context.Request)
                        ? Results.Json(new ProblemDetailsBody("Ongeldig verzoek", bad.StatusCode, "het verzoek kon niet worden gelezen", null), statusCode: bad.StatusCode)
                        : Layout.Message("Ongeldig verzoek", "Het formulier is verlopen of ongeldig. Laad de pagina opnieuw en probeer het nog eens.", bad.StatusCode)).ExecuteAsync(context);
                    return;
                }

                app.Logger.LogError(feature?.Error, "Onverwachte fout bij {Path}", feature?.Path);
                var result = IsApi(context.Request)
                    ? Results.Json(new ProblemDetailsBody("Interne fout", 500, "er ging iets mis; probeer het later opnieuw", null), statusCode: 500)
                    : Layout.Message("Er ging iets mis", "Deze pagina kon door een fout niet worden gemaakt. Probeer het later opnieuw of begin een nieuwe zoekopdracht.", 500);
                await result.ExecuteAsync(context);
            },
        });

        app.Use(async (context, next) =>
        {
            if (context.Request.QueryString.Value is { Length: > MaxQueryStringLength })
            {
                var result = IsApi(context.Request)
                    ? Results.Json(new ProblemDetailsBody("Verzoek te lang", 414, "de zoekopdracht in de URL is te lang", null), statusCode: 414)
                    : Layout.Message("Zoekopdracht te lang", "De zoekopdracht is te lang. Gebruik minder woorden.", StatusCodes.Status414UriTooLong);
                await result.ExecuteAsync(context);
                return;
            }

            await next();
        });
    }

    /// <summary>An empty error response (no route, wrong method) gets words: JSON for the API, a page elsewhere.</summary>
    public static void UseStatusPages(WebApplication app) => app.UseStatusCodePages(async context =>
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var reason = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
        var result = IsApi(http.Request)
            ? Results.Json(new ProblemDetailsBody(reason, status, status == 404 ? "dit API-adres bestaat niet" : $"het verzoek kon niet worden behandeld ({reason})", null), statusCode: status)
            : status == 404
                ? Layout.Message("Pagina niet gevonden", "Deze pagina bestaat niet.", status)
                : Layout.Message("Ongeldig verzoek", $"Het verzoek kon niet worden behandeld ({reason}).", status);
        await result.ExecuteAsync(http);
    });

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static byte[] Embedded(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{resource} is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
