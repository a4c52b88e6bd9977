using System.Globalization;

namespace SearchKamer.Tests;

/// <summary>The CPU priority of threads as the kernel sees it: "nice N" on Linux, the managed priority elsewhere.</summary>
internal static class ThreadPriorities
{
    public static string OfCurrentThread() => OperatingSystem.IsLinux()
        ? NiceOf(File.ReadAllText("/proc/thread-self/stat"))
        : Thread.CurrentThread.Priority.ToString();

    /// <summary>The priorities of this process's live threads with that name (Linux only; empty elsewhere).</summary>
    public static List<string> OfThreadsNamed(string name) => [.. ThreadsNamed(name, except: null).Values];

    /// <summary>Thread id → priority of this process's live threads with that name, leaving out the ids in <paramref name="except"/>.</summary>
    public static Dictionary<string, string> ThreadsNamed(string name, IReadOnlySet<string>? except)
    {
        var found = new Dictionary<string, string>();
        foreach (var task in OperatingSystem.IsLinux() ? Directory.GetDirectories("/proc/self/task") : [])
        {
            try
            {
                var id = Path.GetFileName(task);
                if (except?.Contains(id) != true && File.ReadAllText(Path.Combine(task, "comm")).Trim() == name)
                {
                    found[id] = NiceOf(File.ReadAllText(Path.Combine(task, "stat")));
                }
            }
            catch (IOException)
            {
                // The thread ended between listing and reading.
            }
        }

        return found;
    }

    // Field 19 of a thread's stat, counted after the command name, which may hold spaces.
    private static string NiceOf(string stat) =>
        "nice " + int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], CultureInfo.InvariantCulture);
}
