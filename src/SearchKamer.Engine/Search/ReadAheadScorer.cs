namespace SearchKamer.Search;

/// <summary>
/// A scorer that can read its postings ahead of the current doc, a window at a time (<see cref="DisjunctionWindow"/>):
/// worth it only where it is walked from its first doc to its last, as the search's own scorer is, and not where a
/// conjunction asks it to leap far ahead.
/// </summary>
internal interface IReadAheadScorer
{
    /// <summary>Reads ahead from now on, where that pays; called before the scorer's first doc.</summary>
    void ReadAhead();
}
