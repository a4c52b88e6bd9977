using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace SearchKamer.Analysis;

/// <summary>
/// The tail of the Dutch chain — [compound parts], stem overrides, Snowball — depends on the
/// folded word alone, and a few thousand words make up most of any text. So the process remembers
/// what the tail made of a word and replays it: the stem first, then the stemmed parts at the same
/// position with the word's offsets. Words are looked up as spans, so a hit allocates nothing.
/// One memo for all threads: a memo per thread grew with the host's thread pool to gigabytes.
/// </summary>
public sealed class MemoisedStemFilter : TokenFilter
{
    // Bounded so a stream of unique tokens (numbers, ids) cannot grow it without end.
    private const int MaxWords = 200_000;

    private static readonly Analyzer SplittingTail = new Tail(splitCompounds: true);
    private static readonly Analyzer PlainTail = new Tail(splitCompounds: false);

    private static readonly Memo Splitting = new();
    private static readonly Memo Plain = new();

    private readonly bool _splitCompounds;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private string[] _terms = [];
    private int _next;

    public MemoisedStemFilter(TokenStream input, bool splitCompounds)
        : base(input)
    {
        _splitCompounds = splitCompounds;
        _term = AddAttribute<ICharTermAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next < _terms.Length)
        {
            var part = _terms[_next++];
            _term.SetEmpty().Append(part);
            _positionIncrement.PositionIncrement = 0;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        _terms = Lookup(_term.Buffer.AsSpan(0, _term.Length));
        _term.SetEmpty().Append(_terms[0]);
        _next = 1;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _terms = [];
        _next = 0;
    }

    private string[] Lookup(ReadOnlySpan<char> word)
    {
        var memo = _splitCompounds ? Splitting : Plain;
        if (memo.Words.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var terms))
        {
            return terms;
        }

        var text = word.ToString();
        terms = Run(_splitCompounds ? SplittingTail : PlainTail, text);
        for (var i = 1; i < terms.Length; i++)
        {
            terms[i] = CompoundParts.Mark(terms[i]);
        }

        memo.Add(text, terms);
        return terms;
    }

    /// <summary>
    /// Counts its own additions: ConcurrentDictionary.Count takes every lock, too dear on each miss;
    /// an approximate count is enough for a bound.
    /// </summary>
    private sealed class Memo
    {
        private int _count;

        public ConcurrentDictionary<string, string[]> Words { get; } = new(StringComparer.Ordinal);

        public void Add(string word, string[] terms)
        {
            if (Interlocked.Increment(ref _count) > MaxWords)
            {
                Words.Clear();
                Interlocked.Exchange(ref _count, 0);
            }

            Words[word] = terms;
        }
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
            stream = new SnowballFilter(stream, new DutchStemmer());
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
