using Lucene.Net.Search;

namespace SearchKamer.Search;

/// <summary>
/// A scorer that can read its postings ahead of the current doc, a window at a time (<see cref="DisjunctionWindow"/>):
/// worth it only where it is walked from its first doc to its last, as the search's own scorer is, and not where a
/// conjunction asks it to leap far ahead.
/// </summary>
internal interface IReadAheadScorer
{
    /// <summary>Reads ahead from now on, where that pays; called before the scorer's first doc.</summary>
    /// <returns>The scorer to walk: this one, or one inside it that now finds the same docs with the same scores by itself.</returns>
    Scorer ReadAhead();
}
