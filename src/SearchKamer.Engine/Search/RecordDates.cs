using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Search;

/// <summary>
/// The date of each document record of a segment by record number (yyyymmdd; 0 for an undated document), in memory:
/// doc values read through the directory cost a file read per lookup, one per matching document.
/// Cached per segment core, like <see cref="ParentBits"/>.
/// </summary>
internal static class RecordDates
{
    private static readonly ConditionalWeakTable<object, int[]> Cache = new();

    public static int[] For(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ =>
    {
        var numbers = RecordNumbers.For(reader);
        var dates = new int[numbers.Count];
        var values = reader.GetNumericDocValues(Fields.Date);
        var parents = ParentBits.For(reader);
        for (var doc = parents.NextSetBit(0); values is not null && doc >= 0; doc = doc + 1 < reader.MaxDoc ? parents.NextSetBit(doc + 1) : -1)
        {
            dates[numbers.Of(doc)] = (int)values.Get(doc);
        }

        return dates;
    });
}
