using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchKamer.Analysis;
using SearchKamer.Search;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Tests.Search;

/// <summary>
/// Our scorers for the shapes every search has (a phrase or prefix in question or answer, a word in its fields)
/// must find and score exactly as Lucene's general boolean scorers do.
/// </summary>
[Collection(CorpusIndexCollection.Name)]
public class FastScorerTests(CorpusIndexFixture corpus)
{
    [Theory]
    [InlineData("gemeente", SearchIn.Both)]
    [InlineData("onderzoek", SearchIn.Both)] // pairs whose written word is rarer than its stem ("onderzoeken" beside it)
    [InlineData("externe inhuur", SearchIn.Both)]
    [InlineData("gemeente OR provincie", SearchIn.Both)]
    [InlineData("jeugdzorg -gemeente", SearchIn.Both)]
    [InlineData("escortbureau", SearchIn.Both)]
    [InlineData("minister", SearchIn.Question)]
    [InlineData("ministerraad kabinet", SearchIn.Answer)]
    public void A_word_walked_as_one_list_of_postings_finds_the_same_pairs_with_the_same_scores_as_nested_boolean_queries(string input, SearchIn searchIn)
    {
        var parsed = new UserQueryParser(FieldAliases.TextFields(searchIn)).Parse(input);
        Assert.True(Contains<WordAcrossQuery>(parsed) || Contains<WordQuery>(parsed), $"{input}: {parsed}");
        AssertSameHits(parsed, parsed);
    }

    [Theory]
    [InlineData("minister", SearchIn.Both)]
    [InlineData("minister", SearchIn.Question)]
    [InlineData("\"de minister\"", SearchIn.Both)]
    public void A_plain_word_or_phrase_is_walked_by_one_flat_scorer_in_every_segment_that_holds_it(string input, SearchIn searchIn)
    {
        var parsed = new UserQueryParser(FieldAliases.TextFields(searchIn)).Parse(input);
        AssertEverySegmentScoredBy<FlatDisjunctionScorer>(parsed);
    }

    [Fact]
    public void A_words_explanation_gives_the_score_lucenes_own_term_queries_give()
    {
        var parsed = new UserQueryParser(FieldAliases.TextFields(SearchIn.Both)).Parse("minister");
        var searcher = corpus.Index.Searchers.Acquire();
        try
        {
            var hits = Hits(searcher, Generalise(parsed));
            Assert.NotEmpty(hits);
            foreach (var (doc, score) in hits.Take(20))
            {
                var explained = searcher.Explain(parsed, doc);
                Assert.True(explained.IsMatch, explained.ToString());
                Assert.Equal(score, explained.Value, 5);
            }
        }
        finally
        {
            corpus.Index.Searchers.Release(searcher);
        }
    }

    [Theory]
    [InlineData("\"externe inhuur\"")]
    [InlineData("\"de minister\"~3 gemeente")]
    [InlineData("inhuur*")]
    [InlineData("\"gemeente\" OR provincie")]
    [InlineData("jeugd* -gemeente")]
    [InlineData("ministr~")]
    [InlineData("\"escortbureau\"")]
    [InlineData("escortbur*")]
    [InlineData("minister*")]
    [InlineData("jeugd* gemeente")]
    [InlineData("wacht* OR inhuur*")]
    [InlineData("onder*^3 gemeente")]
    public void Either_query_finds_the_same_pairs_with_the_same_scores_as_a_boolean_query(string input)
    {
        var parsed = new UserQueryParser(FieldAliases.TextFields(SearchIn.Both)).Parse(input);
        Assert.True(Contains<EitherQuery>(parsed), $"{input}: {parsed}");
        AssertSameHits(parsed, parsed);
    }

    [Theory]
    [InlineData("gemeente OR provincie", SearchIn.Both)]
    [InlineData("gemeente OR provincie", SearchIn.Question)]
    [InlineData("jeugdzorg OR wachtlijsten", SearchIn.Both)]
    [InlineData("financiën", SearchIn.Both)] // read as "financiën OR fin": the ministry's abbreviation is its synonym
    [InlineData("\"de minister\" OR kabinet", SearchIn.Answer)]
    [InlineData("gemeente OR provincie OR rijk", SearchIn.Both)]
    [InlineData("minister OR staatssecretaris OR kabinet OR bewindspersoon", SearchIn.Both)]
    [InlineData("gemeente OR (provincie -belasting)", SearchIn.Both)] // rebuilt around its NOT, it stays alternatives
    public void Alternatives_with_a_word_among_them_are_scored_as_a_boolean_query_scores_them(string input, SearchIn searchIn)
    {
        var query = QueryReader.Read(input, searchIn).Query!;
        Assert.IsType<AlternativesQuery>(query);
        AssertEverySegmentScoredBy<AlternativesScorer>(query);
        AssertSameHits(query, query);
    }

