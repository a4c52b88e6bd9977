using System.Diagnostics;
using System.Globalization;

namespace SearchKamer.Tests.SavedSearches;

/// <summary>
/// A real SMTP server: Debian's python3-aiosmtpd, storing what it receives in a Maildir. Missing
/// means the test fails with the install line, never skips.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private const string Python = "/usr/bin/python3";

    // aiosmtpd's own command line takes a fixed port; this binds port 0 at once and prints the port it got.
    private const string Server = """
        import asyncio, sys
        from aiosmtpd.handlers import Mailbox
        from aiosmtpd.smtp import SMTP

        async def main():
            server = await asyncio.get_running_loop().create_server(lambda: SMTP(Mailbox(sys.argv[1])), "127.0.0.1", 0)
            print(server.sockets[0].getsockname()[1], flush=True)
            await asyncio.Event().wait()

        asyncio.run(main())
        """;
    private readonly Process _process;

    public SmtpSink()
    {
        var check = Process.Start(new ProcessStartInfo(File.Exists(Python) ? Python : "python3", "-c \"import aiosmtpd\"") { RedirectStandardError = true })!;
        check.WaitForExit();
        if (check.ExitCode != 0)
        {
            throw new InvalidOperationException("python3-aiosmtpd is not installed: the SMTP test needs a real SMTP server. Install it with: apt-get install -y python3-aiosmtpd");
        }

        Maildir = Path.Combine(Path.GetTempPath(), "searchkamer-smtp-" + Guid.NewGuid().ToString("N"));
        _process = Process.Start(new ProcessStartInfo(Python, ["-c", Server, Maildir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        Port = BoundPort();
    }

    public int Port { get; }

    public string Maildir { get; }

    public IReadOnlyList<string> Messages() =>
        Directory.Exists(Path.Combine(Maildir, "new")) ? Directory.GetFiles(Path.Combine(Maildir, "new")).Select(File.ReadAllText).ToList() : [];

    /// <summary>The decoded text of a single-part message as stored by the Maildir handler.</summary>
    public static string Body(string mail)
    {
        var split = mail.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", 2);
        var headers = split[0];
        var body = split.Length > 1 ? split[1] : "";
        return headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase)
            ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split('\n', StringSplitOptions.TrimEntries))))
            : body;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        if (Directory.Exists(Maildir))
        {
            Directory.Delete(Maildir, recursive: true);
        }
    }

    /// <summary>The port the server printed once it was bound and listening.</summary>
    private int BoundPort()
    {
        var line = _process.StandardOutput.ReadLineAsync();
        if (!line.Wait(TimeSpan.FromSeconds(60)) || !int.TryParse(line.Result, CultureInfo.InvariantCulture, out var port))
        {
            _process.Kill();
            throw new InvalidOperationException("aiosmtpd did not report its port: " + _process.StandardError.ReadToEnd());
        }

        return port;
    }
}
