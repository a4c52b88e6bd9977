using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchKamer.Analysis;

/// <summary>
/// Right after the tokenizer, in every text chain (index and query alike, so both directions match):
/// <list type="bullet">
/// <item>An apostrophe plural or derivation (risico’s, risico's, ggd’en, zzp’ers, cao’s) becomes its bare
/// word, keeping the whole token's offsets, so the highlighter marks "risico’s" for "risico".</item>
/// <item>A token the tokenizer kept whole across dots or colons (parlement.com, www.tweedekamer.nl,
/// ecli:nl:rvs) becomes its parts at consecutive positions with their own offsets: each part is a word,
/// and the whole written out is the phrase of its parts, which phrase queries already find.</item>
/// </list>
/// Numbers (1.234, 2,5) are left alone: only tokens with a letter are split.
/// </summary>
public sealed class TokenPartsFilter : TokenFilter
{
    // After the apostrophe: the plural -s, -en after an abbreviation, -ers (zzp'ers, ME'ers), -er, diminutives.
    private static readonly string[] ApostropheEndings = ["s", "en", "ers", "er", "je", "jes", "tje", "tjes"];

    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _increment;
    private readonly List<Range> _parts = [];
    private char[] _word = new char[64];
    private int _wordStart;
    private int _next;

    public TokenPartsFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next < _parts.Count)
        {
            EmitPart(_next++, increment: 1);
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        var span = _term.Buffer.AsSpan(0, _term.Length);
        if (span.IndexOfAny('\'', '’') >= 0)
        {
            _term.Length = BareLength(span);
            span = _term.Buffer.AsSpan(0, _term.Length);
        }

        if (span.IndexOfAny('.', ':') >= 0 && Split(span))
        {
            EmitPart(0, _increment.PositionIncrement);
            _next = 1;
        }

        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _parts.Clear();
        _next = 0;
    }

    /// <summary>The length of the bare word before an apostrophe ending, or the whole length.</summary>
    internal static int BareLength(ReadOnlySpan<char> token)
    {
        var apostrophe = token.LastIndexOfAny('\'', '’');
        if (apostrophe < 2)
        {
            return token.Length;
        }

        var ending = token[(apostrophe + 1)..];
        foreach (var e in ApostropheEndings)
        {
            if (ending.Equals(e, StringComparison.OrdinalIgnoreCase))
            {
                return apostrophe;
            }
        }

        return token.Length;
    }

    private bool Split(ReadOnlySpan<char> token)
    {
        _parts.Clear();
        _next = 0;
        var hasLetter = false;
        var start = 0;
        for (var i = 0; i <= token.Length; i++)
        {
            if (i == token.Length || token[i] is '.' or ':')
            {
                if (i > start)
                {
                    _parts.Add(new Range(start, i));
                }

                start = i + 1;
            }
            else
            {
                hasLetter |= char.IsLetter(token[i]);
            }
        }

        if (!hasLetter || _parts.Count < 2)
        {
            _parts.Clear();
            return false;
        }

        if (_word.Length < token.Length)
        {
            _word = new char[token.Length];
        }

        token.CopyTo(_word);
        _wordStart = _offset.StartOffset;
        return true;
    }

    private void EmitPart(int index, int increment)
    {
        var part = _parts[index];
        var (offset, length) = part.GetOffsetAndLength(_parts[^1].End.Value);
        _term.CopyBuffer(_word, offset, length);
        _offset.SetOffset(_wordStart + offset, _wordStart + offset + length);
        _increment.PositionIncrement = increment;
    }
}