    [Theory]
    [InlineData("(gemeente NOT belasting)^3 OR provincie", 3f)] // rebuilt as an except query
    [InlineData("(gemeente OR (provincie -belasting))^2 kabinet", 2f)] // rebuilt as alternatives
    public void A_boost_typed_on_a_group_with_a_not_inside_survives_the_groups_rebuilding(string input, float typed)
    {
        var group = ((BooleanQuery)QueryReader.Read(input, SearchIn.Both).Query!).Clauses[0].Query;
        Assert.Equal(typed, group.Boost);
    }

    // Their hits and scores are checked against Lucene's boolean scorer with the other either-queries above.
    [Theory]
    [InlineData("inhuur*")]
    [InlineData("minister*")]
    [InlineData("jeugd*")]
    [InlineData("wacht*")]
    [InlineData("onder*^3")]
    public void A_prefix_in_question_and_answer_is_walked_over_the_union_of_its_bit_sets(string prefix) =>
        AssertEverySegmentScoredBy<BitsEitherScorer>(new UserQueryParser(FieldAliases.TextFields(SearchIn.Both)).Parse(prefix));

    /// <summary>
    /// The flat scorer visits only the terms on a doc while they fit one 64-bit mask, and every term beyond that: a word
    /// with many more terms (a caller may add clauses) scores as Lucene's boolean query either way.
    /// </summary>
    [Theory]
    [InlineData(60)]
    [InlineData(70)]
    public void A_word_with_many_more_terms_scores_as_a_boolean_query_on_either_side_of_sixty_four_terms(int added)
    {
        var word = new WordQuery(Fields.Question, WordRanking.Word("gemeente")!);
        var searcher = corpus.Index.Searchers.Acquire();
        try
        {
            // The commonest words of the questions, so that pairs hold several of them at once.
            var common = searcher.IndexReader.Leaves.SelectMany(l => Terms(l.AtomicReader, Fields.Question))
                .Where(t => !t.Utf8ToString().StartsWith(CompoundParts.Mark(""), StringComparison.Ordinal)).Distinct()
                .OrderByDescending(t => searcher.IndexReader.DocFreq(new Term(Fields.Question, t))).Take(added).ToList();
            Assert.Equal(added, common.Count);
            foreach (var term in common)
            {
                word.Add(new TableTermQuery(new Term(Fields.Question, term)), Occur.SHOULD);
            }
        }
        finally
        {
            corpus.Index.Searchers.Release(searcher);
        }

        AssertEverySegmentScoredBy<FlatDisjunctionScorer>(word);
        AssertSameHits(word, word);
    }

    [Fact]
    public void A_segment_that_holds_the_word_in_one_field_only_scores_it_as_a_boolean_query_does()
    {
        var searcher = corpus.Index.Searchers.Acquire();
        try
        {
            var leaves = searcher.IndexReader.Leaves;
            // A word in the questions of one segment, absent from its answers but present in another segment's.
            var word = leaves.SelectMany(leaf => Terms(leaf.AtomicReader, Fields.Question)
                    .Where(t => leaf.AtomicReader.DocFreq(new Term(Fields.Answer, t)) == 0
                        && leaves.Any(other => other.AtomicReader.DocFreq(new Term(Fields.Answer, t)) > 0)))
                .First();
            var fast = new EitherQuery(new TermQuery(new Term(Fields.Question, word)), new TermQuery(new Term(Fields.Answer, word)));

            var general = Hits(searcher, Generalise(fast));
            Assert.NotEmpty(general);
            Assert.Equal(general, Hits(searcher, fast));
        }
        finally
        {
            corpus.Index.Searchers.Release(searcher);
        }
    }

