using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchKamer.Analysis;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Search;

/// <summary>
/// How one typed word is searched in a text field, so that for the same word the written form ranks above
/// another form of it, and that above a compound that holds it (see docs/relevance.md for the boosts):
/// the stem (any inflection) must match in one of the three ways; the exact form adds to the score; a
/// compound part alone counts for little. Plain words that stand close together add a proximity bonus.
/// </summary>
internal static class WordRanking
{
    /// <summary>Added weight of the word as typed (exact field) on top of its stem.</summary>
    public const float ExactBoost = 1.0f;

    /// <summary>Weight of a match only as part of a compound (rechtsmacht for "macht").</summary>
    public const float PartBoost = 0.2f;

    /// <summary>Weight of all words of a plain query standing within <see cref="ProximitySlop"/> positions.</summary>
    public const float ProximityBoost = 1.5f;

    public const int ProximitySlop = 3;

    private static readonly HashSet<string> Stemmed = [Fields.Question, Fields.Answer, Fields.Subject];

    /// <summary>The stemmed text fields a field name stands for, or null when it names no stemmed text (names, ids).</summary>
    public static IReadOnlyList<string>? Targets(string field, IReadOnlyList<string> defaults)
    {
        if (field == FieldAliases.Default)
        {
            return defaults;
        }

        var resolved = Stemmed.Contains(field) ? field : FieldAliases.Resolve(field);
        return resolved is not null && Stemmed.Contains(resolved) ? [resolved] : null;
    }

    /// <summary>The word's stem and exact form when each chain makes one token of it; else null (stop words, F-35, parlement.com).</summary>
    public static RankedWord? Word(string text)
    {
        var stem = DutchAnalysis.OneTerm(DutchAnalysis.StemmedQuery, Fields.Question, text);
        var exact = stem is null ? null : DutchAnalysis.OneTerm(DutchAnalysis.Exact, Fields.QuestionExact, text);
        return stem is null || exact is null ? null : new RankedWord(stem, exact);
    }

    /// <summary>Per text field, the plain words as a sloppy phrase of their exact forms; none for one word.</summary>
    public static IEnumerable<Query> Proximity(IReadOnlyList<string> fields, IReadOnlyList<string> words)
    {
        if (words.Count < 2)
        {
            yield break;
        }

        var exact = words.Select(w => DutchAnalysis.OneTerm(DutchAnalysis.Exact, Fields.QuestionExact, w)).ToList();
        if (exact.Any(e => e is null))
        {
            yield break;
        }

        foreach (var field in fields)
        {
            var phrase = new NearbyWordsQuery { Slop = ProximitySlop, Boost = ProximityBoost };
            foreach (var e in exact)
            {
                phrase.Add(new Term(Fields.ExactOf(field), e));
            }

            yield return phrase;
        }
    }

    /// <summary>
    /// A phrase the parser made of one typed token in a stemmed field (ADL-hulp, F-35) also matches where a
    /// word stands as a compound part (ADL-hulpverlening), as it did before parts had their own terms.
    /// </summary>
    public static Query? WithParts(Query? query)
    {
        if (query is not PhraseQuery phrase || !Stemmed.Contains(phrase.GetTerms().FirstOrDefault()?.Field ?? ""))
        {
            return query;
        }

        var terms = phrase.GetTerms();
        var positions = phrase.GetPositions();
        var parts = new MultiPhraseQuery { Slop = phrase.Slop, Boost = phrase.Boost };
        for (var i = 0; i < terms.Length; i++)
        {
            parts.Add([terms[i], new Term(terms[i].Field, CompoundParts.Mark(terms[i].Text))], positions[i]);
        }

        return parts;
    }
}

/// <summary>The plain words of a query standing close together: a score bonus (see <see cref="WordRanking.Proximity"/>).</summary>
internal sealed class NearbyWordsQuery : PhraseQuery;

/// <param name="Stem">The word through the stemmed query chain.</param>
/// <param name="Exact">The word lower-cased and folded, as the exact fields hold it.</param>
internal sealed record RankedWord(string Stem, string Exact)
{
    /// <summary>stem OR exact form (boosted) OR compound part (lowered), in one stemmed field and its exact twin.</summary>
    public Query Query(string field) => new WordQuery(field, this);
}

/// <summary>
/// One word in one text field (see <see cref="RankedWord"/>). The written form only adds to the score of a
/// pair its stem already finds, so where only matching counts (under NOT) the word is its stem or part alone.
/// </summary>
internal sealed class WordQuery : BooleanQuery
{
    /// <param name="matchOnly">Without the written form, which only adds to the score (for what a NOT excludes).</param>
    public WordQuery(string field, RankedWord word, bool matchOnly = false)
        : base(disableCoord: true)
    {
        Field = field;
        Word = word;
        Add(new TableTermQuery(new Term(field, word.Stem)), Occur.SHOULD);
        if (!matchOnly)
        {
            Add(new TableTermQuery(new Term(Fields.ExactOf(field), word.Exact)) { Boost = WordRanking.ExactBoost, ScoreOnly = true }, Occur.SHOULD);
        }

        Add(new TableTermQuery(new Term(field, CompoundParts.Mark(word.Stem))) { Boost = WordRanking.PartBoost }, Occur.SHOULD);
    }

    public string Field { get; }

    public RankedWord Word { get; }

    public override Weight CreateWeight(IndexSearcher searcher) => new WordWeight(this, searcher);

    /// <summary>The same pairs without the score-only clause.</summary>
    public WordQuery MatchOnly() => new(Field, Word, matchOnly: true);

    /// <summary>Its terms' weights are read by <see cref="WordAcrossQuery"/>, which walks every field's terms as one list.</summary>
    internal sealed class WordWeight(BooleanQuery query, IndexSearcher searcher) : BooleanWeight(query, searcher, query.CoordDisabled)
    {
        private static readonly float[] NoCoord = [1f, 1f, 1f, 1f];

        public IList<Weight> Terms => m_weights;

        /// <summary>Still its optional terms summed without coordination (a rewrite or a caller may have changed it).</summary>
        public bool Flat => Query is BooleanQuery { CoordDisabled: true, MinimumNumberShouldMatch: 0 } q && q.Clauses.All(c => c.Occur == Occur.SHOULD);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs) =>
            Flat ? FlatDisjunctionScorer.Create(this, [m_weights], context, acceptDocs, NoCoord) : base.GetScorer(context, acceptDocs);
    }
}
