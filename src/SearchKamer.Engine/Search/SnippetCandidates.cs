using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchKamer.Search;

/// <summary>
/// Which texts of a page's pairs hold a word their snippet would mark, read from the postings of the words for the
/// page's pairs only. A text that holds none is shown plain without being analysed again: analysing the shown texts
/// was a quarter of a broad search, and a fifth to a half of them hold no mark (the word stood in the other text of
/// the pair, or only in the subject). Only a field whose marks all come from listed words (terms and phrase words)
/// is known this way; one with a prefix, wildcard or fuzzy term is always analysed. For a known field the positions
/// of the words are read too, so the highlighter finds them by tokenizing the text alone (<see cref="WordsAt"/>).
/// </summary>
internal sealed class SnippetCandidates
{
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    // Per text that holds a listed word (a text of a known field missing here holds none), at each of its positions
    // the listed words there: read from the postings with the docs, so that the text need only be tokenized to find
    // where they stand (not analysed again to find them).
    private readonly Dictionary<(int Doc, string Field), Dictionary<int, List<string>>> _at = [];

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

    /// <summary>
    /// The listed words of <paramref name="field"/> of pair <paramref name="doc"/> by position (the index's positions: a
    /// token's number in the text, stop words counted): empty when the text holds none, so it has no mark; null when the
    /// field is not known this way.
    /// </summary>
    public IReadOnlyDictionary<int, List<string>>? WordsAt(int doc, string field) =>
        !_known.Contains(field) ? null : _at.TryGetValue((doc, field), out var at) ? at : [];

    private void ReadLeaf(AtomicReaderContext leaf, string field, string[] words, int[] docs)
    {
        var local = docs.Where(d => d >= leaf.DocBase && d < leaf.DocBase + leaf.AtomicReader.MaxDoc).ToArray();
        if (local.Length == 0 || leaf.AtomicReader.GetTerms(field)?.GetEnumerator() is not { } enumerator)
        {
            return;
        }

        DocsAndPositionsEnum? postings = null;
        foreach (var word in words)
        {
            if (!enumerator.SeekExact(new BytesRef(word)))
            {
                continue;
            }

            postings = enumerator.DocsAndPositions(null, postings, DocsAndPositionsFlags.NONE);
            if (postings is null)
            {
                // A field indexed without positions (every text field has them): its texts are analysed in full.
                _known.Remove(field);
                return;
            }

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
                    Record(doc, field, word, postings);
                }
            }
        }
    }

    private void Record(int doc, string field, string word, DocsAndPositionsEnum postings)
    {
        if (!_at.TryGetValue((doc, field), out var at))
        {
            _at[(doc, field)] = at = [];
        }

        for (var i = postings.Freq; i > 0; i--)
        {
            var position = postings.NextPosition();
            if (!at.TryGetValue(position, out var there))
            {
                at[position] = there = new List<string>(1);
            }

            there.Add(word);
        }
    }
}
