using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;
using SearchKamer.Indexing;

namespace SearchKamer.Search;

/// <summary>
/// The facet values of every document record of a segment, for a fixed list of facet fields, in memory.
/// Reading doc values through the directory costs a file read per random access, which made facet
/// counting the largest part of a broad search at a million pairs; a document's metadata is the same on
/// its record and its pairs, so only document records are kept, and labels are decoded once.
/// All fields of a document sit side by side (one lookup, one or two cache lines per document: with an
/// array per field, counting a broad search's documents was mostly waiting for memory).
/// Cached per segment core and field list, like <see cref="ParentBits"/>.
/// </summary>
internal sealed class FacetTable
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, FacetTable>> Cache = new();

    // The entries of record r are _entries[_start[r].._start[r + 1]] (compressed sparse rows). An entry is a
    // value index: facet f's ordinals are numbered from Offsets[f] on, so one flat array counts every facet.
    private readonly int[] _start;
    private readonly int[] _entries;
    private readonly Dictionary<string, int>[] _ordOf;

    private FacetTable(int[] start, int[] entries, string[][] labels)
    {
        _start = start;
        _entries = entries;
        Labels = labels;
        Offsets = new int[labels.Length + 1];
        for (var f = 0; f < labels.Length; f++)
        {
            Offsets[f + 1] = Offsets[f] + labels[f].Length;
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

    /// <summary>Per value index, whether it is a value of <paramref name="facet"/> that is one of <paramref name="values"/>.</summary>
    public bool[] Selection(int facet, IEnumerable<string> values)
    {
        var selected = new bool[ValueCount];
        foreach (var value in values)
        {
            if (_ordOf[facet].TryGetValue(value, out var ord))
            {
                selected[Offsets[facet] + ord] = true;
            }
        }

        return selected;
    }

    /// <summary>The value indices of a document record (by its <see cref="RecordNumbers">number</see>), by facet.</summary>
    public ReadOnlySpan<int> Of(int record) => _entries.AsSpan(_start[record], _start[record + 1] - _start[record]);

    public static FacetTable For(AtomicReader reader, IReadOnlyList<string> fields) =>
        Cache.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, FacetTable>(StringComparer.Ordinal))
            .GetOrAdd(string.Join('\n', fields), _ => Build(reader, fields));

    private static FacetTable Build(AtomicReader reader, IReadOnlyList<string> fields)
    {
        if (fields.Count > byte.MaxValue)
        {
            throw new ArgumentException($"hoogstens {byte.MaxValue} facetvelden per tabel", nameof(fields));
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

        var start = new int[RecordNumbers.For(reader).Count + 1];
        var entries = new List<int>();
        var parents = ParentBits.For(reader);
        var record = 0;
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (!parents.Get(doc))
            {
                continue;
            }

            start[record++] = entries.Count;

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

        start[record] = entries.Count;
        return new FacetTable(start, [.. entries], [.. values.Select(DecodeLabels)]);
    }

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
