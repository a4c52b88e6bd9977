using System.Numerics;
using System.Runtime.CompilerServices;
using Lucene.Net.Search;

namespace SearchKamer.Search;

/// <summary>
/// Reading the leading terms ahead, a window at a time (<see cref="DisjunctionWindow"/>), for the scorer the search
/// walks from its first doc to its last; a scorer that a conjunction asks to leap ahead merges its terms doc by doc.
/// </summary>
internal sealed partial class FlatDisjunctionScorer
{
    // Set once the scorer reads ahead: the leading terms' postings then run ahead of the current doc.
    private DisjunctionWindow? _window;
    private readonly int _maxDoc;

    /// <summary>
    /// Reads the leading terms a window at a time where their docs are dense enough that a window holds many (see
    /// <see cref="DisjunctionWindow.DocsPerPosting"/>).
    /// </summary>
    public Scorer ReadAhead()
    {
        if (Dense)
        {
            ReadInWindows();
        }

        return this;
    }

    /// <summary>Whether the leading terms hold a posting per <see cref="DisjunctionWindow.DocsPerPosting"/> docs or more: then they are read ahead.</summary>
    internal bool Dense => GetCost() * DisjunctionWindow.DocsPerPosting >= _maxDoc;

    /// <summary>Whether the leading terms are read a window at a time.</summary>
    internal bool InWindows => _window is not null;

    /// <summary>Reads the leading terms a window at a time from here on (before the first doc), where they are all table terms and at most 64.</summary>
    internal void ReadInWindows(int size = DisjunctionWindow.Size)
    {
        if (_doc == -1 && _capped is not null && _leading.All(i => _tables[i] is not null))
        {
            _window = new DisjunctionWindow(_terms.Length, _leading, _tables, size);
        }
    }

    /// <summary>Never visits a doc of <paramref name="excluded"/> (a NOT's excluded words); only while reading in windows, before the first doc.</summary>
    internal void Exclude(DocIdSetIterator[] excluded)
    {
        if (_window is null || _doc != -1)
        {
            throw new InvalidOperationException("docs are excluded window by window, from the first");
        }

        _window.Exclude(excluded);
    }

    /// <summary>Moves to <paramref name="doc"/>, found by the window.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int InWindow(int doc)
    {
        _at = doc == NO_MORE_DOCS ? 0 : _window!.On;
        return _doc = doc;
    }

    /// <summary>
    /// In a window, a leading term's postings have run ahead: its place in <see cref="_docs"/> is set to the current doc
    /// only where the whole loop over the terms needs it (<see cref="Add"/>, <see cref="Matching"/>), not at every doc.
    /// </summary>
    private void MarkLeadingOnDoc()
    {
        if (_window is not null)
        {
            for (var bits = _at; bits != 0; bits &= bits - 1)
            {
                _docs[BitOperations.TrailingZeroCount(bits)] = _doc;
            }
        }
    }

    /// <summary>The frequency of leading term <paramref name="i"/> (a table term) on the current doc.</summary>
    private int LeadingFreq(int i) => _window is { } window ? window.Freq(i) : _tables[i]!.Freq;
}
