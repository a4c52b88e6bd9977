using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchKamer.Indexing;

namespace SearchKamer.Search;

/// <summary>Documents <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive) of one segment.</summary>
internal sealed record DocumentStretch(AtomicReaderContext Leaf, int Start, int End);

/// <summary>
/// Cuts an index into <c>parts</c> runs of about equal size, for collecting side by side. A cut inside
/// a segment falls just after a document record, so a document's pairs (which precede their record)
/// always stay in one run and a collector sees every document whole.
/// </summary>
internal static class DocumentStretches
{
    public static List<List<DocumentStretch>> Of(IList<AtomicReaderContext> leaves, int parts)
    {
        var total = leaves.Sum(l => (long)l.AtomicReader.MaxDoc);
        var target = Math.Max(1, (total + parts - 1) / Math.Max(1, parts));
        var runs = new List<List<DocumentStretch>> { new() };
        long filled = 0;
        foreach (var leaf in leaves)
        {
            var start = 0;
            var maxDoc = leaf.AtomicReader.MaxDoc;
            while (start < maxDoc)
            {
                if (filled >= target && runs.Count < parts)
                {
                    runs.Add([]);
                    filled = 0;
                }

                var end = runs.Count < parts ? CutAfter(leaf, start + (int)Math.Min(target - filled, maxDoc - start)) : maxDoc;
                runs[^1].Add(new DocumentStretch(leaf, start, end));
                filled += end - start;
                start = end;
            }
        }

        return runs;
    }

    /// <summary>The first document boundary at or after <paramref name="at"/>: just past the next document record.</summary>
    private static int CutAfter(AtomicReaderContext leaf, int at)
    {
        var maxDoc = leaf.AtomicReader.MaxDoc;
        if (at >= maxDoc)
        {
            return maxDoc;
        }

        var record = ParentBits.For(leaf.AtomicReader).NextSetBit(Math.Max(0, at - 1));
        return record < 0 ? maxDoc : record + 1;
    }
}
