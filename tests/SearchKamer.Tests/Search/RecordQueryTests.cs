using Lucene.Net.Index;
using Lucene.Net.Search;
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
        var (records, hits) = corpus.Index.Read(searcher =>
        {
            var onRecords = new TermQuery(new Term(Fields.Subject, stem));
            var found = searcher.Search(onRecords, 10_000).ScoreDocs.Select(h => (Block: HitBlocks.Of(searcher, h.Doc), h.Score)).ToList();
            var blocks = searcher.Search(new RecordQuery(onRecords), 100_000).ScoreDocs.Select(h => (Block: HitBlocks.Of(searcher, h.Doc), h.Doc, h.Score));
            return (found, blocks.ToList());
        });

        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.True(r.Block.IsRecord, $"{r.Block.Record}: the subject must be on the records alone"));
        // Each matching record with its whole block (the record included, which the collector passes by), nothing else,
        // each doc with the record's score.
        var scores = records.ToDictionary(r => r.Block.Record, r => r.Score);
        var expected = records.SelectMany(r => Enumerable.Range(r.Block.First, r.Block.Record - r.Block.First + 1)).Order();
        Assert.Equal(expected, hits.Select(h => h.Doc).Order());
        Assert.All(hits, h => Assert.Equal(scores[h.Block.Record], h.Score, 5));
    }
}
