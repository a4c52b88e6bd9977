using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace SearchKamer.Analysis;

/// <summary>
/// The Dutch chain for the stemmed fields: standard tokens, lower case, stop words, folding,
/// [compound parts], stem overrides, Snowball Dutch (the last three memoised per word). Folding comes after the stop filter so
/// "één" is not taken for the stop word "een".
/// </summary>
public sealed class DutchStemmedAnalyzer(bool splitCompounds) : Analyzer
{
    /// <summary>True for the index analyzer; queries are not split so a compound in a query
    /// still requires the compound (or its parts at one position) in the document.</summary>
    public bool SplitCompounds { get; } = splitCompounds;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new InvariantLowerCaseFilter(new TokenPartsFilter(tokenizer));
        if (SplitCompounds)
        {
            // Index time: the exact field of the same text replays what the exact chain would make of it.
            stream = new ExactTwin.Tee(stream);
        }

        stream = new StopFilter(LuceneVersion.LUCENE_48, stream, DutchStopWords.Set);
        stream = new ASCIIFoldingFilter(stream);
        stream = new MemoisedStemFilter(stream, SplitCompounds);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
