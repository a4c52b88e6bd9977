using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using SearchKamer.Indexing;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Search;

/// <summary>"Vergelijkbare vragen": pairs of other documents whose question reads like this one (more-like-this).</summary>
internal static class SimilarQuestions
{
    // Only the key: the record's other stored fields hold the whole document.
    private static readonly HashSet<string> KeyField = [Fields.DocId];

    private const int BoilerplatePercent = 5;

    public static List<DocumentHit> Find(IndexSearcher searcher, int parentDoc, int number, int count)
    {
        var key = searcher.Doc(parentDoc, KeyField).Get(Fields.DocId);
        var pairQuery = new BooleanQuery
        {
            { new TermQuery(new Term(Fields.DocId, key)), Occur.MUST },
            { new TermQuery(new Term(Fields.Level, Fields.LevelPair)), Occur.MUST },
            { new TermQuery(new Term(Fields.Number, number.ToString(System.Globalization.CultureInfo.InvariantCulture))), Occur.MUST },
        };
        var pair = searcher.Search(pairQuery, 1);
        if (pair.TotalHits == 0)
        {
            return [];
        }

        // Question and answer both: the answer names the subject in its own words. Words in more than a
        // twentieth of the pairs ("bericht", "bekend", "kunt", "aangeven") are the boilerplate of every
        // question set and are left out, so the specific content words decide (issue 20).
        var mlt = new MoreLikeThis(searcher.IndexReader)
        {
            Analyzer = FieldAnalyzers.Query,
            FieldNames = [Fields.Question, Fields.Answer],
            MinTermFreq = 1,
            MinDocFreq = 2,
            MaxQueryTerms = 25,
            MinWordLen = 3,
        };
        mlt.SetMaxDocFreqPct(BoilerplatePercent);
        var like = mlt.Like(pair.ScoreDocs[0].Doc);
        var query = new BooleanQuery
        {
            { like, Occur.MUST },
            { new TermQuery(new Term(Fields.Level, Fields.LevelPair)), Occur.MUST },
            { new TermQuery(new Term(Fields.DocId, key)), Occur.MUST_NOT },
        };

        var hits = searcher.Search(query, count * 4).ScoreDocs;
        var parents = new Dictionary<int, PairHit>();
        foreach (var hit in hits)
        {
            var leaf = searcher.IndexReader.Leaves[ReaderUtil.SubIndex(hit.Doc, searcher.IndexReader.Leaves)];
            var parent = leaf.DocBase + ParentBits.For(leaf.AtomicReader).NextSetBit(hit.Doc - leaf.DocBase);
            parents.TryAdd(parent, new PairHit(hit.Doc, parent, hit.Score));
            if (parents.Count == count)
            {
                break;
            }
        }

        return parents.Values.Select(p => Documents.ToHit(Documents.Load(searcher, p.Parent), [p], null)).ToList();
    }
}
