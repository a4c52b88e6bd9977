using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchKamer.Analysis;

/// <summary>
/// Index-time only: after a compound token, emits its parts at the same position (increment 0)
/// with the compound's offsets, so "inhuur" and the phrase "externe inhuur" match
/// "externe inhuurkosten" and highlighting marks the whole word. Expects lower-case, folded
/// tokens; the parts then go through the stemmer like any other token.
/// </summary>
public sealed class CompoundSplitFilter : TokenFilter
{
    private readonly CompoundSplitter _splitter;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private readonly IOffsetAttribute _offset;
    private readonly IKeywordAttribute _keyword;
    private readonly Range[] _parts = new Range[CompoundSplitter.MaxParts];
    private char[] _word = new char[64];
    private int _compoundStart;
    private int _compoundEnd;
    private int _partCount;
    private int _nextPart;

    public CompoundSplitFilter(TokenStream input)
        : this(input, CompoundSplitter.Bundled)
    {
    }

    internal CompoundSplitFilter(TokenStream input, CompoundSplitter splitter)
        : base(input)
    {
        _splitter = splitter;
        _term = AddAttribute<ICharTermAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_nextPart < _partCount)
        {
            // Filters after this one have changed the shared attributes since the compound went by
            // (the stem override sets the keyword flag). Only these few are reset: capturing and
            // restoring the whole state cloned every attribute and was a fifth of all indexing time.
            var part = _parts[_nextPart++];
            _term.CopyBuffer(_word, part.Start.Value, part.End.Value - part.Start.Value);
            _positionIncrement.PositionIncrement = 0;
            _offset.SetOffset(_compoundStart, _compoundEnd);
            _keyword.IsKeyword = false;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        _nextPart = 0;
        _partCount = _splitter.Split(_term.Buffer.AsSpan(0, _term.Length), _parts);
        if (_partCount > 0)
        {
            if (_word.Length < _term.Length)
            {
                _word = new char[_term.Length];
            }

            _term.Buffer.AsSpan(0, _term.Length).CopyTo(_word);
            _compoundStart = _offset.StartOffset;
            _compoundEnd = _offset.EndOffset;
        }

        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _partCount = 0;
        _nextPart = 0;
    }
}
