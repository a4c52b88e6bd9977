using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchKamer.Indexing;

namespace SearchKamer.Search;

/// <summary>
/// A query on fields only the document records carry (<see cref="SchemaField.DocumentOnly"/>: subject, names, ids), as
/// the pairs find it: every pair of a matching record, with the record's score. Each pair carried a copy before, which
/// scored the same for all pairs of a document; the copies were a sixth of a bulk load's CPU (docs/benchmarks.md).
/// </summary>
internal sealed class RecordQuery(Query onRecords) : Query
{
    public Query OnRecords { get; } = onRecords;

    /// <summary>A query on one field as pairs find it: through their records where the field lives on those alone.</summary>
    public static Query ForPairs(string field, Query query) => IndexSchema.IsDocumentOnly(field) ? new RecordQuery(query) : query;

    public override Query Rewrite(IndexReader reader) =>
        OnRecords.Rewrite(reader) is var rewritten && !ReferenceEquals(rewritten, OnRecords) ? new RecordQuery(rewritten) { Boost = Boost } : this;

    public override Weight CreateWeight(IndexSearcher searcher) => new RecordWeight(this, OnRecords.CreateWeight(searcher));

    public override void ExtractTerms(ISet<Term> terms) => OnRecords.ExtractTerms(terms);

    public override string ToString(string field) => $"records({OnRecords.ToString(field)}){ToStringUtils.Boost(Boost)}";

    public override bool Equals(object? obj) => obj is RecordQuery other && other.Boost == Boost && other.OnRecords.Equals(OnRecords);

    public override int GetHashCode() => HashCode.Combine(OnRecords, Boost);

    private sealed class RecordWeight(RecordQuery query, Weight inner) : Weight
    {
        public override Query Query => query;

        public override float GetValueForNormalization() => inner.GetValueForNormalization() * query.Boost * query.Boost;

        public override void Normalize(float norm, float topLevelBoost) => inner.Normalize(norm, topLevelBoost * query.Boost);

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var record = ParentBits.For(context.AtomicReader).NextSetBit(doc);
            return record < 0 ? new ComplexExplanation(false, 0f, "no document record") : inner.Explain(context, record);
        }

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            // Records only: an index written before the fields left the pairs finds its pairs too, and their record with them.
            if (inner.GetScorer(context, null) is not { } matches)
            {
                return null;
            }

            var records = ParentBits.For(context.AtomicReader);
            var (found, scores) = (new List<int>(), new List<float>());
            for (var doc = matches.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = matches.NextDoc())
            {
                if (records.Get(doc))
                {
                    found.Add(doc);
                    scores.Add(matches.GetScore());
                }
            }

            if (found.Count == 0)
            {
                return null;
            }

            var docs = BitsFilteredDocIdSet.Wrap(ParentBits.Blocks(records, found), acceptDocs).GetIterator();
            return new BlockScorer(this, docs, found, scores);
        }
    }

    /// <summary>The blocks' docs, each scored as its record: the first found record at or after it, as docs only move on.</summary>
    private sealed class BlockScorer(Weight weight, DocIdSetIterator docs, List<int> records, List<float> scores) : Scorer(weight)
    {
        private int _at;

        public override int DocID => docs.DocID;

        public override int Freq => 1;

        public override float GetScore()
        {
            while (records[_at] < docs.DocID)
            {
                _at++;
            }

            return scores[_at];
        }

        public override int NextDoc() => docs.NextDoc();

        public override int Advance(int target) => docs.Advance(target);

        public override long GetCost() => docs.GetCost();
    }
}
