using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace SearchKamer.Search;

/// <summary>
/// A term query that scores as <see cref="TermQuery"/> does, from a table. Under the default similarity a
/// term's score in a doc depends on the doc only through its norm byte and the term's frequency there, so each
/// (norm, frequency) is scored once by Lucene's own scorer and then looked up: a common word scores a hundred
/// thousand pairs per search, and scoring each through three virtual calls, a square root and the norm table
/// was a third of its search.
/// </summary>
internal sealed class TableTermQuery(Term term) : TermQuery(term)
{
    /// <summary>
    /// Only adds to the score of docs that other terms of the same disjunction find (a word's written form, whose
    /// docs its stem already finds): <see cref="FlatDisjunctionScorer"/> then moves it only to docs it scores.
    /// </summary>
    public bool ScoreOnly { get; init; }

    public override Weight CreateWeight(IndexSearcher searcher) => new TableTermWeight(this, searcher);

    // A score-only term finds no docs of its own, so it is not the same query as the term that does.
    public override bool Equals(object? obj) => obj is TableTermQuery other && other.ScoreOnly == ScoreOnly && base.Equals(obj);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), ScoreOnly);

    private sealed class TableTermWeight : Weight
    {
        private readonly TableTermQuery _query;
        private readonly TermContext _states;
        private readonly Similarity _similarity;
        private readonly Similarity.SimWeight _stats;

        // Shared by the segments and stretches a search walks side by side: each slot is only ever written with
        // the one value Lucene's scorer gives it (NaN: not yet scored).
        private readonly float[]? _table;

        private const int TableSlots = 256 * TableTermScorer.Frequencies;

        public TableTermWeight(TableTermQuery query, IndexSearcher searcher)
        {
            _query = query;
            _states = TermContext.Build(searcher.TopReaderContext, query.Term);
            _similarity = searcher.Similarity;
            _stats = _similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(query.Term.Field), searcher.TermStatistics(query.Term, _states));
            // A table for a term of fewer docs than slots would cost more to fill and clear than it saves.
            if (_similarity.GetType() == typeof(DefaultSimilarity) && _states.DocFreq >= TableSlots)
            {
                _table = new float[TableSlots];
                Array.Fill(_table, float.NaN);
            }
        }

        public override Query Query => _query;

        public override float GetValueForNormalization() => _stats.GetValueForNormalization();

        public override void Normalize(float queryNorm, float topLevelBoost) => _stats.Normalize(queryNorm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            if (_states.Get(context.Ord) is not { } state)
            {
                return null;
            }

            var terms = context.AtomicReader.GetTerms(_query.Term.Field).GetEnumerator();
            terms.SeekExact(_query.Term.Bytes, state);
            var norms = context.AtomicReader.GetNormValues(_query.Term.Field);
            return new TableTermScorer(this, terms.Docs(acceptDocs, null), _similarity.GetSimScorer(_stats, context), norms, norms is null ? null : _table);
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            if (GetScorer(context, context.AtomicReader.LiveDocs) is { } scorer && scorer.Advance(doc) == doc)
            {
                var freq = scorer.Freq;
                var explained = _similarity.GetSimScorer(_stats, context).Explain(doc, new Explanation(freq, $"termFreq={freq}"));
                var result = new ComplexExplanation(true, explained.Value, $"weight({_query} in {doc}) [{_similarity.GetType().Name}], result of:");
                result.AddDetail(explained);
                return result;
            }

            return new ComplexExplanation(false, 0f, "no matching term");
        }
    }
}

/// <summary>A term's postings, scored from the table of its weight (see <see cref="TableTermQuery"/>).</summary>
internal sealed class TableTermScorer(Weight weight, DocsEnum docs, Similarity.SimScorer scorer, NumericDocValues? norms, float[]? table)
    : Scorer(weight)
{
    // Frequencies below this are looked up; a pair rarely holds a word more often.
    internal const int Frequencies = 8;

    public override int DocID => docs.DocID;

    public override int Freq => docs.Freq;

    public override int NextDoc() => docs.NextDoc();

    public override int Advance(int target) => docs.Advance(target);

    public override long GetCost() => docs.GetCost();

    public override float GetScore() => ScoreAt(docs.DocID, docs.Freq);

    /// <summary>
    /// The term's score in <paramref name="doc"/> had it occurred <paramref name="freq"/> times there, without moving
    /// the postings: a score never falls as the frequency rises, so this also bounds the score at any lower frequency.
    /// </summary>
    public float ScoreAt(int doc, int freq)
    {
        if (table is null || freq >= Frequencies)
        {
            return scorer.Score(doc, freq);
        }

        var slot = ((int)norms!.Get(doc) & 0xFF) * Frequencies + freq;
        var score = table[slot];
        if (float.IsNaN(score))
        {
            table[slot] = score = scorer.Score(doc, freq);
        }

        return score;
    }
}
