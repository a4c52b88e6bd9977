using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;
using SearchKamer.Indexing;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Search;

/// <summary>
/// The facet values of every document record of a segment, for a fixed list of facet fields, in memory.
/// Reading doc values through the directory costs a file read per random access, which made facet
/// counting the largest part of a broad search at a million pairs; a document's metadata is the same on
/// its record and its pairs, so only document records are kept, and labels are decoded once.
/// All fields of a document sit side by side (one lookup, one or two cache lines per document: with an
/// array per field, counting a broad search's documents was mostly waiting for memory), as 16-bit value
/// indices wherever a segment's facets hold at most 65,536 values together (a real corpus holds a few hundred):
/// half the memory made searches of fifteen to forty thousand pairs 9–24 % faster (docs/benchmarks.md).
/// A record's date (yyyymmdd, 0 for an undated document) sits beside where its row starts: the collector asks
/// both at a matching document's first pair, and a rare word's documents lie so far apart that each array
/// read there is a miss in the CPU caches.
/// Cached per segment core and field list, like <see cref="ParentBits"/>.
/// </summary>
internal sealed class FacetTable
{
    /// <summary>The most facets a table holds: <see cref="Passed"/> answers with one bit per facet.</summary>
    public const int MaxFacets = 32;

    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, FacetTable>> Cache = new();

    // The entries of record r are at _rows[2r].._rows[2r + 2] (compressed sparse rows), in one of the two arrays, and
    // its date is _rows[2r + 1]. An entry is a value index: facet f's ordinals are numbered from Offsets[f] on, so one
    // flat array counts every facet.
    private readonly int[] _rows;
    private readonly ushort[]? _narrow;
    private readonly int[]? _wide;
    private readonly Dictionary<string, int>[] _ordOf;

    private FacetTable(int[] rows, List<int> entries, string[][] labels, int narrowValues)
    {
        _rows = rows;
        Labels = labels;
        Offsets = new int[labels.Length + 1];
        for (var f = 0; f < labels.Length; f++)
        {
            Offsets[f + 1] = Offsets[f] + labels[f].Length;
        }

        if (ValueCount <= narrowValues)
        {
            _narrow = [.. entries.Select(e => (ushort)e)];
        }
        else
        {
            _wide = [.. entries];
        }

        FacetOf = new byte[ValueCount];
        for (var f = 0; f < labels.Length; f++)
        {
            FacetOf.AsSpan(Offsets[f], labels[f].Length).Fill((byte)f);
        }

        _ordOf = [.. labels.Select(l => l.Select((label, ord) => (label, ord)).ToDictionary(x => x.label, x => x.ord, StringComparer.Ordinal))];
    }

    /// <summary>Per facet, the value of each ordinal of this segment.</summary>
    public IReadOnlyList<string>[] Labels { get; }

    /// <summary>Where each facet's values start among all value indices; the last element is their number.</summary>
    public int[] Offsets { get; }

    /// <summary>The facet of each value index.</summary>
    public byte[] FacetOf { get; }

    /// <summary>Value indices of every facet together.</summary>
    public int ValueCount => Offsets[^1];

    /// <summary>
    /// Per value index, the bit of its facet (1 &lt;&lt; facet) where it is one of the values selected in that facet;
    /// else 0. <paramref name="selected"/> holds the selected values per facet (empty: no selection).
    /// </summary>
    public uint[] SelectionBits(IReadOnlyList<IReadOnlyList<string>> selected)
    {
        var bits = new uint[ValueCount];
        for (var f = 0; f < selected.Count; f++)
        {
            foreach (var value in selected[f])
            {
                if (_ordOf[f].TryGetValue(value, out var ord))
                {
                    bits[Offsets[f] + ord] = 1u << f;
                }
            }
        }

        return bits;
    }

