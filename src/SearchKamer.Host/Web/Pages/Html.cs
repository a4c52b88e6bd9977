using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace SearchKamer.Host.Web.Pages;

/// <summary>Encoding and formatting shared by the page renderers: every document or URL string goes through <see cref="E"/>.</summary>
internal static class Html
{
    // All ranges allowed so Dutch and Slavic letters stay readable in the source; markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string E(string? text) => string.IsNullOrEmpty(text) ? "" : Encoder.Encode(text);

    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", Dutch) ?? "onbekend";

    public static string Number(int n) => n.ToString("N0", Dutch);

    public static string DocumentHref(string id) => "/document/" + Uri.EscapeDataString(id);

    /// <summary>Only http(s) links from documents become anchors; anything else (javascript:, data:) stays text.</summary>
    public static bool IsWebLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>Paragraphs from plain text: blank lines separate them, single newlines become line breaks.</summary>
    public static string Paragraphs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var blocks = text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Concat(blocks.Select(b => "<p>" + string.Join("<br>", b.Split('\n').Select(E)) + "</p>"));
    }

    public static string KindLabel(string kind) => kind switch
    {
        "vragen" => "Schriftelijke vragen",
        "antwoord" => "Antwoord",
        "nader-antwoord" => "Nader antwoord",
        "mededeling" => "Mededeling",
        _ => kind,
    };

    public static string Plural(int n, string one, string many) => n == 1 ? $"{Number(n)} {one}" : $"{Number(n)} {many}";
}
