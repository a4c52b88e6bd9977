using System.Text;

namespace SearchKamer.Host.Web.Pages;

/// <summary>The page frame: head with the stylesheet, a header with the search box, main content, footer.</summary>
internal static class Layout
{
    public const string StylesheetPath = "/site.css";

    /// <param name="title">Plain text; encoded here.</param>
    /// <param name="main">HTML built by the other renderers.</param>
    /// <param name="headerQuery">The query for the small search box in the header; null hides the box.</param>
    public static IResult Page(string title, string main, int status = StatusCodes.Status200OK, string? headerQuery = null)
    {
        var html = new StringBuilder(main.Length + 2048);
        html.Append("<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Html.E(title)).Append(" – SearchKamer</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(StylesheetPath).Append("\">\n</head>\n<body>\n")
            .Append("<a class=\"skip\" href=\"#inhoud\">Naar de inhoud</a>\n")
            .Append("<header class=\"site\"><div class=\"wrap\">")
            .Append("<a class=\"brand\" href=\"/\">SearchKamer<span> · Kamervragen doorzoeken</span></a>")
            .Append("<nav class=\"site-nav\" aria-label=\"Hoofdmenu\"><a href=\"/\">Zoeken</a><a href=\"/open-vragen\">Open vragen</a><a href=\"/statistiek\">Statistiek</a></nav>");
        if (headerQuery is not null)
        {
            html.Append("<form class=\"mini\" action=\"/\" method=\"get\" role=\"search\">")
                .Append("<label for=\"kop-q\" class=\"visually-hidden\">Zoeken</label>")
                .Append("<input id=\"kop-q\" name=\"q\" type=\"search\" value=\"").Append(Html.E(headerQuery)).Append("\" maxlength=\"1000\">")
                .Append("<button type=\"submit\">Zoek</button></form>");
        }

        html.Append("</div></header>\n<main id=\"inhoud\" class=\"wrap\">\n").Append(main).Append("\n</main>\n")
            .Append("<footer class=\"site\"><div class=\"wrap\">SearchKamer doorzoekt schriftelijke Kamervragen en de antwoorden van bewindspersonen. ")
            .Append("Officiële teksten staan op <a href=\"https://zoek.officielebekendmakingen.nl/\">officielebekendmakingen.nl</a>. ")
            .Append("<a href=\"/openapi/v1.json\">JSON API</a></div></footer>\n</body>\n</html>\n");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>A short page for 404 and 500: what happened and where to go, never technical detail.</summary>
    public static IResult Message(string title, string message, int status) =>
        Page(title, $"<h1>{Html.E(title)}</h1>\n<p class=\"error\" role=\"alert\">{Html.E(message)}</p>\n<p><a href=\"/\">Naar de zoekpagina</a></p>",
            status, headerQuery: "");
}
