using SearchKamer.Indexing;

namespace SearchKamer.Tests.Search;

/// <summary>
/// What a pair stores, read back through Lucene from every pair of the corpus index. Pairs keep no copy of
/// their texts (results and snippets read them from the document record): a copy was half the stored data,
/// and reading a record decompressed the copies stored before it.
/// </summary>
[Collection(CorpusIndexCollection.Name)]
public class StoredFieldsTests(CorpusIndexFixture corpus)
{
    [Fact]
    public void A_pair_stores_its_number_and_what_answered_it_and_no_text()
    {
        var stored = corpus.Index.Read(searcher =>
        {
            var names = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var records = ParentBits.For(leaf.AtomicReader);
                for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
                {
                    if (!records.Get(doc) && leaf.AtomicReader.LiveDocs?.Get(doc) != false)
                    {
                        names.UnionWith(leaf.AtomicReader.Document(doc).Fields.Select(f => f.Name));
                    }
                }
            }

            return names;
        });

        Assert.Equal([Fields.AnsweredWith, Fields.Number], stored);
    }
}
