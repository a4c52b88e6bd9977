using System.Net;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Search.VectorHighlight;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Search;

/// <summary>
/// Snippets from term vectors (FastVectorHighlighter): matches of the stemmed and the exact field
/// are merged into one snippet of the stored text. The text is HTML-encoded before &lt;mark&gt; goes in.
/// One instance per search, used from one thread.
/// </summary>
internal sealed class Highlighter(Query query, IndexReader reader)
{
    private const int FragmentChars = 220;
    private const int PlainChars = 240;
    private static readonly string[] Pre = ["<mark>"];
    private static readonly string[] Post = ["</mark>"];

    private readonly FastVectorHighlighter _fvh = new(phraseHighlight: true, fieldMatch: true);
    private readonly IEncoder _encoder = new SimpleHTMLEncoder();
    private readonly SimpleFragListBuilder _fragLists = new();
    private readonly KnownTextFragments _fragments = new();
    private readonly Dictionary<int, VectorsOnce> _leaves = [];
    private FieldQuery? _fieldQuery;

    public string Snippet(int doc, string field, string storedText)
    {
        // Multi-term queries (prefix) are rewritten against the whole index, once per search.
        _fieldQuery ??= _fvh.GetFieldQuery(query, reader);
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        if (!_leaves.TryGetValue(leaf.Ord, out var vectors))
        {
            _leaves[leaf.Ord] = vectors = new VectorsOnce(leaf.AtomicReader);
        }

        _fragments.Text = storedText;
        var matched = new HashSet<string> { field, Fields.ExactOf(field) };
        var fragments = _fvh.GetBestFragments(_fieldQuery, vectors, doc - leaf.DocBase, field, matched, FragmentChars, 2,
            _fragLists, _fragments, Pre, Post, _encoder);
        if (fragments is { Length: > 0 })
        {
            return string.Join(" … ", fragments);
        }

        var plain = storedText.Length <= PlainChars ? storedText : storedText[..PlainChars] + "…";
        return WebUtility.HtmlEncode(plain);
    }

    /// <summary>
    /// The caller already read the stored text, so the fragments are made from it instead of a second
    /// stored-fields read (a block decompression each) per field and pair.
    /// </summary>
    private sealed class KnownTextFragments : ScoreOrderFragmentsBuilder
    {
        public string Text { get; set; } = "";

        protected override Field[] GetFields(IndexReader reader, int docId, string fieldName) =>
            [new TextField(fieldName, Text, Field.Store.YES)];
    }

    /// <summary>
    /// The highlighter asks for a pair's term vectors once per field it merges (stemmed and exact, for
    /// the question and the answer); each ask decodes all vector fields of the pair. Keep the last one.
    /// Never disposed: that would close the segment reader it wraps.
    /// </summary>
    private sealed class VectorsOnce(AtomicReader segment) : FilterAtomicReader(segment)
    {
        private int _doc = -1;
        private Lucene.Net.Index.Fields? _vectors;

        public override Lucene.Net.Index.Fields GetTermVectors(int docID)
        {
            if (docID != _doc)
            {
                _vectors = base.GetTermVectors(docID);
                _doc = docID;
            }

            return _vectors!;
        }
    }
}
