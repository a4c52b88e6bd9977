using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SearchKamer.Tests.Reliability;

/// <summary>
/// The real <c>searchkamer</c> executable (the host build the test project references) in a child
/// process, with its output collected line by line, so a test can kill it like a crash would.
/// </summary>
public sealed partial class SearchkamerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _out = new();
    private readonly ConcurrentQueue<string> _err = new();

    private SearchkamerProcess(Process process) => _process = process;

    public IReadOnlyList<string> Output => [.. _out];

    public string Errors => string.Join('\n', _err);

    public bool HasExited => _process.HasExited;

    public static SearchkamerProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "searchkamer.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Remove("SEARCHKAMER_DATA");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var child = new SearchkamerProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                child._out.Enqueue(line);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                child._err.Enqueue(line);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs to the end and returns the exit code; fails the test if it takes longer than <paramref name="timeout"/>.</summary>
    public static async Task<(int ExitCode, SearchkamerProcess Process)> RunAsync(IEnumerable<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var child = Start(args, environment);
        return (await child.WaitAsync(timeout), child);
    }

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            Assert.Fail($"searchkamer {string.Join(' ', _process.StartInfo.ArgumentList.Skip(1))} did not end within {timeout.TotalSeconds} s\n{string.Join('\n', Output.TakeLast(20))}\n{Errors}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL, as a crash or an out-of-memory kill would end it: no shutdown code runs.</summary>
    /// <returns>False when the process had already ended on its own.</returns>
    public bool Kill()
    {
        if (_process.HasExited)
        {
            _process.WaitForExit();
            return false;
        }

        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        return true;
    }

    /// <summary>
    /// For a host started on <see cref="LoopbackPort.Any"/>: reads the port it bound from its "Now listening
    /// on" line, then polls /health there until it answers; returns the port, or fails.
    /// </summary>
    public async Task<int> WaitForHttpAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until && !_process.HasExited)
        {
            if (Output.Select(l => ListeningOn().Match(l)).FirstOrDefault(m => m.Success) is { } listening)
            {
                var port = int.Parse(listening.Groups[1].Value, CultureInfo.InvariantCulture);
                await WaitForHttpAsync(port, until - DateTime.UtcNow);
                return port;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"the host did not say where it listens within {timeout.TotalSeconds} s (exited: {_process.HasExited})\n{string.Join('\n', Output.TakeLast(20))}\n{Errors}");
        return 0;
    }

    /// <summary>Polls the host's /health until it answers (any status), or fails.</summary>
    private async Task WaitForHttpAsync(int port, TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until && !_process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync($"http://127.0.0.1:{port}/health");
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or (on a loaded machine) the first answer took longer than one try: ask again.
                await Task.Delay(100);
            }
        }

        Assert.Fail($"the host on port {port} did not answer within {timeout.TotalSeconds} s (exited: {_process.HasExited})\n{string.Join('\n', Output.TakeLast(20))}\n{Errors}");
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: http://127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningOn();
}
