using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchKamer.Analysis;

/// <summary>
/// Lower-cases like Lucene's LowerCaseFilter (invariant, per code point), but Latin-1 letters take
/// a shortcut: with ICU globalisation on, Lucene.Net's filter asks the culture for every token and
/// that was a sixth of all analysis time.
/// </summary>
public sealed class InvariantLowerCaseFilter : TokenFilter
{
    // Latin-1 covers the Dutch diacritics; computed from the invariant mapping, so identical to it.
    private static readonly char[] Latin1 = [.. Enumerable.Range(0, 256).Select(c => char.ToLowerInvariant((char)c))];

    private readonly ICharTermAttribute _term;

    public InvariantLowerCaseFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = _term.Buffer;
        var length = _term.Length;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c < 0x100)
            {
                buffer[i] = Latin1[c];
            }
            else if (char.IsHighSurrogate(c) && i + 1 < length && char.IsLowSurrogate(buffer[i + 1]))
            {
                // Lower case of a supplementary letter stays supplementary (two chars), so it fits in place.
                var lower = Rune.ToLowerInvariant(new Rune(c, buffer[i + 1]));
                lower.EncodeToUtf16(buffer.AsSpan(i, 2));
                i++;
            }
            else
            {
                buffer[i] = char.ToLowerInvariant(c);
            }
        }

        return true;
    }
}
