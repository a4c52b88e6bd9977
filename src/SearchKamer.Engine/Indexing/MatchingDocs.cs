using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchKamer.Indexing;

/// <summary>
/// Every matching record's id, unscored, for queries whose whole result is wanted (a dossier's members, an
/// export). A top-N collector would allocate its whole queue of N entries up front for a result of two.
/// </summary>
public sealed class MatchingDocs : ICollector
{
    private int _base;

    public List<int> Docs { get; } = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void Collect(int doc) => Docs.Add(_base + doc);

    public void SetNextReader(AtomicReaderContext context) => _base = context.DocBase;

    public void SetScorer(Scorer scorer)
    {
    }
}
