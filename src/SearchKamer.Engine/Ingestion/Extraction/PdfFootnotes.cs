using System.Text;
using System.Text.RegularExpressions;
using SearchKamer.Domain;

namespace SearchKamer.Ingestion.Extraction;

/// <summary>Turns the footnote rows at the bottom of the pages into numbered footnotes.</summary>
internal static partial class PdfFootnotes
{
    public static List<Footnote> Collect(IEnumerable<TextRow> rows, Dehyphenator dehyphenator, List<string> warnings)
    {
        var numbers = new List<int>();
        var texts = new List<StringBuilder>();
        foreach (var row in rows)
        {
            var text = row.Text;
            if (LeadingNumber().Match(text) is { Success: true } lead)
            {
                numbers.Add(int.Parse(lead.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture));
                texts.Add(new StringBuilder(text[lead.Length..].Trim()));
                continue;
            }

            if (texts.Count == 0)
            {
                warnings.Add($"voetnoottekst zonder nummer op pagina {row.Page} genegeerd: \"{Shorten(text)}\"");
                continue;
            }

            Append(texts[^1], text, dehyphenator);
        }

        return numbers
            .Select((number, i) => Create(number, texts[i].ToString()))
            .OrderBy(f => f.Number)
            .ToList();
    }

    private static void Append(StringBuilder current, string next, Dehyphenator dehyphenator)
    {
        var sofar = current.ToString();
        var inUrl = ContinuesUrl(sofar, next);
        var kind = Dehyphenator.EndsInWordHyphen(sofar) && !inUrl
            ? dehyphenator.Classify(sofar[..^1], next)
            : HyphenBreak.Suspended;
        if (kind == HyphenBreak.Join)
        {
            current.Length--;
        }
        else if (kind == HyphenBreak.Suspended && !inUrl)
        {
            current.Append(' ');
        }

        current.Append(next);
    }

    /// <summary>
    /// Long URLs wrap mid-token ("https://" | "www.movisie.nl/…" | "%202022.pdf"): the line ends inside
    /// a URL and the next line starts with something that is not an ordinary word.
    /// </summary>
    private static bool ContinuesUrl(string sofar, string next)
    {
        var lastSpace = sofar.LastIndexOf(' ');
        var lastToken = sofar[(lastSpace + 1)..];
        if (!UrlStart().IsMatch(lastToken) || lastToken.EndsWith(',') || lastToken.EndsWith(';'))
        {
            return false;
        }

        var firstSpace = next.IndexOf(' ');
        var firstToken = firstSpace < 0 ? next : next[..firstSpace];
        return firstToken.IndexOfAny(['/', '.', '%', '_', '~', '=', '?', '&', '#', '-']) >= 0
            || firstToken.Any(char.IsAsciiDigit);
    }

    internal static Footnote Create(int number, string text)
    {
        var collapsed = Whitespace().Replace(text, " ").Trim();
        var url = Url().Match(collapsed) is { Success: true } m ? TrimUrl(m.Value) : null;
        return new Footnote(number, collapsed, url);
    }

    /// <summary>Drops punctuation that closes the citation rather than the URL ("…/)" or "….pdf.").</summary>
    private static string TrimUrl(string url)
    {
        while (url.Length > 0)
        {
            var last = url[^1];
            var unbalanced = last == ')' && url.Count(c => c == '(') < url.Count(c => c == ')');
            if (last is '.' or ',' or ';' or ':' or '»' or '”' or '’' || unbalanced)
            {
                url = url[..^1];
                continue;
            }

            break;
        }

        return url;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    [GeneratedRegex("^\uE000(\\d+)\uE001")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"(?:https?://|www\.)")]
    private static partial Regex UrlStart();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
