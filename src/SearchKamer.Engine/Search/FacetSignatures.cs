using System.Runtime.InteropServices;

namespace SearchKamer.Search;

/// <summary>
/// A broad search counts the facets of tens of thousands of documents, eight values each, and that was a fifth of its
/// CPU. Facets whose values go together in few combinations (a minister and the ministry; year, kind and session
/// year) are grouped, and each record holds one slot per group: the combination of its values there (a
/// "signature"). Counting a record then adds one to each of its few slots; a signature's count is added to its values
/// once, at the end (<see cref="Fold"/>). Rows are fixed-width and 16-bit, so a record is one read.
/// Groups are formed greedily in facet order, a facet joining the group before it while that group keeps at most
/// <see cref="GroupLimit"/> signatures, so folding stays a short pass.
/// </summary>
internal sealed class FacetSignatures
{
    public const int GroupLimit = 4096;

    private readonly ushort[] _rows;
    private readonly int[] _valuesStart;
    private readonly ushort[] _values;
    private readonly int _valueCount;

    private FacetSignatures(int groups, ushort[] rows, int[] valuesStart, ushort[] values, int valueCount)
    {
        Groups = groups;
        _rows = rows;
        _valuesStart = valuesStart;
        _values = values;
        _valueCount = valueCount;
    }

    /// <summary>Slots per record: one per group of facets.</summary>
    public int Groups { get; }

    /// <summary>Counts, value indices first and then signatures, that <see cref="Count"/> adds to.</summary>
    public int Slots => _valueCount + _valuesStart.Length - 1;

    /// <summary>Adds one to each signature of a record.</summary>
    public void Count(int record, int[] counts)
    {
        foreach (var slot in _rows.AsSpan(record * Groups, Groups))
        {
            counts[slot]++;
        }
    }

    /// <summary>Adds each signature's count to its values, and clears it, so that folding twice adds nothing more.</summary>
    public void Fold(int[] counts)
    {
        for (var s = 0; s < _valuesStart.Length - 1; s++)
        {
            if (counts[_valueCount + s] is var n and > 0)
            {
                counts[_valueCount + s] = 0;
                foreach (var value in _values.AsSpan(_valuesStart[s], _valuesStart[s + 1] - _valuesStart[s]))
                {
                    counts[value] += n;
                }
            }
        }
    }

    /// <summary>
    /// The signatures of a table's records (compressed sparse rows: record r's entries are entries[rows[2r]..rows[2r + 2]],
    /// ascending, so each facet's values sit together); null when value indices and signatures do not fit 16 bits together.
    /// </summary>
    public static FacetSignatures? Build(int[] rows, List<int> entries, byte[] facetOf, int facets, int valueCount)
    {
        var records = (rows.Length / 2) - 1;
        var span = CollectionsMarshal.AsSpan(entries);
        var ofFacet = new int[facets][];
        for (var f = 0; f < facets; f++)
        {
            ofFacet[f] = SetIds(records, span, rows, facetOf, f);
        }

        var groups = new List<(int From, int To, int[] Ids, int Count)>();
        var (from, ids, count) = (0, ofFacet.Length > 0 ? ofFacet[0] : [], Distinct(ofFacet.Length > 0 ? ofFacet[0] : []));
        for (var f = 1; f < facets; f++)
        {
            var joined = Combine(ids, ofFacet[f], out var joinedCount);
            if (joinedCount <= GroupLimit)
            {
                (ids, count) = (joined, joinedCount);
                continue;
            }

            groups.Add((from, f - 1, ids, count));
            (from, ids, count) = (f, ofFacet[f], Distinct(ofFacet[f]));
        }

        if (facets > 0)
        {
            groups.Add((from, facets - 1, ids, count));
        }

        var slots = valueCount + groups.Sum(g => g.Count);
        if (slots > ushort.MaxValue + 1)
        {
            return null;
        }

        return Assemble(groups, records, span, rows, facetOf, valueCount);
    }

