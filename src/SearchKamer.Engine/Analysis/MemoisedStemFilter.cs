using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace SearchKamer.Analysis;

/// <summary>
/// The tail of the Dutch chain — [compound parts], stem overrides, a plural's s after a vowel, Snowball, the singular's
/// consonant — depends on the
/// folded word alone, and a few thousand words make up most of any text. So the process remembers
/// what the tail made of a word and replays it: the stem first, then the stemmed parts at the same
/// position with the word's offsets. Words are looked up as spans, so a hit allocates nothing.
/// One memo for all threads: a memo per thread grew with the host's thread pool to gigabytes.
/// </summary>
internal sealed class MemoisedStemFilter : TokenFilter
{
    // Bounded so a stream of unique tokens (numbers, ids) cannot grow it without end.
    private const int MaxWords = 200_000;

    // The tokenizer cuts tokens at 255 characters; a longer word (none in practice) is not remembered.
    private const int MaxWordLength = 255;

    private static readonly Analyzer SplittingTail = new Tail(splitCompounds: true);
    private static readonly Analyzer PlainTail = new Tail(splitCompounds: false);

    private static readonly StemMemo Splitting = new(MaxWords);
    private static readonly StemMemo Plain = new(MaxWords);

    private readonly bool _splitCompounds;
    private readonly StemMemo _memo;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private string[] _parts = [];
    private int _next;

    /// <param name="memo">Where words are remembered: the process's own memo of the chain (<see cref="Shared"/>), or a test's.</param>
    public MemoisedStemFilter(TokenStream input, bool splitCompounds, StemMemo memo)
        : base(input)
    {
        _splitCompounds = splitCompounds;
        _memo = memo;
        _term = AddAttribute<ICharTermAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next < _parts.Length)
        {
            _term.SetEmpty().Append(_parts[_next++]);
            _positionIncrement.PositionIncrement = 0;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        var word = _term.Buffer.AsSpan(0, _term.Length);
        if (_memo.TryGet(word, out var found))
        {
            _term.CopyBuffer(found.Chars, found.Start, found.Length);
            _parts = found.Parts;
        }
        else
        {
            var terms = Run(_splitCompounds ? SplittingTail : PlainTail, word.ToString());
            _parts = terms.Length == 1 ? [] : [.. terms.Skip(1).Select(CompoundParts.Mark)];
            if (word.Length <= MaxWordLength)
            {
                _memo.Add(word, terms[0], _parts);
            }

            _term.SetEmpty().Append(terms[0]);
        }

        _next = 0;
        return true;
    }

    /// <summary>The process's memo of the tail with or without compound parts.</summary>
    internal static StemMemo Shared(bool splitCompounds) => splitCompounds ? Splitting : Plain;

    public override void Reset()
    {
        base.Reset();
        _parts = [];
        _next = 0;
    }

    private static string[] Run(Analyzer tail, string word)
    {
        var terms = new List<string>(4);
        using var stream = tail.GetTokenStream("", word);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms.Count > 0 ? [.. terms] : [word];
    }

    /// <summary>The word as one token through the tail of the chain.</summary>
    private sealed class Tail(bool splitCompounds) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new KeywordTokenizer(reader);
            TokenStream stream = tokenizer;
            if (splitCompounds)
            {
                stream = new CompoundSplitFilter(stream);
            }

            stream = new StemmerOverrideFilter(stream, StemOverrides.Map);
            stream = new VowelPluralFilter(stream, DutchWordList.Instance);
            stream = new SnowballFilter(stream, new DutchStemmer());
            stream = new SingularConsonantFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