    /// <summary>The date of a document record (by its <see cref="RecordNumbers">number</see>) as yyyymmdd; 0 when it has none.</summary>
    public int DateOf(int record) => _rows[(2 * record) + 1];

    /// <summary>Adds one to the count of each value of a document record (by its <see cref="RecordNumbers">number</see>).</summary>
    public void CountAll(int record, int[] counts)
    {
        if (_narrow is not null)
        {
            CountAll(Row(_narrow, record), counts);
        }
        else
        {
            CountAll(Row(_wide!, record), counts);
        }
    }

    /// <summary>
    /// Adds one to the count of each value of several records. A narrow search's documents lie far apart in the
    /// table, so each record's row start and entries are cache misses, and counting one record after another waits
    /// for them one by one. Reading first every row start, then every row's first entry (loads that do not wait on
    /// each other, which the CPU sends to memory together), and only then counting, from lines now in the cache, made
    /// rare words 9–24 % faster (docs/benchmarks.md).
    /// </summary>
    public void CountRecords(ReadOnlySpan<int> records, int[] counts)
    {
        const int Batch = 64;
        Span<int> starts = stackalloc int[Batch];
        for (var from = 0; from < records.Length; from += Batch)
        {
            var batch = records.Slice(from, Math.Min(Batch, records.Length - from));
            for (var i = 0; i < batch.Length; i++)
            {
                starts[i] = _rows[2 * batch[i]];
            }

            Touched = _narrow is not null ? Touch(_narrow, starts[..batch.Length]) : Touch(_wide!, starts[..batch.Length]);
            foreach (var record in batch)
            {
                CountAll(record, counts);
            }
        }
    }

    /// <summary>Adds one to the count of each value of a record in one facet only.</summary>
    public void CountFacet(int record, int facet, int[] counts)
    {
        if (_narrow is not null)
        {
            CountFacet(Row(_narrow, record), FacetOf, facet, counts);
        }
        else
        {
            CountFacet(Row(_wide!, record), FacetOf, facet, counts);
        }
    }

    /// <summary>
    /// With a selection in one facet only: counts the record in that facet, and in every other facet when it holds a
    /// selected value, which it tells. A record's entries ascend, so one facet's values sit together: a record that
    /// fails (most of a broad search's, under a narrow selection) is read only up to that facet's last value, once.
    /// </summary>
    public bool CountSelectedFacet(int record, int facet, uint[] selectionBits, int[] counts) =>
        _narrow is not null
            ? CountSelectedFacet(Row(_narrow, record), Offsets[facet], Offsets[facet + 1], selectionBits, counts)
            : CountSelectedFacet(Row(_wide!, record), Offsets[facet], Offsets[facet + 1], selectionBits, counts);

    /// <summary>The facets in which a record holds a selected value: its values' bits of <see cref="SelectionBits"/> together.</summary>
    public uint Passed(int record, uint[] selectionBits) =>
        _narrow is not null ? Passed(Row(_narrow, record), selectionBits) : Passed(Row(_wide!, record), selectionBits);

