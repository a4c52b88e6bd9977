using System.Globalization;

namespace SearchKamer.Host.Cli;

/// <summary>
/// A process's memory as Linux counts it in /proc/PID/status, in MiB; null elsewhere. The index is read from memory
/// maps, so its pages the process has touched count in its resident size (VmRSS, VmHWM) as RssFile: page cache the
/// kernel may drop, shared with every reader of the files, and cached just the same when files are read with system
/// calls. The process's own memory is RssAnon.
/// </summary>
public static class ProcMemory
{
    public static long? Mb(int pid, string key)
    {
        var status = $"/proc/{pid}/status";
        var line = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal)) : null;
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>", waarvan eigen geheugen N MiB en indexbestanden M MiB" where Linux tells; else empty.</summary>
    public static string Split(int pid) =>
        Mb(pid, "RssAnon") is { } anon && Mb(pid, "RssFile") is { } file ? $", waarvan eigen geheugen {anon} MiB en gemapte bestanden {file} MiB" : "";
}
