using SearchKamer.Indexing;
using SearchKamer.Search;

namespace SearchKamer.Tests.Search;

/// <summary>Cutting the index into runs for collecting side by side: every pair once, no document cut in two.</summary>
[Collection(CorpusIndexCollection.Name)]
public class DocumentStretchesTests(CorpusIndexFixture corpus)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(16)]
    public void Runs_cover_every_record_once_and_end_each_inner_cut_at_a_document_record(int parts)
    {
        var searcher = corpus.Index.Searchers.Acquire();
        try
        {
            var leaves = searcher.IndexReader.Leaves;
            var runs = DocumentStretches.Of(leaves, parts);

            Assert.InRange(runs.Count, 1, parts);
            var stretches = runs.SelectMany(r => r).ToList();
            var covered = stretches.SelectMany(s => Enumerable.Range(s.Leaf.DocBase + s.Start, s.End - s.Start)).ToList();
            Assert.Equal(Enumerable.Range(0, searcher.IndexReader.MaxDoc), covered);
            foreach (var s in stretches.Where(s => s.End < s.Leaf.AtomicReader.MaxDoc))
            {
                Assert.True(ParentBits.For(s.Leaf.AtomicReader).Get(s.End - 1), $"cut at {s.End} splits a document");
            }

            if (parts > 1)
            {
                Assert.True(runs.Count > 1, $"{leaves.Count} segment(s) gave one run");
            }
        }
        finally
        {
            corpus.Index.Searchers.Release(searcher);
        }
    }
}
