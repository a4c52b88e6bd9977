using System.Numerics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchKamer.Indexing;

namespace SearchKamer.Search;

/// <summary>One matching pair: global doc ids of the pair and of its document record.</summary>
internal readonly record struct PairHit(int Doc, int Parent, float Score);

/// <summary>
/// Counts every matching pair and document (no cap), counts facets over documents and keeps the
/// best documents of the result (see <see cref="TopGroups"/>), all in one pass.
/// The period and the facet selections are checked here rather than in the query, so each facet can also count
/// the hits that fail only its own selection ("drill sideways": other values stay visible).
/// A document's metadata sits on all its pairs, so it is read once, at the document's first hit.
/// </summary>
/// <param name="bounded">Pairs that cannot reach the kept documents may go unscored (NaN; <see cref="IBoundedScorer"/>).</param>
/// <param name="shared">The threshold shared by the collectors of one search in other stretches (see <see cref="SharedThreshold"/>).</param>
/// <param name="period">The dates asked for (null: any date): a document outside them is neither a hit nor counted.</param>
internal sealed class HitCollector(IReadOnlyList<FacetSelection> facets, SortOrder sort, int keep, bool bounded, SharedThreshold? shared,
    Period? period = null)
{
    private readonly List<PairHit> _group = [];
    // Per segment searched, its table and the count of each value index; turned into values once, at the end.
    private readonly List<(FacetTable Table, int[] Counts)> _segments = [];
    private readonly string[] _fields = [.. facets.Select(f => f.Field)];
    private readonly IReadOnlyList<string>[] _selections = [.. facets.Select(f => f.Values)];

    // One bit per facet with a selection; per value index of the segment, the bit of its facet if it is selected there.
    private readonly uint _selected = SelectedFacets(facets);
    private uint[] _selectionBits = [];
    private FacetTable? _table;
    private int[] _segmentCounts = [];
    private Scorer? _scorer;
    // The scorer as one that can pass over unreachable pairs, when this collector may: asked once per segment, not per pair.
    private IBoundedScorer? _bounded;
    private FixedBitSet _parents = new(0);
    private RecordNumbers? _numbers;
    private int _groupRecord;
    private int _docBase;
    private int _lastParent = -1;
    private bool _lastPasses;
    // The page's threshold when the current document began (read once a document, not once a pair: it only rises when a
    // document is offered, or when another stretch raises it), and the best score among the document's pairs so far.
    private float _threshold = float.NegativeInfinity;
    private float _groupBest = float.NegativeInfinity;

    // A narrow search without a period or a selection counts every document it meets, so their facets can wait and
    // be counted together (FacetTable.CountRecords) when the buffer fills, the segment ends or collecting does. A broad
    // search meets most records in order, which the CPU's own prefetching follows already: batching it gained nothing.
    private readonly bool _deferCounts = !bounded && period is null && facets.All(f => f.Values.Count == 0);
    private readonly int[] _pending = new int[64];
    private int _pendingCount;

    /// <summary>Matching pairs (of documents that pass the facet selections).</summary>
    public int Total { get; private set; }

    public TopGroups Top { get; } = new(sort, keep, shared);

    public void SetScorer(Scorer scorer)
    {
        _scorer = scorer;
        _bounded = bounded ? scorer as IBoundedScorer : null;
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        OfferGroup();
        CountPending();
        var reader = context.AtomicReader;
        _docBase = context.DocBase;
        _parents = ParentBits.For(reader);
        _numbers = RecordNumbers.For(reader);
        _lastParent = -1;
        _table = FacetTable.For(reader, _fields);
        _segmentCounts = new int[_table.ValueCount];
        _segments.Add((_table, _segmentCounts));
        _selectionBits = _selected == 0 ? [] : _table.SelectionBits(_selections);
    }

    /// <returns>The first doc still of use: past the document when it failed the period or a selection.</returns>
    public int Collect(int doc)
    {
        if (_parents.Get(doc))
        {
            // A document record: it shares some fields with its pairs (and matches *), but only pairs are hits.
            return doc + 1;
        }

        // Docs arrive in order: one before the last record found belongs to that record's document.
        var parent = doc <= _lastParent ? _lastParent : _parents.NextSetBit(doc);
        if (parent < 0)
        {
            return DocIdSetIterator.NO_MORE_DOCS;
        }

        if (parent != _lastParent)
        {
            OfferGroup();
            _lastParent = parent;
            _groupRecord = _numbers!.Of(parent);
            _threshold = Top.Threshold;
            _lastPasses = _deferCounts ? Defer(_groupRecord)
                : (period is not { } p || p.Contains(_table!.DateOf(_groupRecord))) && CountDocument(_groupRecord);
        }

        if (_lastPasses)
        {
            Total++;
            var score = Score();
            // NaN never compares greater, so a pair left unscored does not count towards its document's best.
            _groupBest = score > _groupBest ? score : _groupBest;
            _group.Add(new PairHit(_docBase + doc, _docBase + parent, score));
            return doc + 1;
        }

        // A failing document is counted once, in the facet whose selection it fails; its other pairs add nothing.
        return parent + 1;
    }

    private float Score() => _bounded?.GetScore(_threshold) ?? _scorer?.GetScore() ?? 0f;

    /// <summary>Ends collecting: offers the last document seen.</summary>
    public void Finish()
    {
        OfferGroup();
        CountPending();
    }

    /// <summary>Facet values with their document counts, after the search has finished.</summary>
    public Dictionary<string, int>[] Counts()
    {
        var counts = new Dictionary<string, int>[facets.Count];
        for (var f = 0; f < counts.Length; f++)
        {
            counts[f] = new Dictionary<string, int>(_segments.Count == 0 ? 0 : _segments.Max(s => s.Table.Labels[f].Count), StringComparer.Ordinal);
            foreach (var (table, segmentCounts) in _segments)
            {
                var labels = table.Labels[f];
                var offset = table.Offsets[f];
                for (var ord = 0; ord < labels.Count; ord++)
                {
                    if (segmentCounts[offset + ord] is var n and > 0)
                    {
                        counts[f][labels[ord]] = counts[f].GetValueOrDefault(labels[ord]) + n;
                    }
                }
            }
        }

        return counts;
    }

    /// <summary>Takes over the hits and counts of a collector that searched a later segment.</summary>
    public void Absorb(HitCollector other)
    {
        Total += other.Total;
        Top.Absorb(other.Top);
        _segments.AddRange(other._segments);
    }

    private bool Defer(int record)
    {
        _pending[_pendingCount++] = record;
        if (_pendingCount == _pending.Length)
        {
            CountPending();
        }

        return true;
    }

    private void CountPending()
    {
        if (_pendingCount > 0)
        {
            _table!.CountRecords(_pending.AsSpan(0, _pendingCount), _segmentCounts);
            _pendingCount = 0;
        }
    }

    /// <summary>Counts one document (its record's number) and tells whether it passes every facet selection.</summary>
    private bool CountDocument(int record)
    {
        var table = _table!;
        if (BitOperations.IsPow2(_selected))
        {
            return table.CountSelectedFacet(record, BitOperations.TrailingZeroCount(_selected), _selectionBits, _segmentCounts);
        }

        var failing = _selected == 0 ? 0 : _selected & ~table.Passed(record, _selectionBits);
        if (failing == 0)
        {
            table.CountAll(record, _segmentCounts);
            return true;
        }

        // A document failing one facet's selection still counts in that facet: its other values stay choosable.
        if (BitOperations.IsPow2(failing))
        {
            table.CountFacet(record, BitOperations.TrailingZeroCount(failing), _segmentCounts);
        }

        return false;
    }

    private static uint SelectedFacets(IReadOnlyList<FacetSelection> facets)
    {
        if (facets.Count > FacetTable.MaxFacets)
        {
            throw new ArgumentException($"hoogstens {FacetTable.MaxFacets} facetten per zoekvraag", nameof(facets));
        }

        var selected = 0u;
        for (var f = 0; f < facets.Count; f++)
        {
            selected |= facets[f].Values.Count > 0 ? 1u << f : 0;
        }

        return selected;
    }

    // A document's pairs precede its record and arrive in doc order, so its hits are adjacent. Its best score is kept
    // while its pairs are collected: most documents of a broad search lose on it, and need not be read again.
    private void OfferGroup()
    {
        if (_group.Count > 0)
        {
            Top.Offer(_group[0].Parent, _group, _groupBest, _table!, _groupRecord);
            _group.Clear();
            _groupBest = float.NegativeInfinity;
        }
    }
}

/// <summary>A facet field and the values selected in it (empty: no selection).</summary>
internal sealed record FacetSelection(string Name, string Field, IReadOnlyList<string> Values);
