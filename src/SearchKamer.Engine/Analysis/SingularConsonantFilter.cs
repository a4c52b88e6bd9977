using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchKamer.Analysis;

/// <summary>
/// A Dutch plural often voices the singular's last consonant: ziekenhuis, ziekenhuizen; brief, brieven; initiatief,
/// initiatieven; effectief, effectieve. Snowball's Dutch stemmer drops the ending but keeps the voiced consonant
/// (ziekenhuiz, briev), so singular and plural did not meet. This filter, after the stemmer, gives a stem that ends in
/// z or v the s or f of the singular. Snowball itself already undoubles a long vowel before a final consonant (kaas,
/// lees and leef stem to kas, les and lef), so the plurals it now joins (kazen, lezen, leven) meet the stems their
/// own singular forms had. A stem from <see cref="StemOverrides"/> (a keyword) is left as it is.
/// </summary>
internal sealed class SingularConsonantFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    public SingularConsonantFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var last = _term.Length - 1;
        if (last > 0 && !_keyword.IsKeyword)
        {
            var buffer = _term.Buffer;
            buffer[last] = buffer[last] switch
            {
                'z' => 's',
                'v' => 'f',
                var c => c,
            };
        }

        return true;
    }
}
