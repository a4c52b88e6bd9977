namespace SearchKamer.Search;

/// <summary>
/// The highest <see cref="TopGroups.Threshold"/> among the collectors that search one index side by side: each holds
/// its <c>keep</c> documents at or above its own, so a document of another stretch below it cannot reach the merged
/// page either. A document whose pairs all went unscored is then kept by a selection not yet full with a score of
/// negative infinity, and falls out when the selections are merged.
/// </summary>
internal sealed class SharedThreshold
{
    private int _bits = BitConverter.SingleToInt32Bits(float.NegativeInfinity);

    public float Value => BitConverter.Int32BitsToSingle(Volatile.Read(ref _bits));

    public void Raise(float threshold)
    {
        var seen = Volatile.Read(ref _bits);
        while (threshold > BitConverter.Int32BitsToSingle(seen))
        {
            var before = Interlocked.CompareExchange(ref _bits, BitConverter.SingleToInt32Bits(threshold), seen);
            if (before == seen)
            {
                return;
            }

            seen = before;
        }
    }
}
