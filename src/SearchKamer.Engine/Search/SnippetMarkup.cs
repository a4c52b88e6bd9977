using System.Net;
using System.Text;

namespace SearchKamer.Search;

/// <summary>A highlighted part of <see cref="MarkedText.Text"/>: UTF-16 offsets, as JavaScript's String indexes them.</summary>
public sealed record Highlight(int Start, int Length);

/// <summary>A snippet for API users: the plain text and where its highlights are, so they need not parse HTML.</summary>
public sealed record MarkedText(string Text, IReadOnlyList<Highlight> Highlights);

/// <summary>
/// The snippets' HTML: text with only the five markup characters escaped (so "Israël" stays "Israël", not
/// "Isra&amp;#235;l" as WebUtility.HtmlEncode writes it) and &lt;mark&gt; around matches; and the way back to plain text with ranges.
/// </summary>
public static class SnippetMarkup
{
    private const string Open = "<mark>";
    private const string Close = "</mark>";

    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var html = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            html.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return html.ToString();
    }

    /// <summary>Reads a snippet written by <see cref="Escape"/> and &lt;mark&gt; back into text and highlight ranges.</summary>
    public static MarkedText Parse(string snippetHtml)
    {
        var text = new StringBuilder(snippetHtml.Length);
        var highlights = new List<Highlight>();
        var at = 0;
        while (at < snippetHtml.Length)
        {
            var open = snippetHtml.IndexOf(Open, at, StringComparison.Ordinal);
            if (open < 0)
            {
                text.Append(WebUtility.HtmlDecode(snippetHtml[at..]));
                break;
            }

            text.Append(WebUtility.HtmlDecode(snippetHtml[at..open]));
            var close = snippetHtml.IndexOf(Close, open, StringComparison.Ordinal);
            var end = close < 0 ? snippetHtml.Length : close;
            var marked = WebUtility.HtmlDecode(snippetHtml[(open + Open.Length)..end]);
            highlights.Add(new Highlight(text.Length, marked.Length));
            text.Append(marked);
            at = close < 0 ? end : close + Close.Length;
        }

        return new MarkedText(text.ToString(), highlights);
    }
}
