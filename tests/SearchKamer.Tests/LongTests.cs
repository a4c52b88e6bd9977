namespace SearchKamer.Tests;

/// <summary>Long variants of bounded tests run only with SEARCHKAMER_LONG_TESTS=1; the short variant always runs.</summary>
public static class LongTests
{
    public static bool Enabled => Environment.GetEnvironmentVariable("SEARCHKAMER_LONG_TESTS") == "1";
}
