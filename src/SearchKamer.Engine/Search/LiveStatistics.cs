using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchKamer.Indexing;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Search;

/// <summary>
/// Word counts over live records only. Lucene's own DocFreq still counts a replaced or deleted record until a merge
/// drops it, so statistics built on it depend on merge state: re-adding one document (an update, the inbox, sync)
/// would change which words another document's similar questions are chosen by, and how they score.
/// The cost stays small: a segment without deletions answers from its terms dictionary as before; only segments
/// with deletions walk a word's postings, and a walk stops once the word is known to be too common to matter.
/// </summary>
internal static class LiveStatistics
{
    private static readonly ConditionalWeakTable<IndexReader, StrongBox<int>> PairCounts = [];

    /// <summary>Live pair records; counted once per reader (a searcher generation), not once per request.</summary>
    public static int Pairs(IndexReader reader) =>
        PairCounts.GetValue(reader, r => new StrongBox<int>(DocFreq(r, new Term(Fields.Level, Fields.LevelPair)))).Value;

    /// <summary>Live document records: what the words of a field only they carry (the subject) are counted among.</summary>
    public static int Records(IndexReader reader) => Math.Max(1, reader.NumDocs - Pairs(reader));

    /// <summary>Live records holding <paramref name="term"/>; any count above <paramref name="cap"/> comes back as cap + 1.</summary>
    public static int DocFreq(IndexReader reader, Term term, int cap = int.MaxValue - 1)
    {
        var total = 0;
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var raw = segment.DocFreq(term);
            if (raw == 0)
            {
                continue;
            }

            if (segment.LiveDocs is null)
            {
                total += raw;
            }
            else if (raw - (segment.MaxDoc - segment.NumDocs) > cap - total)
            {
                // More live records than the cap allows even if every deleted one held the word.
                return cap + 1;
            }
            else if (segment.GetTermDocsEnum(term) is { } docs)
            {
                while (total <= cap && docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    total++;
                }
            }

            if (total > cap)
            {
                return cap + 1;
            }
        }

        return total;
    }

    /// <summary>
    /// A searcher whose scores for the text fields use live counts (the similar-questions query): the same live
    /// records score the same whatever deleted records the segments still hold.
    /// </summary>
    public sealed class Searcher(IndexReader reader) : IndexSearcher(reader)
    {
        public override TermStatistics TermStatistics(Term term, TermContext context) =>
            IsText(term.Field) ? new TermStatistics(term.Bytes, DocFreq(IndexReader, term), -1) : base.TermStatistics(term, context);

        public override CollectionStatistics CollectionStatistics(string field) =>
            IsText(field) ? new CollectionStatistics(field, IndexSchema.IsDocumentOnly(field) ? Records(IndexReader) : IndexReader.NumDocs, -1, -1, -1) : base.CollectionStatistics(field);

        private static bool IsText(string field) => field is Fields.Question or Fields.Answer or Fields.Subject;
    }
}