    private static FacetSignatures Assemble(List<(int From, int To, int[] Ids, int Count)> groups, int records, ReadOnlySpan<int> entries,
        int[] rows, byte[] facetOf, int valueCount)
    {
        var first = new int[groups.Count];
        for (var g = 1; g < groups.Count; g++)
        {
            first[g] = first[g - 1] + groups[g - 1].Count;
        }

        var signatures = groups.Sum(g => g.Count);
        var rowSlots = new ushort[records * groups.Count];
        var members = new int[]?[signatures];
        for (var r = 0; r < records; r++)
        {
            for (var g = 0; g < groups.Count; g++)
            {
                var s = first[g] + groups[g].Ids[r];
                rowSlots[(r * groups.Count) + g] = (ushort)(valueCount + s);
                members[s] ??= Slice(entries, rows, facetOf, r, groups[g].From, groups[g].To).ToArray();
            }
        }

        var valuesStart = new int[signatures + 1];
        var values = new List<ushort>();
        for (var s = 0; s < signatures; s++)
        {
            valuesStart[s] = values.Count;
            values.AddRange((members[s] ?? []).Select(v => (ushort)v));
        }

        valuesStart[^1] = values.Count;
        return new FacetSignatures(groups.Count, rowSlots, valuesStart, [.. values], valueCount);
    }

    /// <summary>A record's entries that belong to facets <paramref name="from"/> to <paramref name="to"/>: one run of its row.</summary>
    private static ReadOnlySpan<int> Slice(ReadOnlySpan<int> entries, int[] rows, byte[] facetOf, int record, int from, int to)
    {
        var (start, end) = (rows[2 * record], rows[(2 * record) + 2]);
        while (start < end && facetOf[entries[start]] < from)
        {
            start++;
        }

        var stop = start;
        while (stop < end && facetOf[entries[stop]] <= to)
        {
            stop++;
        }

        return entries[start..stop];
    }

    /// <summary>Per record, a number for its set of values in one facet (equal sets, equal numbers; from 0, in order of appearance).</summary>
    private static int[] SetIds(int records, ReadOnlySpan<int> entries, int[] rows, byte[] facetOf, int facet)
    {
        var ids = new int[records];
        // Up to four values below 65,535 are told apart by one number (each plus one, in 16 bits); longer sets by their text.
        var packed = new Dictionary<long, int>();
        var spelled = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < records; r++)
        {
            var values = Slice(entries, rows, facetOf, r, facet, facet);
            var key = Pack(values);
            int id;
            if (key >= 0)
            {
                if (!packed.TryGetValue(key, out id))
                {
                    packed[key] = id = packed.Count + spelled.Count;
                }
            }
            else
            {
                var text = string.Join(',', values.ToArray());
                if (!spelled.TryGetValue(text, out id))
                {
                    spelled[text] = id = packed.Count + spelled.Count;
                }
            }

            ids[r] = id;
        }

        return ids;
    }

    /// <summary>The values as one number, or a negative one where they do not fit (also four values whose first sets the top bit).</summary>
    private static long Pack(ReadOnlySpan<int> values)
    {
        if (values.Length > 4)
        {
            return -1;
        }

        var key = 0L;
        foreach (var value in values)
        {
            if (value >= ushort.MaxValue)
            {
                return -1;
            }

            key = (key << 16) | (uint)(value + 1);
        }

        return key;
    }

    private static int[] Combine(int[] left, int[] right, out int count)
    {
        var ids = new int[left.Length];
        var known = new Dictionary<long, int>();
        for (var r = 0; r < left.Length; r++)
        {
            var key = ((long)left[r] << 32) | (uint)right[r];
            if (!known.TryGetValue(key, out var id))
            {
                known[key] = id = known.Count;
            }

            ids[r] = id;
        }

        count = known.Count;
        return ids;
    }

    private static int Distinct(int[] ids) => ids.Length == 0 ? 0 : ids.Max() + 1;
}
