using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchKamer.Analysis;

/// <summary>
/// The tokens an analysis chain made of one text (term, offsets, position increment, and how it ended), to be
/// replayed as a token stream instead of analysing the text again. Terms share one char buffer and the rest sits
/// in parallel arrays, so recording allocates only while the buffers grow. Not thread-safe: one thread records
/// and replays.
/// </summary>
public sealed class TokenRecording(int tokens)
{
    private char[] _chars = new char[tokens * 8];
    private int _charCount;
    private int[] _starts = new int[tokens];
    private int[] _lengths = new int[tokens];
    private int[] _startOffsets = new int[tokens];
    private int[] _endOffsets = new int[tokens];
    private int[] _increments = new int[tokens];
    private int _count;
    private int _finalOffset;
    private int _finalIncrement;
    private Replayed? _replayed;

    /// <summary>Whether a whole stream was recorded since the last <see cref="Clear"/>.</summary>
    public bool Complete { get; private set; }

    public void Clear()
    {
        (_count, _charCount, Complete) = (0, 0, false);
    }

    /// <summary>No longer <see cref="Complete"/>, but the tokens stay for a replay already handed out.</summary>
    public void Forget() => Complete = false;

    public void Add(ReadOnlySpan<char> term, int startOffset, int endOffset, int increment)
    {
        if (_count == _starts.Length)
        {
            Grow();
        }

        if (_charCount + term.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + term.Length));
        }

        term.CopyTo(_chars.AsSpan(_charCount));
        (_starts[_count], _lengths[_count]) = (_charCount, term.Length);
        (_startOffsets[_count], _endOffsets[_count], _increments[_count]) = (startOffset, endOffset, increment);
        _charCount += term.Length;
        _count++;
    }

    /// <summary>The stream's end: its final offset and position increment, as its End() left them.</summary>
    public void Finish(int finalOffset, int finalIncrement)
    {
        (_finalOffset, _finalIncrement, Complete) = (finalOffset, finalIncrement, true);
    }

    /// <summary>The recorded tokens as a token stream (the same instance each time: consume one before asking again).</summary>
    public TokenStream Replay() => _replayed ??= new Replayed(this);

    private void Grow()
    {
        var size = _starts.Length * 2;
        Array.Resize(ref _starts, size);
        Array.Resize(ref _lengths, size);
        Array.Resize(ref _startOffsets, size);
        Array.Resize(ref _endOffsets, size);
        Array.Resize(ref _increments, size);
    }

    /// <summary>Reused, so Lucene's dispose after each field is a no-op.</summary>
    private sealed class Replayed : TokenStream
    {
        private readonly TokenRecording _recording;
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private readonly IPositionIncrementAttribute _increment;
        private int _next;

        public Replayed(TokenRecording recording)
        {
            _recording = recording;
            _term = AddAttribute<ICharTermAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            var r = _recording;
            if (_next >= r._count)
            {
                return false;
            }

            ClearAttributes();
            var i = _next++;
            _term.CopyBuffer(r._chars, r._starts[i], r._lengths[i]);
            _offset.SetOffset(r._startOffsets[i], r._endOffsets[i]);
            _increment.PositionIncrement = r._increments[i];
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
        }

        public override void End()
        {
            base.End();
            _offset.SetOffset(_recording._finalOffset, _recording._finalOffset);
            _increment.PositionIncrement = _recording._finalIncrement;
        }

        protected override void Dispose(bool disposing)
        {
            // Kept for the next replay.
        }
    }
}
