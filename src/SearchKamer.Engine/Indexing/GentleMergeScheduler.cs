using Lucene.Net.Index;

namespace SearchKamer.Indexing;

/// <summary>Lucene's concurrent merges, run at <see cref="BackgroundPriority">background priority</see> so searches go first.</summary>
internal sealed class GentleMergeScheduler : ConcurrentMergeScheduler
{
    protected override void DoMerge(MergePolicy.OneMerge merge)
    {
        // Runs on the merge thread, which Lucene starts for merges alone.
        BackgroundPriority.LowerCurrentThread();
        base.DoMerge(merge);
    }
}
