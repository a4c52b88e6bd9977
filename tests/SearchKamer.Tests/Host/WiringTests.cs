using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Store;
using SearchKamer.Host.Cli;
using SearchKamer.Ingestion;

namespace SearchKamer.Tests.Host;

/// <summary>
/// Safeguards tested where they are wired in, each on a host or index of its own: the merge after a
/// bulk load (after <c>ingest</c> and after the host's first start), /health, and the inbox's done/ and failed/.
/// </summary>
public sealed class WiringTests : IDisposable
{
    private const string Pdf1314 = "00fe7edd-24c8-4857-98da-774ed3b06836.pdf";
    private readonly string _dir = System.IO.Directory.CreateTempSubdirectory("searchkamer-wiring-").FullName;

    [Fact]
    public void Ingest_of_a_whole_folder_ends_as_one_segment()
    {
        var output = new StringWriter();

        // Twelve files a commit: without the closing merge the index keeps about ten segments.
        var code = Cli.Dispatch(["ingest", "--data", _dir, "--batch", "12", RepoPaths.Corpus], output);

        Assert.Equal(0, code);
        Assert.Contains("index samengevoegd tot één segment", output.ToString(), StringComparison.Ordinal);
        using var reader = DirectoryReader.Open(FSDirectory.Open(Path.Combine(_dir, "index")));
        Assert.Single(reader.Leaves);
    }

    [Fact]
    public void The_hosts_first_start_on_the_corpus_ends_as_one_segment()
    {
        using var host = new SmallHost(RepoPaths.Corpus);

        // The bootstrap runs before the host serves; its batches of 100 files leave two segments or more unmerged.
        Assert.True(host.Index.DocumentCount() > 100);
        Assert.Equal(1, host.Index.SegmentCount());
    }

    [Fact]
    public async Task Health_reports_documents_pairs_and_the_last_commit()
    {
        var corpus = System.IO.Directory.CreateDirectory(Path.Combine(_dir, "corpus")).FullName;
        File.Copy(RepoPaths.CorpusFile("pdf", Pdf1314), Path.Combine(corpus, Pdf1314));
        var started = DateTimeOffset.UtcNow;
        using var host = new SmallHost(corpus);

        using var response = await host.Client.GetAsync("/health");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, json.GetProperty("documents").GetInt32());
        // ah-tk-20232024-1314 has six numbered questions (the hand-checked gold file).
        Assert.Equal(6, json.GetProperty("pairs").GetInt32());
        var committed = DateTimeOffset.Parse(json.GetProperty("lastCommit").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(committed, started.AddSeconds(-1), DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Health_is_503_without_an_index()
    {
        using var host = SmallHost.OverEmptyCorpus();

        using var response = await host.Client.GetAsync("/health");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(0, json.GetProperty("documents").GetInt32());
        Assert.Equal("Unhealthy", json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_pdf_dropped_into_the_inbox_is_moved_to_done_and_becomes_searchable()
    {
        using var host = SmallHost.OverEmptyCorpus();
        var dropped = host.Drop(RepoPaths.CorpusFile("pdf", Pdf1314), "inbox-test.pdf");
        var done = Path.Combine(host.Inbox, "done", "inbox-test.pdf");

        await SmallHost.Until(() => File.Exists(done) && host.Index.DocumentCount() == 1, TimeSpan.FromSeconds(60), "indexing the dropped file");

        Assert.False(File.Exists(dropped), "the file is still in the inbox");
        var doc = JsonDocument.Parse(await host.Client.GetStringAsync("/api/documents/ah-tk-20232024-1314")).RootElement;
        // The API names the file, not the server's folders.
        Assert.Equal(Path.GetFileName(done), doc.GetProperty("source").GetProperty("path").GetString());
        var found = JsonDocument.Parse(await host.Client.GetStringAsync("/api/search?q=regenboogbeleid")).RootElement;
        Assert.Contains(found.GetProperty("documents").EnumerateArray(), d => d.GetProperty("id").GetString() == "ah-tk-20232024-1314");
        using var file = await host.Client.GetAsync("/bestand/ah-tk-20232024-1314");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
    }

    [Fact]
    public async Task A_broken_file_in_the_inbox_goes_to_failed_with_its_reason_beside_it()
    {
        using var host = SmallHost.OverEmptyCorpus();
        var truncated = Path.Combine(_dir, "truncated.pdf");
        var bytes = File.ReadAllBytes(RepoPaths.CorpusFile("pdf", Pdf1314));
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 3)]);
        var dropped = host.Drop(truncated, "kapot.pdf");
        var failed = Path.Combine(host.Inbox, "failed", "kapot.pdf");

        await SmallHost.Until(() => File.Exists(failed + ".reason.txt"), TimeSpan.FromSeconds(60), "moving the broken file to failed/");

        Assert.False(File.Exists(dropped));
        Assert.True(File.Exists(failed));
        Assert.Equal(bytes.Length / 3, new FileInfo(failed).Length);
        Assert.False(string.IsNullOrWhiteSpace(File.ReadAllText(failed + ".reason.txt")));
        var done = Path.Combine(host.Inbox, "done");
        Assert.False(System.IO.Directory.Exists(done) && System.IO.Directory.EnumerateFileSystemEntries(done).Any());
        Assert.Equal(0, host.Index.DocumentCount());
    }

    [Fact]
    public void A_file_that_never_finishes_is_given_up_after_the_per_file_time_bound()
    {
        // A named pipe nobody writes to: opening it blocks for ever, like a file stuck on a dead network share.
        var folder = System.IO.Directory.CreateDirectory(Path.Combine(_dir, "in")).FullName;
        File.Copy(RepoPaths.CorpusFile("pdf", Pdf1314), Path.Combine(folder, "good.pdf"));
        var fifo = Path.Combine(folder, "stuck.txt");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var output = new StringWriter();
        var clock = Stopwatch.StartNew();
        var code = Cli.Dispatch(["ingest", "--data", Path.Combine(_dir, "data"), folder], output);

        var lines = output.ToString().Split('\n');
        Assert.Equal(3, code);
        Assert.Contains(lines, l => l.StartsWith("mislukt", StringComparison.Ordinal) && l.Contains("stuck.txt", StringComparison.Ordinal)
            && l.Contains($"afgebroken na {DocumentReader.TimeLimit.TotalSeconds:0} s", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("verwerkt", StringComparison.Ordinal) && l.Contains("good.pdf", StringComparison.Ordinal));
        Assert.InRange(clock.Elapsed, DocumentReader.TimeLimit, DocumentReader.TimeLimit * 4);
    }

    public void Dispose() => System.IO.Directory.Delete(_dir, recursive: true);
}
