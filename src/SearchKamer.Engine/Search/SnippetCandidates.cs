using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchKamer.Search;

/// <summary>
/// Which texts of a page's pairs hold a word their snippet would mark, read from the postings of the words for the
/// page's pairs only. A text that holds none is shown plain without being analysed again: analysing the shown texts
/// was a quarter of a broad search, and a fifth to a half of them hold no mark (the word stood in the other text of
/// the pair, or only in the subject). Only a field whose marks all come from listed words (terms and phrase words)
/// is known this way; one with a prefix, wildcard or fuzzy term is always analysed.
/// </summary>
internal sealed class SnippetCandidates
{
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly HashSet<(int Doc, string Field)> _holding = [];

    public static SnippetCandidates Read(IndexSearcher searcher, IReadOnlyDictionary<string, FieldTerms> terms, IEnumerable<int> pairDocs)
    {
        var candidates = new SnippetCandidates();
        var docs = pairDocs.Distinct().Order().ToArray();
        foreach (var (field, wanted) in terms.Where(t => t.Value.Expanding.Count == 0))
        {
            candidates._known.Add(field);
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                candidates.ReadLeaf(leaf, field, [.. wanted.Terms.Union(wanted.PhraseWords)], docs);
            }
        }

        return candidates;
    }

    /// <summary>Whether the text of <paramref name="field"/> of pair <paramref name="doc"/> may hold a mark (true when not known).</summary>
    public bool MayMark(int doc, string field) => !_known.Contains(field) || _holding.Contains((doc, field));

    private void ReadLeaf(AtomicReaderContext leaf, string field, string[] words, int[] docs)
    {
        var local = docs.Where(d => d >= leaf.DocBase && d < leaf.DocBase + leaf.AtomicReader.MaxDoc).ToArray();
        if (local.Length == 0 || leaf.AtomicReader.GetTerms(field)?.GetEnumerator() is not { } enumerator)
        {
            return;
        }

        DocsEnum? postings = null;
        foreach (var word in words)
        {
            if (!enumerator.SeekExact(new BytesRef(word)))
            {
                continue;
            }

            postings = enumerator.Docs(null, postings, DocsFlags.NONE);
            foreach (var doc in local)
            {
                var target = doc - leaf.DocBase;
                var at = postings.DocID >= target ? postings.DocID : postings.Advance(target);
                if (at == DocIdSetIterator.NO_MORE_DOCS)
                {
                    break;
                }

                if (at == target)
                {
                    _holding.Add((doc, field));
                }
            }
        }
    }
}
