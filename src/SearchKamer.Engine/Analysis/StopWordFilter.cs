using System.Collections.Frozen;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace SearchKamer.Analysis;

/// <summary>
/// Drops the stop words and leaves their positions empty, as Lucene's StopFilter does, but looks the token up in a
/// frozen set as a span: Lucene.Net's CharArraySet hashed and compared it character by character through its own
/// map, a tenth of the stemmed chain's time for the one question every token is asked (docs/benchmarks.md).
/// </summary>
internal sealed class StopWordFilter(TokenStream input, FrozenSet<string> words) : FilteringTokenFilter(LuceneVersion.LUCENE_48, input)
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _words = words.GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();

    protected override bool Accept() => !_words.Contains(_term.Buffer.AsSpan(0, _term.Length));
}
