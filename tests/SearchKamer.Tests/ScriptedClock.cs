namespace SearchKamer.Tests;

/// <summary>
/// A clock whose n-th reading (from 0) is whatever the test says, so a time bound is reached, or not,
/// by the test's choice instead of by how busy the machine is. Safe to read from several threads.
/// </summary>
public sealed class ScriptedClock(Func<int, TimeSpan> reading) : TimeProvider
{
    private int _readings = -1;

    public int Readings => _readings + 1;

    /// <summary>Every reading a step later than the one before.</summary>
    public static ScriptedClock Stepping(TimeSpan step) => new(n => step * n);

    /// <summary>The first reading at 0, every later one at <paramref name="later"/>: one jump, then standing still.</summary>
    public static ScriptedClock Jumping(TimeSpan later) => new(n => n == 0 ? TimeSpan.Zero : later);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => reading(Interlocked.Increment(ref _readings)).Ticks;
}
