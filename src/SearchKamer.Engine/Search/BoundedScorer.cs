namespace SearchKamer.Search;

/// <summary>
/// A scorer that can tell, without reading every posting, that a doc's score is below a threshold: the collector
/// passes the score a document must beat to reach the page, and most pairs of a broad search cannot.
/// </summary>
internal interface IBoundedScorer
{
    /// <summary>The score of the current doc, or NaN when it is certainly below <paramref name="threshold"/>.</summary>
    float GetScore(float threshold);
}
