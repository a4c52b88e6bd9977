using System.Net;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Search.VectorHighlight;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Search;

/// <summary>
/// Snippets from term vectors (FastVectorHighlighter): matches of the stemmed and the exact field
/// are merged into one snippet of the stored text. The text is HTML-encoded before &lt;mark&gt; goes in.
/// </summary>
internal sealed class Highlighter(Query query, IndexReader reader)
{
    private const int FragmentChars = 220;
    private const int PlainChars = 240;
    private static readonly string[] Pre = ["<mark>"];
    private static readonly string[] Post = ["</mark>"];

    private readonly FastVectorHighlighter _fvh = new(phraseHighlight: true, fieldMatch: true);
    private readonly IEncoder _encoder = new SimpleHTMLEncoder();
    private FieldQuery? _fieldQuery;

    public string Snippet(int doc, string field, string storedText)
    {
        _fieldQuery ??= _fvh.GetFieldQuery(query, reader);
        var matched = new HashSet<string> { field, Fields.ExactOf(field) };
        var fragments = _fvh.GetBestFragments(_fieldQuery, reader, doc, field, matched, FragmentChars, 2,
            new SimpleFragListBuilder(), new ScoreOrderFragmentsBuilder(), Pre, Post, _encoder);
        if (fragments is { Length: > 0 })
        {
            return string.Join(" … ", fragments);
        }

        var plain = storedText.Length <= PlainChars ? storedText : storedText[..PlainChars] + "…";
        return WebUtility.HtmlEncode(plain);
    }
}
