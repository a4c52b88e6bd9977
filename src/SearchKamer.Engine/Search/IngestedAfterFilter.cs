using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchKamer.Indexing;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Search;

/// <summary>
/// The blocks (pairs and record) of the documents (re)indexed after a moment. Only the record carries the time, and a
/// pair belongs to one document, so a block passes or fails whole.
/// </summary>
internal sealed class IngestedAfterFilter(DateTimeOffset after) : Filter
{
    private readonly long _ticks = after.UtcTicks;

    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        if (context.AtomicReader.GetNumericDocValues(Fields.IngestedAt) is not { } times)
        {
            return null;
        }

        var records = ParentBits.For(context.AtomicReader);
        var later = ParentBits.Each(records).Where(record => times.Get(record) > _ticks);
        return BitsFilteredDocIdSet.Wrap(ParentBits.Blocks(records, later), acceptDocs);
    }

    public override bool Equals(object? obj) => obj is IngestedAfterFilter other && other._ticks == _ticks;

    public override int GetHashCode() => _ticks.GetHashCode();

    public override string ToString() => $"{Fields.IngestedAt} > {_ticks}";
}
