using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchKamer.Search;

namespace SearchKamer.Tests.Search;

/// <summary>
/// A disjunction read ahead a window at a time (<see cref="DisjunctionWindow"/>) must find, count and score exactly
/// what the same scorer finds walking its terms doc by doc (which <see cref="FastScorerTests"/> hold to Lucene's own
/// boolean scorer), also when it is asked to skip within a window, across one, or far ahead.
/// </summary>
[Collection(CorpusIndexCollection.Name)]
public class ReadAheadTests(CorpusIndexFixture corpus)
{
    [Theory]
    [InlineData("minister", SearchIn.Both)]
    [InlineData("gemeente", SearchIn.Both)]
    [InlineData("onderzoek", SearchIn.Both)]
    [InlineData("kabinet", SearchIn.Answer)]
    [InlineData("gemeente OR provincie", SearchIn.Both)]
    [InlineData("minister OR \"kabinet\"", SearchIn.Both)] // a written word among the leading terms: no table, no windows
    public void A_disjunction_read_in_windows_finds_the_same_pairs_with_the_same_frequencies_and_scores(string input, SearchIn searchIn)
    {
        var query = QueryReader.Read(input, searchIn).Query!;
        var compared = corpus.Index.Read(searcher =>
        {
            var weight = searcher.CreateNormalizedWeight(query);
            var count = 0;
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                // Windows of one word of marks, of several, and of the engine's size; skips of every size: to the next
                // pair, within a window, past one, and far past several.
                foreach (var size in new[] { 64, 192, DisjunctionWindow.Size })
                {
                    foreach (var skips in new[] { Array.Empty<int>(), [2], [3, 40, 1], [size + 7, 1, 1], [5 * size, 2] })
                    {
                        count += Compare(weight, leaf, size, skips);
                    }
                }
            }

            return count;
        });

        Assert.True(compared > 100, $"{input}: only {compared} pairs compared");
    }

    [Theory]
    [InlineData("zorg")]
    [InlineData("kabinet")]
    [InlineData("gemeente")]
    [InlineData("escortbureau")]
    public void A_word_is_read_in_windows_where_its_pairs_are_dense_enough(string word)
    {
        var (docs, postings, inWindows) = corpus.Index.Read(searcher =>
        {
            // The corpus spans several windows of the smaller sizes above, and a few of the engine's.
            var leaf = searcher.IndexReader.Leaves.MaxBy(l => l.AtomicReader.MaxDoc)!;
            var query = QueryReader.Read(word, SearchIn.Both).Query!;
            var scorer = Assert.IsType<FlatDisjunctionScorer>(searcher.CreateNormalizedWeight(query).GetScorer(leaf, leaf.AtomicReader.LiveDocs));
            scorer.ReadAhead();
            return (leaf.AtomicReader.MaxDoc, LeadingPostings(query, leaf.AtomicReader), scorer.InWindows);
        });

        Assert.True(docs > 10 * 64, $"{docs} docs");
        Assert.True(postings > 0, word);
        Assert.Equal(postings * DisjunctionWindow.DocsPerPosting >= docs, inWindows);
    }

    [Theory]
    [InlineData("zorg", null, null)]
    [InlineData("onderzoek", "minister", null)]
    [InlineData("kabinet", "party", null)]
    [InlineData("zorg", "party", "2019-01-01")]
    [InlineData("zorg NOT ziekenhuis", null, null)]
    [InlineData("onderzoek OR kabinet", "minister", null)]
    public void A_search_reading_ahead_answers_exactly_as_one_that_does_not(string query, string? selectIn, string? from)
    {
        // The facet value chosen is the word's most frequent one, so the selection fails most documents: the collector
        // then skips past each failing document's other pairs, within the window.
        var plain = new SearchEngine(corpus.Index, SearchLimits.Default with { ReadAhead = false });
        var request = new SearchRequest { Query = query, From = from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture) };
        if (selectIn is not null)
        {
            var top = plain.Search(request).Facets[selectIn].First().Value;
            request = request with { Selections = new Dictionary<string, IReadOnlyList<string>> { [selectIn] = [top] } };
        }

        // The first and second page by relevance, and the first by date.
        foreach (var (page, sort) in new[] { (1, SortOrder.Relevance), (2, SortOrder.Relevance), (1, SortOrder.Newest) })
        {
            var expected = plain.Search(request with { Page = page, Sort = sort });
            var actual = corpus.Engine.Search(request with { Page = page, Sort = sort });
            Assert.True(expected.Total > 0, $"{query}: no hits");
            Assert.Equal(Json(expected), Json(actual));
        }
    }

    /// <summary>The postings of the query's terms that find pairs (not its written forms, which only score).</summary>
    private static long LeadingPostings(Query query, AtomicReader reader) => query switch
    {
        BooleanQuery b => b.Clauses.Sum(c => LeadingPostings(c.Query, reader)),
        TableTermQuery { ScoreOnly: false } t => reader.DocFreq(t.Term),
        _ => 0,
    };

    private static string Json(SearchResponse r) => JsonSerializer.Serialize(r with { TookMs = 0 });

    /// <summary>
    /// Walks the leaf doc by doc and read ahead in windows of <paramref name="size"/> side by side, skipping as <paramref name="skips"/> says in turn (0 entries:
    /// never), and compares each doc; returns how many were compared.
    /// </summary>
    private static int Compare(Weight weight, AtomicReaderContext leaf, int size, int[] skips)
    {
        var plain = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
        var ahead = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
        if (plain is null)
        {
            return 0;
        }

        (ahead as FlatDisjunctionScorer)?.ReadInWindows(size);
        var compared = 0;
        var (doc, other) = (plain.NextDoc(), ahead!.NextDoc());
        for (var step = 0; doc != DocIdSetIterator.NO_MORE_DOCS; step++)
        {
            Assert.Equal(doc, other);
            Assert.Equal(plain.Freq, ahead.Freq);
            Assert.Equal(((IBoundedScorer)plain).GetScore(1e30f), ((IBoundedScorer)ahead).GetScore(1e30f));
            Assert.Equal(plain.GetScore(), ahead.GetScore());
            compared++;
            var skip = skips.Length == 0 ? 1 : skips[step % skips.Length];
            (doc, other) = skip == 1 ? (plain.NextDoc(), ahead.NextDoc()) : (plain.Advance(doc + skip), ahead.Advance(other + skip));
        }

        Assert.Equal(DocIdSetIterator.NO_MORE_DOCS, other);
        return compared;
    }
}
