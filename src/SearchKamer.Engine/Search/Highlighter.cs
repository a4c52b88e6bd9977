using System.Net;
using SearchKamer.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Index.Memory;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Search.VectorHighlight;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Search;

/// <summary>
/// Snippets by the FastVectorHighlighter: matches of the stemmed and the exact field are merged into
/// one snippet of the stored text, which is HTML-encoded before &lt;mark&gt; goes in. The index keeps
/// no term vectors (they were a quarter of indexing time and a third of the index); the few texts a
/// result page shows are analysed again into a one-document memory index instead.
/// One instance per search, used from one thread.
/// </summary>
/// <remarks>
/// The memory index and its reader are kept per thread and reused: every Lucene.Net reader carries a
/// finalizable weak table, and a fresh reader per snippet kept the finalizer thread busy with a tenth
/// of all search CPU. The reader is a live view of the memory index, so a reset does not stale it.
/// </remarks>
internal sealed class Highlighter(Query query)
{
    private const int FragmentChars = 220;
    private const int PlainChars = 240;
    private static readonly string[] Pre = ["<mark>"];
    private static readonly string[] Post = ["</mark>"];

    private readonly FastVectorHighlighter _fvh = new(phraseHighlight: true, fieldMatch: true);
    private readonly IEncoder _encoder = new SimpleHTMLEncoder();
    private readonly SimpleFragListBuilder _fragLists = new();
    private readonly KnownTextFragments _fragments = new();
    [ThreadStatic]
    private static (MemoryIndex Text, IndexReader Reader)? _memory;

    private readonly QueryShape _shape = QueryShape.Of(query);
    private FieldQuery? _fieldQuery;

    public string Snippet(string field, string storedText)
    {
        var exact = Fields.ExactOf(field);
        var wanted = _shape.Fields is not { } queried ? [field, exact] : new[] { field, exact }.Where(queried.Contains).ToArray();
        if (wanted.Length == 0)
        {
            return Plain(storedText);
        }

        var (text, textReader) = _memory ??= NewMemory();
        text.Reset();
        foreach (var f in wanted)
        {
            text.AddField(f, storedText, DutchAnalysis.Index);
        }

        _fragments.Text = storedText;
        var matched = new HashSet<string> { field, exact };
        // A prefix is expanded against the shown text, not the whole index: the highlighter keeps only the
        // 1,024 commonest expansions of an index, which could miss this text's word, and finding those
        // cost two milliseconds per search at a million pairs.
        var fieldQuery = _shape.HasMultiTerm ? _fvh.GetFieldQuery(query, textReader) : _fieldQuery ??= _fvh.GetFieldQuery(query, textReader);
        var fragments = _fvh.GetBestFragments(fieldQuery, textReader, 0, field, matched, FragmentChars, 2,
            _fragLists, _fragments, Pre, Post, _encoder);
        if (fragments is { Length: > 0 })
        {
            return string.Join(" … ", fragments);
        }

        return Plain(storedText);
    }

    private static string Plain(string storedText) =>
        WebUtility.HtmlEncode(storedText.Length <= PlainChars ? storedText : storedText[..PlainChars] + "…");

    private static (MemoryIndex, IndexReader) NewMemory()
    {
        var text = new MemoryIndex(storeOffsets: true);
        return (text, text.CreateSearcher().IndexReader);
    }

    /// <summary>
    /// The caller already read the stored text, so the fragments are made from it instead of a
    /// stored-fields read per field and pair.
    /// </summary>
    private sealed class KnownTextFragments : ScoreOrderFragmentsBuilder
    {
        public string Text { get; set; } = "";

        protected override Field[] GetFields(IndexReader reader, int docId, string fieldName) =>
            [new TextField(fieldName, Text, Field.Store.YES)];
    }
}

/// <param name="Fields">The fields the query can match, or null when that is not known. Analysing a shown
/// text costs more than finding it, so a field the query never names (the exact field of a plain word
/// search, the answer of a question-only search) is not analysed at all.</param>
/// <param name="HasMultiTerm">A prefix, wildcard or fuzzy term, whose expansion depends on the text.</param>
internal sealed record QueryShape(HashSet<string>? Fields, bool HasMultiTerm)
{
    public static QueryShape Of(Query query)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        var multiTerm = false;
        var known = Walk(query, fields, ref multiTerm);
        return new QueryShape(known ? fields : null, multiTerm);
    }

    private static bool Walk(Query query, HashSet<string> fields, ref bool multiTerm)
    {
        switch (query)
        {
            case BooleanQuery b:
                // The highlighter never marks prohibited clauses either.
                return WalkAll(b.Clauses.Where(c => c.Occur != Occur.MUST_NOT).Select(c => c.Query), fields, ref multiTerm);
            case DisjunctionMaxQuery d:
                return WalkAll(d.Disjuncts, fields, ref multiTerm);
            case TermQuery t:
                fields.Add(t.Term.Field);
                return true;
            case PhraseQuery p:
                fields.UnionWith(p.GetTerms().Select(t => t.Field));
                return true;
            case MultiTermQuery m:
                fields.Add(m.Field);
                multiTerm = true;
                return true;
            case MatchAllDocsQuery:
                return true;
            default:
                return false;
        }
    }

    private static bool WalkAll(IEnumerable<Query> queries, HashSet<string> fields, ref bool multiTerm)
    {
        var known = true;
        foreach (var q in queries)
        {
            known &= Walk(q, fields, ref multiTerm);
        }

        return known;
    }
}
