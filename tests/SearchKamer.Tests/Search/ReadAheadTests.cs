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

    [Theory]
    [InlineData("gemeente NOT belasting", true)]
    [InlineData("zorg NOT ziekenhuis", true)]
    [InlineData("zorg NOT gemeente", true)] // walked doc by doc, it excludes pairs past those checked against the postings before the bit set
    [InlineData("gemeente -belasting -provincie", true)]
    [InlineData("gemeente NOT (inhuur OR jeugdzorg)", true)]
    [InlineData("minister NOT \"tweede kamer\"", false)] // a phrase is asked doc by doc, through the NOT's own scorer
    public void A_not_read_in_windows_finds_the_pairs_and_scores_of_lucenes_own_boolean_query(string input, bool requiredAlone)
    {
        var except = Assert.IsType<ExceptQuery>(QueryReader.Read(input, SearchIn.Both).Query);
        var lucene = new BooleanQuery(except.CoordDisabled) { Boost = except.Boost };
        foreach (var clause in except.Clauses)
        {
            lucene.Add(clause.Query, clause.Occur);
        }

        var (compared, alone) = corpus.Index.Read(searcher =>
        {
            var (weight, expectedWeight) = (searcher.CreateNormalizedWeight(except), searcher.CreateNormalizedWeight(lucene));
            var (count, walkedAlone) = (0, 0);
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                foreach (var size in new[] { 64, 192, DisjunctionWindow.Size })
                {
                    foreach (var skips in new[] { Array.Empty<int>(), [3, 40, 1], [size + 7, 1, 1] })
                    {
                        if (expectedWeight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) is not { } expected)
                        {
                            continue;
                        }

                        var scorer = Assert.IsType<ExceptQuery.ExceptScorer>(weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs));
                        var walked = scorer.ReadAhead(flat => flat.ReadInWindows(size));
                        walkedAlone += walked is FlatDisjunctionScorer { InWindows: true } ? 1 : 0;
                        count += Walk(expected, walked, skips, bounds: false);
                    }
                }

                // Not read ahead (a page's pairs scored again, or a NOT inside another query), it is walked doc by doc.
                if (expectedWeight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) is { } docByDoc)
                {
                    count += Walk(docByDoc, weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs)!, [], bounds: false);
                }
            }

            return (count, walkedAlone);
        });

        Assert.True(compared > 50, $"{input}: only {compared} pairs compared");
        // Where the excluded words are read in the required word's windows, that word is walked alone.
        Assert.Equal(requiredAlone, alone > 0);
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
        return Walk(plain, ahead!, skips, bounds: true);
    }

    /// <summary>Walks two scorers side by side, skipping as <paramref name="skips"/> says in turn, and compares each doc and score (with <paramref name="bounds"/>, also frequency and bound).</summary>
    private static int Walk(Scorer expected, Scorer actual, int[] skips, bool bounds)
    {
        var compared = 0;
        var (doc, other) = (expected.NextDoc(), actual.NextDoc());
        for (var step = 0; doc != DocIdSetIterator.NO_MORE_DOCS; step++)
        {
            Assert.Equal(doc, other);
            if (bounds)
            {
                // Lucene's boolean scorer counts the clauses that match where ours counts a NOT's required word's groups.
                Assert.Equal(expected.Freq, actual.Freq);
                Assert.Equal(((IBoundedScorer)expected).GetScore(1e30f), ((IBoundedScorer)actual).GetScore(1e30f));
            }

            Assert.Equal(expected.GetScore(), actual.GetScore());
            compared++;
            var skip = skips.Length == 0 ? 1 : skips[step % skips.Length];
            (doc, other) = skip == 1 ? (expected.NextDoc(), actual.NextDoc()) : (expected.Advance(doc + skip), actual.Advance(other + skip));
        }

        Assert.Equal(DocIdSetIterator.NO_MORE_DOCS, other);
        return compared;
    }
}