    public static FacetTable For(AtomicReader reader, IReadOnlyList<string> fields) =>
        Cache.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, FacetTable>(StringComparer.Ordinal))
            .GetOrAdd(string.Join('\n', fields), _ => Build(reader, fields));

    /// <param name="narrowValues">Up to how many values the entries are 16-bit (tests ask for the wide form below it).</param>
    internal static FacetTable Build(AtomicReader reader, IReadOnlyList<string> fields, int narrowValues = ushort.MaxValue + 1)
    {
        if (fields.Count > MaxFacets)
        {
            throw new ArgumentException($"hoogstens {MaxFacets} facetvelden per tabel", nameof(fields));
        }

        var values = fields.Select(reader.GetSortedSetDocValues).ToArray();
        var offsets = new long[values.Length + 1];
        for (var f = 0; f < values.Length; f++)
        {
            offsets[f + 1] = offsets[f] + (values[f]?.ValueCount ?? 0);
        }

        if (offsets[^1] > int.MaxValue / 2)
        {
            throw new InvalidOperationException($"de facetvelden hebben samen meer dan {int.MaxValue / 2:N0} waarden in één segment");
        }

        var rows = new int[(2 * RecordNumbers.For(reader).Count) + 2];
        var entries = new List<int>();
        var parents = ParentBits.For(reader);
        var dates = reader.GetNumericDocValues(Fields.Date);
        var record = 0;
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (!parents.Get(doc))
            {
                continue;
            }

            // Records are numbered in doc order, so the n-th record met is record n.
            rows[2 * record] = entries.Count;
            rows[(2 * record) + 1] = (int)(dates?.Get(doc) ?? 0);
            record++;

            for (var f = 0; f < values.Length; f++)
            {
                if (values[f] is not { } field)
                {
                    continue;
                }

                field.SetDocument(doc);
                long ord;
                while ((ord = field.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                {
                    entries.Add((int)(offsets[f] + ord));
                }
            }
        }

        rows[2 * record] = entries.Count;
        return new FacetTable(rows, entries, [.. values.Select(DecodeLabels)], Math.Min(narrowValues, ushort.MaxValue + 1));
    }

    private ReadOnlySpan<T> Row<T>(T[] entries, int record) => entries.AsSpan(_rows[2 * record], _rows[(2 * record) + 2] - _rows[2 * record]);

    // What the touching loads read, kept so that they are not left out as unused.
    private static int Touched { get; set; }

    private static int Touch<T>(T[] entries, ReadOnlySpan<int> starts)
        where T : struct
    {
        var sum = 0;
        foreach (var start in starts)
        {
            if ((uint)start < (uint)entries.Length)
            {
                sum += Index(entries[start]);
            }
        }

        return sum;
    }

    // One loop per use for either width of entry; the JIT makes each its own code for ushort and int.
    private static void CountAll<T>(ReadOnlySpan<T> values, int[] counts)
        where T : struct
    {
        foreach (var value in values)
        {
            counts[Index(value)]++;
        }
    }

    private static void CountFacet<T>(ReadOnlySpan<T> values, byte[] facetOf, int facet, int[] counts)
        where T : struct
    {
        foreach (var value in values)
        {
            var index = Index(value);
            if (facetOf[index] == facet)
            {
                counts[index]++;
            }
        }
    }

    private static bool CountSelectedFacet<T>(ReadOnlySpan<T> values, int from, int to, uint[] selectionBits, int[] counts)
        where T : struct
    {
        var passed = 0u;
        foreach (var value in values)
        {
            var index = Index(value);
            if (index >= to)
            {
                break;
            }

            if (index >= from)
            {
                counts[index]++;
                passed |= selectionBits[index];
            }
        }

        if (passed == 0)
        {
            return false;
        }

        foreach (var value in values)
        {
            var index = Index(value);
            if (index < from || index >= to)
            {
                counts[index]++;
            }
        }

        return true;
    }

    private static uint Passed<T>(ReadOnlySpan<T> values, uint[] selectionBits)
        where T : struct
    {
        var passed = 0u;
        foreach (var value in values)
        {
            passed |= selectionBits[Index(value)];
        }

        return passed;
    }

    // int.CreateTruncating was not inlined here: two calls per entry, in the loops every matching document runs.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Index<T>(T entry)
        where T : struct => typeof(T) == typeof(ushort) ? Unsafe.As<T, ushort>(ref entry) : Unsafe.As<T, int>(ref entry);

    private static string[] DecodeLabels(SortedSetDocValues? values)
    {
        var labels = new string[values?.ValueCount ?? 0];
        var label = new BytesRef();
        for (var ord = 0; ord < labels.Length; ord++)
        {
            values!.LookupOrd(ord, label);
            labels[ord] = label.Utf8ToString();
        }

        return labels;
    }
}
