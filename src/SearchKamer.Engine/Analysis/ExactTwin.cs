using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchKamer.Analysis;

/// <summary>
/// One tokenization for a text indexed twice, stemmed and exact. The exact chain (tokenizer, token parts,
/// lower case, folding) is the stemmed chain's first half plus folding, so while the stemmed index chain
/// runs, <see cref="Tee"/> writes down what the exact chain would make of the same text; the exact field
/// then replays that instead of tokenizing the text again (docs/benchmarks.md, "Build speed": the exact chains were
/// 6 % of the build's CPU samples, 3.4 % after, the rest being the name and keyword fields).
/// Per thread and for the last text only: Lucene inverts a document's fields one after another on the
/// thread that adds it, sorted by name, so "question" comes right before "question_exact". A text that
/// was not just recorded (another order, another caller) is analysed as usual: the replay is a shortcut,
/// never a second source of truth.
/// </summary>
public static class ExactTwin
{
    [ThreadStatic]
    private static Twin? t_twin;

    /// <summary>
    /// Asks the stemmed index chain to record the exact twin of <paramref name="text"/>, which it analyses next on
    /// this thread: call it right before the stemmed index analyzer's token stream for that text is asked for.
    /// </summary>
    public static void Expect(string text) => (t_twin ??= new Twin()).Expect(text);

    /// <summary>The exact tokens of <paramref name="text"/> if the stemmed chain just recorded them on this thread; else null.</summary>
    public static TokenStream? Replay(string text) => t_twin?.Replay(text);

    /// <summary>
    /// In the stemmed chain after lower-casing and before the stop words: records every token folded, with its
    /// offsets and position increment, while a text is expected. Passes every token on unchanged.
    /// </summary>
    internal sealed class Tee : TokenFilter
    {
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private readonly IPositionIncrementAttribute _increment;
        private char[] _folded = new char[256];
        private Twin? _into;

        public Tee(TokenStream input)
            : base(input)
        {
            _term = AddAttribute<ICharTermAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            _into?.Tokens.Add(Fold(_term.Buffer, _term.Length), _offset.StartOffset, _offset.EndOffset, _increment.PositionIncrement);
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _into = t_twin?.Start();
        }

        public override void End()
        {
            // The attributes after the input's End are the exact chain's end: nothing between them changes it.
            base.End();
            _into?.Finish(_offset.EndOffset, _increment.PositionIncrement);
            _into = null;
        }

        /// <summary>As ASCIIFoldingFilter: only a term with a character beyond ASCII is folded.</summary>
        private ReadOnlySpan<char> Fold(char[] buffer, int length)
        {
            foreach (var c in buffer.AsSpan(0, length))
            {
                if (c >= '\u0080')
                {
                    if (_folded.Length < length * 4)
                    {
                        _folded = new char[length * 4];
                    }

                    return _folded.AsSpan(0, ASCIIFoldingFilter.FoldToASCII(buffer, 0, _folded, 0, length));
                }
            }

            return buffer.AsSpan(0, length);
        }
    }

    /// <summary>A thread's expected text and the exact tokens recorded for it.</summary>
    private sealed class Twin
    {
        private string? _expected;
        private string? _text;

        public TokenRecording Tokens { get; } = new(512);

        public void Expect(string text)
        {
            (_expected, _text) = (text, null);
            Tokens.Clear();
        }

        public Twin? Start()
        {
            if (_expected is null)
            {
                return null;
            }

            (_text, _expected) = (_expected, null);
            Tokens.Clear();
            return this;
        }

        public void Finish(int finalOffset, int finalIncrement)
        {
            // The tokenizer ends at the text's length: a recording of another text than expected is dropped.
            if (finalOffset == _text?.Length)
            {
                Tokens.Finish(finalOffset, finalIncrement);
            }
        }

        public TokenStream? Replay(string text)
        {
            if (!Tokens.Complete || !ReferenceEquals(text, _text))
            {
                return null;
            }

            // One replay per recording: the text is let go, and a second field of the same text analyses it.
            _text = null;
            Tokens.Forget();
            return Tokens.Replay();
        }
    }
}
