using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchKamer.Indexing;
using SearchKamer.Search;
using SearchKamer.Tests.Analysis;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Tests.Search;

/// <summary>
/// A query on a field only the document records carry (the subject) reaches the pairs through their record. Oracle:
/// Lucene's own search of the same query, which finds the records alone, with their scores.
/// </summary>
[Collection(CorpusIndexCollection.Name)]
public class RecordQueryTests(CorpusIndexFixture corpus)
{
    [Theory]
    [InlineData("vergunning")]
    [InlineData("bericht")]
    public void Every_pair_of_a_matching_document_is_found_with_its_records_score(string word)
    {
        var stem = AnalyzerProbe.QueryStem(word);
        var (records, pairs) = corpus.Index.Read(searcher =>
        {
            var onRecords = new TermQuery(new Term(Fields.Subject, stem));
            var found = searcher.Search(onRecords, 10_000).ScoreDocs.ToDictionary(h => h.Doc, h => h.Score);
            var blocks = searcher.Search(new RecordQuery(onRecords), 100_000).ScoreDocs;
            return (found, blocks.Select(h => (Record: RecordOf(searcher, h.Doc), First: FirstOfBlock(searcher, h.Doc), h.Doc, h.Score)).ToList());
        });

        Assert.NotEmpty(records);
        Assert.All(records.Keys, r => Assert.Equal(r, corpus.Index.Read(searcher => RecordOf(searcher, r))));
        // Each matching record with all its pairs (the record itself included, which the collector passes by), nothing else;
        // each with the record's score.
        Assert.Equal(records.Keys.Order(), pairs.Select(p => p.Record).Distinct().Order());
        Assert.Equal(pairs.Count, pairs.Select(p => p.Doc).Distinct().Count());
        Assert.All(pairs.GroupBy(p => p.Record), block => Assert.Equal(Enumerable.Range(block.First().First, block.Key - block.First().First + 1), block.Select(p => p.Doc).Order()));
        Assert.All(pairs, p => Assert.Equal(records[p.Record], p.Score, 5));
    }

    private static int FirstOfBlock(IndexSearcher searcher, int doc)
    {
        var leaf = searcher.IndexReader.Leaves[ReaderUtil.SubIndex(doc, searcher.IndexReader.Leaves)];
        var records = ParentBits.For(leaf.AtomicReader);
        var record = records.NextSetBit(doc - leaf.DocBase);
        return leaf.DocBase + (record == 0 ? 0 : records.PrevSetBit(record - 1) + 1);
    }

    private static int RecordOf(IndexSearcher searcher, int doc)
    {
        var leaf = searcher.IndexReader.Leaves[ReaderUtil.SubIndex(doc, searcher.IndexReader.Leaves)];
        return leaf.DocBase + ParentBits.For(leaf.AtomicReader).NextSetBit(doc - leaf.DocBase);
    }
}
