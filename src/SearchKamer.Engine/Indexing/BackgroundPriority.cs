using System.Runtime.InteropServices;

namespace SearchKamer.Indexing;

/// <summary>
/// Lowers the CPU priority of the calling thread, for indexing work that runs beside searches (the host's
/// inbox, Lucene's segment merges). Measured on the 2-core machine: a PDF through the inbox every second
/// and the merges of the small segments it leaves took a core for a second or two at a time, and searches
/// offered at 400 per second then queued up to a quarter of a second. A searcher waits for nothing the
/// indexer holds (it reads the last commit), so letting searches go first delays only the indexing.
/// </summary>
public static class BackgroundPriority
{
    /// <summary>Linux nice value: the kernel gives such a thread about a tenth of a normal one's share of a busy core.</summary>
    public const int Nice = 10;

    /// <summary>Lowers the calling thread's priority; for dedicated threads only, never for a thread-pool thread.</summary>
    public static void LowerCurrentThread()
    {
        if (OperatingSystem.IsLinux())
        {
            // Linux keeps a nice value per thread: PRIO_PROCESS with a thread id sets that thread's alone.
            _ = SetPriority(0, GetThreadId(), Nice);
        }
        else
        {
            Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
        }
    }

    /// <summary>
    /// Lowers every thread of this process with that name, for threads the runtime starts itself (Linux only,
    /// where /proc names them; elsewhere nothing). Returns how many it found.
    /// </summary>
    public static int LowerThreadsNamed(string name)
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        var found = 0;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n') == name && int.TryParse(Path.GetFileName(task), out var id))
                {
                    _ = SetPriority(0, id, Nice);
                    found++;
                }
            }
            catch (IOException)
            {
                // The thread ended between listing and reading.
            }
        }

        return found;
    }

    // DllImport rather than LibraryImport: two int-only calls need no marshalling, and no unsafe code.
    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}
