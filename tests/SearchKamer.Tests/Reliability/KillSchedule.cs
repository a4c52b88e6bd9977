namespace SearchKamer.Tests.Reliability;

/// <summary>
/// Seeded random kill moments: 3 rounds always, 20 with SEARCHKAMER_LONG_TESTS=1. The seed is in
/// every failure message, so a failing schedule can be replayed (SEARCHKAMER_KILL_SEED).
/// </summary>
public sealed class KillSchedule
{
    private readonly Random _random;

    public KillSchedule(int defaultSeed)
    {
        Seed = int.TryParse(Environment.GetEnvironmentVariable("SEARCHKAMER_KILL_SEED"), out var s) ? s : defaultSeed;
        _random = new Random(Seed);
        Rounds = LongTests.Enabled ? 20 : 3;
    }

    public int Seed { get; }

    public int Rounds { get; }

    public TimeSpan Next(TimeSpan min, TimeSpan max) => min + ((max - min) * _random.NextDouble());

    public string Describe(int round, TimeSpan delay) => $"seed {Seed}, round {round + 1}/{Rounds}, killed after {delay.TotalMilliseconds:0} ms";
}
