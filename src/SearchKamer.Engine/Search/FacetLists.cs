using SearchKamer.Indexing;

namespace SearchKamer.Search;

/// <summary>
/// One facet's counts as the response lists them. A facet ordered by count keeps its best
/// <see cref="SearchRequest.FacetLimit"/> values (most documents first, equal counts by value) plus every selected
/// value, wherever it ranks and even at count 0, so a ticked value never disappears. A facet ordered by value (years)
/// is never cut: the year chart draws every year.
/// </summary>
internal static class FacetLists
{
    /// <returns>The values to send, and how many distinct values the facet has before the cut.</returns>
    public static (IReadOnlyList<FacetValue> Values, int Total) List(Dictionary<string, int> counts, IReadOnlyList<string> selected, FacetOrder order, int limit)
    {
        var unmatched = selected.Where(v => !counts.ContainsKey(v)).Distinct(StringComparer.Ordinal).ToList();
        var total = counts.Count + unmatched.Count;
        if (order == FacetOrder.ByValueDescending)
        {
            return ([.. All(counts, selected, unmatched).OrderByDescending(v => v.Value, StringComparer.Ordinal)], total);
        }

        var kept = counts.Count <= limit ? All(counts, selected, unmatched) : Top(counts, selected, unmatched, limit);
        return ([.. kept.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)], total);
    }

    private static IEnumerable<FacetValue> All(Dictionary<string, int> counts, IReadOnlyList<string> selected, List<string> unmatched) =>
        counts.Select(kv => new FacetValue(kv.Key, kv.Value, selected.Contains(kv.Key))).Concat(unmatched.Select(v => new FacetValue(v, 0, true)));

    /// <summary>The best <paramref name="limit"/> by a bounded heap (a broad search counts hundreds of askers and sends 25), then the selected rest.</summary>
    private static IEnumerable<FacetValue> Top(Dictionary<string, int> counts, IReadOnlyList<string> selected, List<string> unmatched, int limit)
    {
        var heap = new PriorityQueue<KeyValuePair<string, int>, KeyValuePair<string, int>>(limit, WorstFirst.Instance);
        foreach (var kv in counts)
        {
            if (heap.Count < limit)
            {
                heap.Enqueue(kv, kv);
            }
            else
            {
                heap.EnqueueDequeue(kv, kv);
            }
        }

        var kept = heap.UnorderedItems.Select(e => e.Element.Key).ToHashSet(StringComparer.Ordinal);
        kept.UnionWith(selected.Where(counts.ContainsKey));
        return kept.Select(v => new FacetValue(v, counts[v], selected.Contains(v))).Concat(unmatched.Select(v => new FacetValue(v, 0, true)));
    }

    /// <summary>The list's order reversed (fewest documents first, equal counts by value descending), so the heap's root is the value to drop.</summary>
    private sealed class WorstFirst : IComparer<KeyValuePair<string, int>>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare(KeyValuePair<string, int> x, KeyValuePair<string, int> y) =>
            x.Value != y.Value ? x.Value.CompareTo(y.Value) : string.CompareOrdinal(y.Key, x.Key);
    }
}
