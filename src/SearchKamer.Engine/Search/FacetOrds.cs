using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace SearchKamer.Search;

/// <summary>
/// The facet ordinals of every document record of a segment, in memory. Reading doc values through
/// NIOFSDirectory costs a file read per random access, which made facet counting the largest part of
/// a broad search at a million pairs; a document's metadata is the same on its record and its pairs,
/// so only document records are kept; labels are decoded once. Cached per segment core and field, like <see cref="ParentBits"/>.
/// </summary>
internal sealed class FacetOrds
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, FacetOrds>> Cache = new();

    // Ordinals of doc d are _ords[_start[d].._start[d + 1]] (compressed sparse rows).
    private readonly int[] _start;
    private readonly int[] _ords;

    private readonly Dictionary<string, int> _ordOf;

    private FacetOrds(int[] start, int[] ords, string[] labels)
    {
        _start = start;
        _ords = ords;
        Labels = labels;
        _ordOf = labels.Select((label, ord) => (label, ord)).ToDictionary(x => x.label, x => x.ord, StringComparer.Ordinal);
    }

    /// <summary>The value of each ordinal of this segment.</summary>
    public IReadOnlyList<string> Labels { get; }

    public int OrdOf(string label) => _ordOf.TryGetValue(label, out var ord) ? ord : -1;

    public static FacetOrds For(AtomicReader reader, string field) =>
        Cache.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, FacetOrds>(StringComparer.Ordinal))
            .GetOrAdd(field, f => Build(reader, f));

    public ReadOnlySpan<int> Of(int doc) => _ords.AsSpan(_start[doc], _start[doc + 1] - _start[doc]);

    private static FacetOrds Build(AtomicReader reader, string field)
    {
        var start = new int[reader.MaxDoc + 1];
        var ords = new List<int>();
        var values = reader.GetSortedSetDocValues(field);
        var parents = ParentBits.For(reader);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            start[doc] = ords.Count;
            if (values is null || !parents.Get(doc))
            {
                continue;
            }

            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                ords.Add((int)ord);
            }
        }

        start[reader.MaxDoc] = ords.Count;
        var labels = new string[values?.ValueCount ?? 0];
        var label = new BytesRef();
        for (var ord = 0; ord < labels.Length; ord++)
        {
            values!.LookupOrd(ord, label);
            labels[ord] = label.Utf8ToString();
        }

        return new FacetOrds(start, [.. ords], labels);
    }
}
