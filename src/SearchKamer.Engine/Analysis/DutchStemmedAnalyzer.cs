using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace SearchKamer.Analysis;

/// <summary>
/// The Dutch chain for the stemmed fields: standard tokens, lower case, stop words, folding,
/// [compound parts], stem overrides, Snowball Dutch, the singular's last consonant (<see cref="SingularConsonantFilter"/>;
/// the last four memoised per word). Folding comes after the stop filter so
/// "één" is not taken for the stop word "een".
/// </summary>
public sealed class DutchStemmedAnalyzer : Analyzer
{
    private readonly StemMemo _memo;

    public DutchStemmedAnalyzer(bool splitCompounds)
        : this(splitCompounds, MemoisedStemFilter.Shared(splitCompounds))
    {
    }

    /// <param name="memo">A memo of the chain's tail of its own (tests); otherwise the process's.</param>
    internal DutchStemmedAnalyzer(bool splitCompounds, StemMemo memo)
    {
        SplitCompounds = splitCompounds;
        _memo = memo;
    }

    /// <summary>True for the index analyzer; queries are not split so a compound in a query
    /// still requires the compound (or its parts at one position) in the document.</summary>
    public bool SplitCompounds { get; }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new InvariantLowerCaseFilter(new TokenPartsFilter(tokenizer));
        if (SplitCompounds)
        {
            // Index time: the exact field of the same text replays what the exact chain would make of it.
            stream = new ExactTwin.Tee(stream);
        }

        stream = new StopWordFilter(stream, DutchStopWords.Set);
        stream = new ASCIIFoldingFilter(stream);
        stream = new MemoisedStemFilter(stream, SplitCompounds, _memo);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
