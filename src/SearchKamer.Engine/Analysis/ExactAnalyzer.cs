using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace SearchKamer.Analysis;

/// <summary>
/// Lower case and folding only, no stop words and no stemming: the *_exact and name fields,
/// where phrases must match word for word and prefix, wildcard and fuzzy queries see real words.
/// </summary>
public sealed class ExactAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new InvariantLowerCaseFilter(new TokenPartsFilter(tokenizer));
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
