using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SearchKamer.Tests.SavedSearches;

/// <summary>
/// A real SMTP server: Debian's python3-aiosmtpd, storing what it receives in a Maildir. Missing
/// means the test fails with the install line, never skips.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly Process _process;

    public SmtpSink()
    {
        var check = Process.Start(new ProcessStartInfo(File.Exists(Python) ? Python : "python3", "-c \"import aiosmtpd\"") { RedirectStandardError = true })!;
        check.WaitForExit();
        if (check.ExitCode != 0)
        {
            throw new InvalidOperationException("python3-aiosmtpd is not installed: the SMTP test needs a real SMTP server. Install it with: apt-get install -y python3-aiosmtpd");
        }

        Port = LoopbackPort.Free();
        Maildir = Path.Combine(Path.GetTempPath(), "searchkamer-smtp-" + Guid.NewGuid().ToString("N"));
        _process = Process.Start(new ProcessStartInfo(Python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        WaitUntilListening();
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

    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("aiosmtpd stopped: " + _process.StandardError.ReadToEnd());
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new TimeoutException($"aiosmtpd did not listen on {Port}");
    }
}
