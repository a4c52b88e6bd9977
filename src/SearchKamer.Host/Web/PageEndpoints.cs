namespace SearchKamer.Host.Web;

/// <summary>Server-rendered Dutch pages. Placeholder until the UI lands.</summary>
public static class PageEndpoints
{
    public static void Map(WebApplication app) =>
        app.MapGet("/", () => Results.Content("<!doctype html><html lang=\"nl\"><title>SearchKamer</title><p>SearchKamer</p></html>", "text/html; charset=utf-8"));
}
