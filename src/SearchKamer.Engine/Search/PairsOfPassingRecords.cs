using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchKamer.Indexing;

namespace SearchKamer.Search;

/// <summary>
/// Pairs whose document record has a date in the period asked for (an undated document is in no period), as
/// random-access bits: FilteredQuery then checks only the docs the query matches, where a range filter first
/// built a set of every doc in the period (a third of the index for three years) and leap-frogged with it.
/// The record's dates come from the table cached per segment. (Kinds and vergaderjaren were filtered here
/// too; as facets they are selected in the collector, which counts a facet without its own selection.)
/// </summary>
internal sealed class PairsOfPassingRecords(int? from, int? to) : Filter
{
    public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
    {
        var reader = context.AtomicReader;
        return new PassingBits(ParentBits.For(reader), RecordNumbers.For(reader), RecordDates.For(reader), from, to, acceptDocs);
    }

    private sealed class PassingBits(FixedBitSet parents, RecordNumbers numbers, int[] dates, int? from, int? to, IBits? live)
        : DocIdSet, IBits
    {
        private int _lastIndex = int.MaxValue;
        private int _lastParent = -1;
        private bool _lastPasses;

        public override IBits Bits => this;

        public override bool IsCacheable => false;

        public int Length => parents.Length;

        public bool Get(int index)
        {
            if (parents.Get(index) || (live is not null && !live.Get(index)))
            {
                return false;
            }

            // Asked in doc order, a doc after the last one asked and before its record is in the same document.
            if (index > _lastIndex && index < _lastParent)
            {
                _lastIndex = index;
                return _lastPasses;
            }

            _lastIndex = index;
            var parent = parents.NextSetBit(index);
            if (parent != _lastParent)
            {
                _lastParent = parent;
                _lastPasses = parent >= 0 && Passes(numbers.Of(parent));
            }

            return _lastPasses;
        }

        // Only reached by strategies that iterate the filter; the query-first strategy asks Get.
        public override DocIdSetIterator GetIterator() =>
            new BitsIterator(this, parents.Length);

        private bool Passes(int record)
        {
            var date = dates[record];
            return date != 0 && !(date < from) && !(date > to);
        }
    }

    private sealed class BitsIterator(IBits bits, int length) : DocIdSetIterator
    {
        private int _doc = -1;

        public override int DocID => _doc;

        public override int NextDoc() => Advance(_doc + 1);

        public override int Advance(int target)
        {
            for (_doc = target; _doc < length; _doc++)
            {
                if (bits.Get(_doc))
                {
                    return _doc;
                }
            }

            return _doc = NO_MORE_DOCS;
        }

        public override long GetCost() => length;
    }
}
