using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchKamer.Analysis;

/// <summary>
/// Snowball's Dutch stemmer removes a plural s or en only after a consonant, so the plurals after a vowel kept them:
/// organisaties, subsidies, provincies, gemeentes, bureaus, categorieën, ideeën did not meet their singular. Before
/// the stemmer, this filter drops the s of a word of five letters or more that ends in es, us or os, and the en of one
/// that ends in ieën or eeën (folded: ieen, eeen), when the word without it is in the bundled Dutch word list
/// (<see cref="DutchWordList"/>). The list keeps crisis, virus and huis whole, whose s is their own, and the length
/// keeps les, mes and gas. A stem override (a keyword) is left as it is.
/// </summary>
internal sealed class VowelPluralFilter : TokenFilter
{
    private const int MinLength = 5;

    private readonly DutchWordList _words;
    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    public VowelPluralFilter(TokenStream input, DutchWordList words)
        : base(input)
    {
        _words = words;
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (!_keyword.IsKeyword && PluralEnding(_term.Buffer, _term.Length) is var ending and > 0)
        {
            _term.Length -= ending;
        }

        return true;
    }

    /// <summary>How many letters of a plural ending to drop: the s of -es, -us, -os, or the en of -ieën and -eeën (folded).</summary>
    private int PluralEnding(char[] buffer, int length)
    {
        if (length < MinLength)
        {
            return 0;
        }

        var ending = buffer[length - 1] == 's' && buffer[length - 2] is 'e' or 'u' or 'o' ? 1
            : length > MinLength && buffer.AsSpan(length - 3, 3).SequenceEqual("een") && buffer[length - 4] is 'i' or 'e' ? 2
            : 0;
        return ending > 0 && _words.Words.Contains(buffer.AsSpan(0, length - ending)) ? ending : 0;
    }
}
