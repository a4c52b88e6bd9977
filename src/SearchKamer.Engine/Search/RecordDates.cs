using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Fields = SearchKamer.Indexing.Fields;
using SearchKamer.Indexing;

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
        var dates = new int[RecordNumbers.For(reader).Count];
        var values = reader.GetNumericDocValues(Fields.Date);
        var parents = ParentBits.For(reader);
        // Records are numbered in doc order, so the n-th record met is record n.
        var record = 0;
        for (var doc = 0; values is not null && doc < reader.MaxDoc; doc++)
        {
            if (parents.Get(doc))
            {
                dates[record++] = (int)values.Get(doc);
            }
        }

        return dates;
    });
}
