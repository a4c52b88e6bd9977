using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchKamer.Indexing;

namespace SearchKamer.Search;

/// <summary>
/// With two or more facet selections, the pairs whose document passes all of them or all but one. A pair that fails
/// two selections is counted nowhere: it is no hit, and no facet's count without its own selection holds it. So the
/// search may leap-frog the query with this set instead of visiting every pair of its words. The set is read per
/// segment from the selected values' postings on the document records, and holds each passing record's pairs. One selection leaves nothing
/// to skip: its own facet is counted over every pair of the query.
/// </summary>
internal sealed class AllButOneSelection : Filter
{
    /// <summary>
    /// Reading a posting into the set costs a few nanoseconds, visiting a pair of the query tens; but a common value
    /// (a large party) has hundreds of thousands of postings. Measured at 1M in process: where the query reads as many
    /// postings as the selected values hold or more, skipping saved 19–32 %; where it reads half as many it gained
    /// nothing, and a quarter or less lost 16–340 % (docs/benchmarks.md).
    /// </summary>
    public const int DefaultFactor = 1;

    private readonly List<List<Term>> _selected;

    // Stretches of one segment collected side by side make a scorer each; they share the segment's set.
    private readonly ConcurrentDictionary<AtomicReader, Lazy<FixedBitSet>> _sets = new();

    private AllButOneSelection(List<List<Term>> selected) => _selected = selected;

    /// <summary>The query leap-frogged with the pairs that pass all selections but at most one, where that pays; else the query.</summary>
    /// <param name="readsMoreThan">Whether the query reads more postings than the number given.</param>
    public static Query Apply(IndexSearcher searcher, Query query, IReadOnlyList<FacetSelection> facets, int factor, Func<long, bool> readsMoreThan)
    {
        var selected = facets.Where(f => f.Values.Count > 0).Select(f => f.Values.Select(v => new Term(f.Field, v)).ToList()).ToList();
        if (selected.Count < 2 || factor == int.MaxValue)
        {
            return query;
        }

        // The values are on the document records: a record's posting stands for its pairs, which the set will hold.
        var reader = searcher.IndexReader;
        var pairsPerRecord = Math.Max(1, LiveStatistics.Pairs(reader) / LiveStatistics.Records(reader));
        var postings = selected.Sum(terms => TermDocBits.Cost(reader, terms)) * pairsPerRecord;
        var limit = factor == 0 ? 0 : postings > long.MaxValue / factor ? long.MaxValue : postings * factor;
        return readsMoreThan(limit)
            ? new FilteredQuery(query, new AllButOneSelection(selected), FilteredQuery.LEAP_FROG_QUERY_FIRST_STRATEGY)
            : query;
    }

    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs) =>
        BitsFilteredDocIdSet.Wrap(_sets.GetOrAdd(context.AtomicReader, r => new Lazy<FixedBitSet>(() => Candidates(r))).Value, acceptDocs);

    private FixedBitSet Candidates(AtomicReader reader)
    {
        var records = ParentBits.For(reader);
        var passing = _selected.Select(terms => TermDocBits.Read(reader, terms)).ToList();
        var candidates = new FixedBitSet(reader.MaxDoc);
        for (var failing = 0; failing < passing.Count; failing++)
        {
            // The pairs that pass every selection but this one (whether or not they pass it too).
            var others = passing.Where((_, f) => f != failing).ToList();
            var all = others.Count == 1 ? others[0] : others[0].Clone();
            foreach (var other in others.Skip(1))
            {
                all.And(other);
            }

            candidates.Or(all);
        }

        return ParentBits.Blocks(records, ParentBits.Each(candidates));
    }
}
