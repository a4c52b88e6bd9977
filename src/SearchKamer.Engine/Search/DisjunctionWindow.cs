using System.Numerics;
using System.Runtime.CompilerServices;
using Lucene.Net.Search;

namespace SearchKamer.Search;

/// <summary>
/// A stretch of docs of a disjunction read term by term: each leading term's postings in the stretch are read in one
/// tight loop, marking the docs it is on and its frequency there, and the docs are then visited in order from the
/// marks. Merging the terms doc by doc asks which term is nearest at every doc; a common word's four lists took
/// 17 ns a pair that way and about 9 ns read like this (docs/benchmarks.md). Lucene's own BooleanScorer reads a
/// disjunction in windows for the same reason.
/// </summary>
internal sealed class DisjunctionWindow
{
    /// <summary>Docs a window spans: 1,024 to 4,096 measured alike; the smaller is the least to allocate per search.</summary>
    public const int Size = 1024;

    /// <summary>
    /// A disjunction is read in windows when its leading terms hold a posting per this many docs of the segment or
    /// more: a window's fixed part (clearing its marks, moving each term into it) is paid per doc by a sparse word.
    /// Measured at 1M pairs: common words (a posting in 6–11 docs) and their filtered searches gained; reading from one
    /// in 64 on, `politie` (one in 26) was 7 % slower and with a year selected 17 %, in one run (docs/benchmarks.md).
    /// </summary>
    public const int DocsPerPosting = 16;

    // Per slot (a doc less the window's start): the terms on it, as bits; which slots hold any term; per term and slot,
    // its frequency (read only where the term's bit is set, so never cleared).
    private readonly ulong[] _on;
    private readonly ulong[] _occupied;
    private readonly int[]?[] _freqs;

    private readonly int[] _leading;
    private readonly TableTermScorer?[] _tables;

    // Per leading term, the first doc past the window (-1: not read yet).
    private readonly int[] _ahead;
    // Docs a NOT excludes, read window by window beside the leading terms, and per list the first doc past the window.
    private DocIdSetIterator[] _excluded = [];
    private int[] _excludedAhead = [];
    private int _start;
    private int _end;

    // Where the walk is: the current doc's slot, the word of _occupied it is in, and that word's slots still ahead.
    private int _slot;
    private int _word;
    private ulong _bits;

    /// <param name="terms">How many terms the disjunction has (bits of <see cref="On"/> are their indexes).</param>
    /// <param name="leading">The indexes of the terms that find docs, each a table term in <paramref name="tables"/>.</param>
    /// <param name="size">Docs a window spans, a multiple of 64 (tests read small indexes in many windows).</param>
    public DisjunctionWindow(int terms, int[] leading, TableTermScorer?[] tables, int size = Size)
    {
        if (size <= 0 || size % 64 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "a positive multiple of 64");
        }

        _on = new ulong[size];
        _occupied = new ulong[size / 64];
        _leading = leading;
        _tables = new TableTermScorer?[terms];
        _freqs = new int[]?[terms];
        _ahead = new int[terms];
        foreach (var i in leading)
        {
            _tables[i] = tables[i]!;
            _freqs[i] = new int[size];
            _ahead[i] = -1;
        }
    }

    /// <summary>
    /// From the next window on, no doc of <paramref name="excluded"/> is visited: each window unmarks them after reading
    /// the leading terms, so that a NOT's excluded word costs a tight loop over its postings and nothing per candidate.
    /// </summary>
    public void Exclude(DocIdSetIterator[] excluded)
    {
        _excluded = excluded;
        _excludedAhead = new int[excluded.Length];
        Array.Fill(_excludedAhead, -1);
    }

    /// <summary>The terms on the current doc, as bits.</summary>
    public ulong On => _on[_slot];

    /// <summary>The frequency on the current doc of a leading term that is on it.</summary>
    public int Freq(int term) => _freqs[term]![_slot];

    /// <summary>The next doc a leading term is on; reads the next window once this one has no more.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextDoc()
    {
        if (_bits != 0)
        {
            _slot = (_word << 6) + BitOperations.TrailingZeroCount(_bits);
            _bits &= _bits - 1;
            return _start + _slot;
        }

        return NextWord();
    }

    /// <summary>The first doc at or after <paramref name="target"/> (past the current doc) that a leading term is on.</summary>
    public int Advance(int target)
    {
        // Past the window, or after the last doc (where the window is empty and starts at NO_MORE_DOCS).
        if (target >= _end || target < _start)
        {
            return Fill(target);
        }

        var slot = target - _start;
        _word = slot >> 6;
        _bits = _occupied[_word] & (ulong.MaxValue << (slot & 63));
        return NextDoc();
    }

    private int NextWord()
    {
        while (++_word < _occupied.Length)
        {
            if (_occupied[_word] is var bits and not 0)
            {
                _bits = bits;
                return NextDoc();
            }
        }

        return Fill(_end);
    }

    /// <summary>Reads the window that starts at the first doc at or after <paramref name="target"/> a leading term is on, and moves to that doc.</summary>
    private int Fill(int target)
    {
        var start = int.MaxValue;
        foreach (var i in _leading)
        {
            start = Math.Min(start, _ahead[i] < target ? target : _ahead[i]);
        }

        if (start == DocIdSetIterator.NO_MORE_DOCS)
        {
            (_start, _end, _bits, _word) = (start, start, 0, _occupied.Length);
            return start;
        }

        _start = start;
        _end = start + _on.Length < start ? int.MaxValue : start + _on.Length;
        Array.Clear(_occupied);
        foreach (var i in _leading)
        {
            Read(i);
        }

        for (var e = 0; e < _excluded.Length; e++)
        {
            Unmark(e);
        }

        // A window read after a skip may start on no doc, or hold none at all: NextDoc then reads on.
        _word = 0;
        _bits = _occupied[0];
        return NextDoc();
    }

    private void Read(int i)
    {
        var term = _tables[i]!;
        var d = Enter(term, _ahead[i]);

        var freqs = _freqs[i]!;
        var bit = 1UL << i;
        while (d < _end)
        {
            var slot = d - _start;
            ref var word = ref _occupied[slot >> 6];
            var mark = 1UL << slot;
            _on[slot] = (word & mark) == 0 ? bit : _on[slot] | bit;
            word |= mark;
            freqs[slot] = term.Freq;
            d = term.NextDoc();
        }

        _ahead[i] = d;
    }

    private void Unmark(int e)
    {
        var docs = _excluded[e];
        var d = Enter(docs, _excludedAhead[e]);

        while (d < _end)
        {
            var slot = d - _start;
            _occupied[slot >> 6] &= ~(1UL << slot);
            d = docs.NextDoc();
        }

        _excludedAhead[e] = d;
    }

    /// <summary>The first doc of <paramref name="docs"/> in the window, from <paramref name="at"/> (where it stands) on.</summary>
    private int Enter(DocIdSetIterator docs, int at)
    {
        if (at >= _start)
        {
            return at;
        }

        // The next posting is usually the one; a skip only where it falls short (a window past an Advance).
        var d = docs.NextDoc();
        return d < _start ? docs.Advance(_start) : d;
    }
}
