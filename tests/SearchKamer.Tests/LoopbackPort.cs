namespace SearchKamer.Tests;

/// <summary>
/// Where a server a test starts listens: port 0, so the server binds a free port at once and reports
/// it. (Finding a free port first and binding it later raced with every other test doing the same.)
/// </summary>
public static class LoopbackPort
{
    public const string Any = "http://127.0.0.1:0";
}
