using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchKamer.Search;

/// <summary>
/// What one search may cost: wall time while collecting, and how many index terms one prefix or
/// wildcard may stand for. Past either bound the search stops with a message naming the query.
/// </summary>
public sealed record SearchLimits(TimeSpan TimeLimit, int MaxExpansions)
{
    public static SearchLimits Default { get; } = new(TimeSpan.FromSeconds(5), 100_000);

    /// <summary>
    /// How many postings (the scorers' cost) a search must read before it is collected on every core while no
    /// other search runs. Handing half of it to a pool thread costs 50–200 µs of waking and spinning. A conjunction
    /// or a phrase gives the cost of its rarest word but reads every word's postings, so searches of 3,000–20,000
    /// took 0.62–0.87 of their time split (three words, phrases, small ORs); below 3,000 a second core bought no time
    /// (docs/benchmarks.md).
    /// </summary>
    public long SplitAbove { get; init; } = 3_000;

    /// <summary>
    /// How many postings a search must read before its pairs that cannot reach the page go unscored
    /// (<see cref="IBoundedScorer"/>). Bounding a pair costs about what scoring it without its written forms does, and
    /// the page's skipped pairs are scored again at the end. Since a written form's bound reuses its stem's frequency
    /// instead of reading its own, words of 16,000–80,000 pairs (most of `bench http`'s single words) are 6 % cheaper
    /// bounded. Bounding from 0 postings on measured the same as from 20,000 on the bench mix; this bound leaves the
    /// rare words as they were (docs/benchmarks.md).
    /// </summary>
    public long BoundAbove { get; init; } = 20_000;

    /// <summary>Scores every matching pair, even one that cannot reach the page (<see cref="IBoundedScorer"/>): for comparing.</summary>
    internal bool ScoreEveryPair { get; init; }

    /// <summary>Whether the search's own scorer may read its postings ahead (<see cref="IReadAheadScorer"/>); off only for comparing.</summary>
    internal bool ReadAhead { get; init; } = true;

    /// <summary>
    /// With two or more facet selections, the pairs that fail two of them are skipped (<see cref="AllButOneSelection"/>)
    /// when the query reads more than this many times the postings of the selected values; 0: always; int.MaxValue: never.
    /// </summary>
    internal int SkipFactor { get; init; } = AllButOneSelection.DefaultFactor;
}

/// <summary>Counts the terms a prefix or wildcard matches before handing it to the usual constant-score rewrite.</summary>
internal sealed class BoundedRewrite(int maxTerms) : MultiTermQuery.RewriteMethod
{
    public override Query Rewrite(IndexReader reader, MultiTermQuery query)
    {
        var count = 0;
        foreach (var leaf in reader.Leaves)
        {
            if (leaf.AtomicReader.GetTerms(query.Field) is not { } terms)
            {
                continue;
            }

            var matching = GetTermsEnum(query, terms, new AttributeSource());
            while (matching.MoveNext())
            {
                if (++count > maxTerms)
                {
                    throw new SearchRequestException("q", $"\"{query.ToString(query.Field)}\" staat voor meer dan {maxTerms:N0} verschillende woorden; maak het vaste begin langer");
                }
            }
        }

        return MultiTermQuery.CONSTANT_SCORE_AUTO_REWRITE_DEFAULT.Rewrite(reader, query);
    }
}

/// <summary>When a search must stop collecting; checking the clock every hit would cost more than the hit.</summary>
internal readonly struct Deadline(TimeSpan limit, TimeProvider clock)
{
    /// <summary>Hits collected between two looks at the clock.</summary>
    public const int CheckEvery = 4096;

    private readonly long _started = clock.GetTimestamp();

    public void Check()
    {
        if (clock.GetElapsedTime(_started) > limit)
        {
            throw new SearchRequestException("q", $"zoeken duurde langer dan {limit.TotalSeconds:0.#} s en is afgebroken; maak de zoekvraag specifieker of kies filters");
        }
    }
}