    [Theory]
    [InlineData(Fields.Question)]
    [InlineData(Fields.Answer)]
    public void Every_pair_that_holds_a_words_written_form_holds_its_stem_so_the_written_form_may_follow_the_stem(string field)
    {
        // The flat scorer moves a word's written form only to pairs its stem (or part) found: sound only if no
        // pair holds the written form without the stem. Checked for every written form the corpus holds.
        var searcher = corpus.Index.Searchers.Acquire();
        try
        {
            var checkedWords = 0;
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var reader = leaf.AtomicReader;
                foreach (var exact in Terms(reader, Fields.ExactOf(field)))
                {
                    var text = exact.Utf8ToString();
                    if (WordRanking.Word(text) is not { } word || word.Exact != text)
                    {
                        continue;
                    }

                    var stem = Docs(reader, new Term(field, word.Stem));
                    Assert.True(Docs(reader, new Term(Fields.ExactOf(field), exact)).IsSubsetOf(stem), $"{field}: \"{text}\" without its stem {word.Stem}");
                    checkedWords++;
                }
            }

            Assert.True(checkedWords > 1000, $"only {checkedWords} written forms checked");
        }
        finally
        {
            corpus.Index.Searchers.Release(searcher);
        }
    }

    [Theory]
    [InlineData("gemeente NOT belasting")]
    [InlineData("jeugdzorg -gemeente")]
    [InlineData("minister NOT (inhuur OR gemeente)")]
    [InlineData("gemeente -belasting -provincie")]
    public void A_word_under_not_excludes_the_same_pairs_without_its_written_form(string input)
    {
        var full = new UserQueryParser(FieldAliases.TextFields(SearchIn.Both)).Parse(input);
        var read = QueryReader.Read(input, SearchIn.Both).Query!;
        Assert.IsType<ExceptQuery>(read);
        // The excluded words keep no clause on an exact field; the required words keep theirs.
        Assert.DoesNotContain(Excluded(read), t => t.Field.EndsWith("_exact", StringComparison.Ordinal));
        Assert.Contains(Excluded(full), t => t.Field.EndsWith("_exact", StringComparison.Ordinal));
        AssertSameHits(full, read);
    }

    [Fact]
    public void A_score_only_term_is_not_the_same_query_as_the_term_that_finds_pairs()
    {
        var term = new Term(Fields.QuestionExact, "gemeente");
        var finds = new TableTermQuery(term);
        var scores = new TableTermQuery(term) { ScoreOnly = true };

        Assert.NotEqual<Query>(finds, scores);
        Assert.Equal<Query>(scores, new TableTermQuery(term) { ScoreOnly = true });
        Assert.Equal(scores.GetHashCode(), new TableTermQuery(term) { ScoreOnly = true }.GetHashCode());
        Assert.Equal<Query>(finds, new TableTermQuery(term));
    }

    /// <summary>Every segment that matches the query at all is walked by a scorer of type <typeparamref name="T"/>.</summary>
    private void AssertEverySegmentScoredBy<T>(Query query)
        where T : Scorer
    {
        var searcher = corpus.Index.Searchers.Acquire();
        try
        {
            var weight = searcher.CreateNormalizedWeight(query);
            var scorers = searcher.IndexReader.Leaves.Select(leaf => weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs)).OfType<Scorer>().ToList();
            Assert.NotEmpty(scorers);
            Assert.All(scorers, s => Assert.IsType<T>(s));
        }
        finally
        {
            corpus.Index.Searchers.Release(searcher);
        }
    }

    private void AssertSameHits(Query full, Query read)
    {
        var searcher = corpus.Index.Searchers.Acquire();
        try
        {
            var expected = Hits(searcher, Generalise(full));
            Assert.NotEmpty(expected);
            Assert.Equal(expected, Hits(searcher, read));
        }
        finally
        {
            corpus.Index.Searchers.Release(searcher);
        }
    }

    private static IEnumerable<Term> Excluded(Query q, bool under = false) => q switch
    {
        BooleanQuery b => b.Clauses.SelectMany(c => Excluded(c.Query, under || c.Occur == Occur.MUST_NOT)),
        TermQuery t when under => [t.Term],
        _ => [],
    };

    /// <summary>
    /// Hits scored in doc order, as the engine collects them: asked for out-of-order docs, Lucene scores a
    /// pure disjunction with its bucket scorer and never asks the weight for a scorer.
    /// </summary>
    private static List<(int Doc, float Score)> Hits(IndexSearcher searcher, Query query)
    {
        var collector = TopScoreDocCollector.Create(searcher.IndexReader.MaxDoc, docsScoredInOrder: true);
        searcher.Search(query, collector);
        return [.. collector.GetTopDocs().ScoreDocs.Select(d => (d.Doc, d.Score))];
    }

    private static IEnumerable<BytesRef> Terms(AtomicReader reader, string field)
    {
        var terms = reader.GetTerms(field)?.GetEnumerator();
        while (terms is not null && terms.MoveNext())
        {
            yield return BytesRef.DeepCopyOf(terms.Term);
        }
    }

    private static HashSet<int> Docs(AtomicReader reader, Term term)
    {
        var docs = new HashSet<int>();
        var postings = reader.GetTermDocsEnum(term);
        for (var doc = postings?.NextDoc() ?? DocIdSetIterator.NO_MORE_DOCS; doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings!.NextDoc())
        {
            docs.Add(doc);
        }

        return docs;
    }

    private static bool Contains<T>(Query q) => q is T || (q is BooleanQuery b && b.Clauses.Any(c => Contains<T>(c.Query)));

    /// <summary>The same query with every clause list a plain <see cref="BooleanQuery"/> and every term a plain <see cref="TermQuery"/>.</summary>
    private static Query Generalise(Query q)
    {
        if (q is TermQuery t)
        {
            // Lucene's own term scorer, not our table of its scores.
            return new TermQuery(t.Term) { Boost = t.Boost };
        }

        if (q is not BooleanQuery b)
        {
            return q;
        }

        var plain = new BooleanQuery(b.CoordDisabled) { Boost = b.Boost, MinimumNumberShouldMatch = b.MinimumNumberShouldMatch };
        foreach (var c in b.Clauses)
        {
            plain.Add(Generalise(c.Query), c.Occur);
        }

        return plain;
    }
}
