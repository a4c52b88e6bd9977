using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

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
    /// <summary>Entries hold the facet's index above this many bits and the value's ordinal below.</summary>
    public const int FacetShift = 24;
    public const int OrdMask = (1 << FacetShift) - 1;

    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, FacetTable>> Cache = new();

    // The entries of doc d are _entries[_start[d].._start[d + 1]] (compressed sparse rows), by facet.
    private readonly int[] _start;
    private readonly int[] _entries;
    private readonly Dictionary<string, int>[] _ordOf;

    private FacetTable(int[] start, int[] entries, string[][] labels)
    {
        _start = start;
        _entries = entries;
        Labels = labels;
        _ordOf = [.. labels.Select(l => l.Select((label, ord) => (label, ord)).ToDictionary(x => x.label, x => x.ord, StringComparer.Ordinal))];
    }

    /// <summary>Per facet, the value of each ordinal of this segment.</summary>
    public IReadOnlyList<string>[] Labels { get; }

    /// <summary>Per ordinal of <paramref name="facet"/>, whether its label is one of <paramref name="values"/>.</summary>
    public bool[] Selection(int facet, IEnumerable<string> values)
    {
        var selected = new bool[Labels[facet].Count];
        foreach (var value in values)
        {
            if (_ordOf[facet].TryGetValue(value, out var ord))
            {
                selected[ord] = true;
            }
        }

        return selected;
    }

    public ReadOnlySpan<int> Of(int doc) => _entries.AsSpan(_start[doc], _start[doc + 1] - _start[doc]);

    public static FacetTable For(AtomicReader reader, IReadOnlyList<string> fields) =>
        Cache.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, FacetTable>(StringComparer.Ordinal))
            .GetOrAdd(string.Join('\n', fields), _ => Build(reader, fields));

    private static FacetTable Build(AtomicReader reader, IReadOnlyList<string> fields)
    {
        var values = fields.Select(reader.GetSortedSetDocValues).ToArray();
        if (values.Any(v => v?.ValueCount > OrdMask))
        {
            throw new InvalidOperationException($"een facetveld heeft meer dan {OrdMask:N0} waarden in één segment");
        }

        var start = new int[reader.MaxDoc + 1];
        var entries = new List<int>();
        var parents = ParentBits.For(reader);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            start[doc] = entries.Count;
            if (!parents.Get(doc))
            {
                continue;
            }

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
                    entries.Add((f << FacetShift) | (int)ord);
                }
            }
        }

        start[reader.MaxDoc] = entries.Count;
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
