using System.Globalization;
using SearchKamer.Indexing;

namespace SearchKamer.Tests.Ingestion;

/// <summary>Indexing threads beside the searches run at a lower CPU priority, their own thread alone.</summary>
public class BackgroundPriorityTests
{
    [Fact]
    public void Lowering_a_thread_lowers_that_thread_alone()
    {
        string? lowered = null;
        var thread = new Thread(() =>
        {
            BackgroundPriority.LowerCurrentThread();
            lowered = PriorityOfCurrentThread();
        });
        thread.Start();
        thread.Join();

        Assert.Equal(OperatingSystem.IsLinux() ? $"nice {BackgroundPriority.Nice}" : nameof(ThreadPriority.BelowNormal), lowered);
        Assert.Equal(OperatingSystem.IsLinux() ? "nice 0" : nameof(ThreadPriority.Normal), PriorityOfCurrentThread());
    }

    private static string PriorityOfCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return Thread.CurrentThread.Priority.ToString();
        }

        // Field 19 of /proc/thread-self/stat, counted after the command name, which may hold spaces.
        var stat = File.ReadAllText("/proc/thread-self/stat");
        return "nice " + int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], CultureInfo.InvariantCulture);
    }
}
