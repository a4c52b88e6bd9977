using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Search;

/// <summary>
/// Pairs whose document record has one of the kinds and vergaderjaren asked for (null: any) and, when a
/// period is asked for, a date in it (an undated document is in no period), as random-access bits: FilteredQuery then checks only the docs the query matches, where
/// a range or term filter first built a set of every doc in the period (a third of the index for three
/// years) and leap-frogged with it. The record's values come from the tables cached per segment.
/// </summary>
internal sealed class PairsOfPassingRecords(HashSet<string>? kinds, HashSet<string>? years, int? from, int? to) : Filter
{
    private static readonly string[] TableFields = [Fields.Kind, Fields.Vergaderjaar];

    public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
    {
        var reader = context.AtomicReader;
        var table = FacetTable.For(reader, TableFields);
        var wanted = new[] { kinds is null ? null : table.Selection(0, kinds), years is null ? null : table.Selection(1, years) };
        return new PassingBits(ParentBits.For(reader), RecordNumbers.For(reader), RecordDates.For(reader), table, wanted, from, to, acceptDocs);
    }

    private sealed class PassingBits(FixedBitSet parents, RecordNumbers numbers, int[] dates, FacetTable table, bool[]?[] wanted, int? from, int? to, IBits? live)
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
            if ((from is not null || to is not null) && (date == 0 || date < from || date > to))
            {
                return false;
            }

            for (var f = 0; f < wanted.Length; f++)
            {
                if (wanted[f] is not { } selected)
                {
                    continue;
                }

                var any = false;
                foreach (var value in table.Of(record))
                {
                    any |= selected[value];
                }

                if (!any)
                {
                    return false;
                }
            }

            return true;
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
