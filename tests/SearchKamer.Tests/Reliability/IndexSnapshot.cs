using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchKamer.Indexing;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Tests.Reliability;

/// <summary>What an index holds, read back from disk: pairs per document key, every source path, and what would be damage.</summary>
public sealed record IndexSnapshot(IReadOnlyDictionary<string, int> PairsPerDocument, IReadOnlySet<string> SourcePaths, IReadOnlyList<string> DuplicateKeys, int PairRecords)
{
    /// <summary>Pair records that belong to no document record (left over from a torn block).</summary>
    public int OrphanPairs => PairRecords - PairsPerDocument.Values.Sum();

    public static IndexSnapshot Read(string indexPath)
    {
        using var index = SearchIndex.OpenReadOnly(indexPath);
        var searcher = index.Searchers.Acquire();
        try
        {
            var reader = searcher.IndexReader;
            var docs = searcher.Search(new TermQuery(new Term(Fields.Level, Fields.LevelDoc)), Math.Max(1, reader.MaxDoc));
            var pairs = new Dictionary<string, int>();
            var paths = new HashSet<string>();
            var duplicates = new List<string>();
            foreach (var hit in docs.ScoreDocs)
            {
                var stored = searcher.Doc(hit.Doc);
                var key = stored.Get(Fields.DocId);
                paths.UnionWith(stored.GetValues(Fields.SourcePath));
                if (pairs.ContainsKey(key))
                {
                    duplicates.Add(key);
                    continue;
                }

                var query = new BooleanQuery
                {
                    { new TermQuery(new Term(Fields.DocId, key)), Occur.MUST },
                    { new TermQuery(new Term(Fields.Level, Fields.LevelPair)), Occur.MUST },
                };
                pairs[key] = searcher.Search(query, 1).TotalHits;
            }

            var pairRecords = searcher.Search(new TermQuery(new Term(Fields.Level, Fields.LevelPair)), 1).TotalHits;
            return new IndexSnapshot(pairs, paths, duplicates, pairRecords);
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    private static readonly Lazy<(IndexSnapshot Snapshot, TimeSpan Took)> Corpus = new(() =>
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var snapshot = CleanIngest(SearchKamer.Ingestion.FileWalker.Expand([RepoPaths.Corpus], new List<string>()));
        return (snapshot, clock.Elapsed);
    });

    /// <summary>A clean ingest of the bundled corpus (built once per test run) and how long it took here.</summary>
    /// <remarks>Document keys do not depend on the folder, so this also describes a copy of the corpus.</remarks>
    public static (IndexSnapshot Snapshot, TimeSpan Took) CleanCorpus => Corpus.Value;

    /// <summary>The index an uninterrupted ingest of <paramref name="files"/> builds, in-process, read back the same way.</summary>
    private static IndexSnapshot CleanIngest(IReadOnlyList<string> files)
    {
        var dir = Directory.CreateTempSubdirectory("searchkamer-clean-").FullName;
        try
        {
            using (var index = SearchIndex.OpenForWriting(dir))
            {
                var summary = IngestPipeline.Run(index, files, Environment.ProcessorCount, _ => { });
                Assert.Equal(0, summary.Failed);
            }

            return Read(dir);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Fails unless every document is indexed once and every pair has its document record.</summary>
    public void AssertWhole(string context)
    {
        Assert.True(DuplicateKeys.Count == 0, $"{context}: documents indexed more than once: {string.Join(", ", DuplicateKeys)}");
        Assert.True(OrphanPairs == 0, $"{context}: {OrphanPairs} pair records without their document record");
    }

    /// <summary>Fails with a readable difference unless this index holds exactly the documents and pairs of <paramref name="clean"/>, each once.</summary>
    public void AssertSameDocumentsAs(IndexSnapshot clean, string context)
    {
        AssertWhole(context);
        var missing = clean.PairsPerDocument.Keys.Except(PairsPerDocument.Keys).ToList();
        var extra = PairsPerDocument.Keys.Except(clean.PairsPerDocument.Keys).ToList();
        var differing = clean.PairsPerDocument.Where(kv => PairsPerDocument.TryGetValue(kv.Key, out var n) && n != kv.Value)
            .Select(kv => $"{kv.Key}: {PairsPerDocument[kv.Key]} pairs, clean {kv.Value}").ToList();
        Assert.True(missing.Count + extra.Count + differing.Count == 0,
            $"{context}: missing [{string.Join(", ", missing)}], extra [{string.Join(", ", extra)}], pair counts [{string.Join("; ", differing)}]");
        Assert.Equal(clean.PairRecords, PairRecords);
    }
}
