using System.Numerics;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using SearchKamer.Indexing;

namespace SearchKamer.Search;

/// <summary>
/// Numbers the document records of a segment 0, 1, 2… in doc order, so the per-record tables hold one
/// entry per document instead of one per doc: at a million pairs that is 0.6 MB instead of 5.6 MB per
/// table, small enough to stay in the CPU caches while a broad search looks up every matching document.
/// A record's number is the records before it: a count kept per 64 docs plus the bits of its own word.
/// Cached per segment core, like <see cref="ParentBits"/>.
/// </summary>
internal sealed class RecordNumbers
{
    private static readonly ConditionalWeakTable<object, RecordNumbers> Cache = new();

    private readonly long[] _words;
    private readonly int[] _before;

    private RecordNumbers(long[] words, int wordCount)
    {
        _words = words;
        _before = new int[wordCount + 1];
        for (var w = 0; w < wordCount; w++)
        {
            _before[w + 1] = _before[w] + BitOperations.PopCount((ulong)words[w]);
        }

        Count = _before[wordCount];
    }

    /// <summary>Document records in the segment.</summary>
    public int Count { get; }

    /// <summary>The number of the record at <paramref name="parentDoc"/> (a doc id whose parent bit is set).</summary>
    public int Of(int parentDoc)
    {
        var word = parentDoc >> 6;
        return _before[word] + BitOperations.PopCount((ulong)_words[word] & ((1UL << (parentDoc & 63)) - 1));
    }

    public static RecordNumbers For(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ =>
    {
        var parents = ParentBits.For(reader);
        return new RecordNumbers(parents.GetBits(), (parents.Length + 63) >> 6);
    });
}
