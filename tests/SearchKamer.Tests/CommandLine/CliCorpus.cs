using System.Text;
using System.Text.Json;
using SearchKamer.Tests.Reliability;

namespace SearchKamer.Tests.CommandLine;

/// <summary>
/// A data directory the real <c>searchkamer ingest</c> built from the 16 bundled answer PDFs, once per test
/// class; the tests only read it. Also the gold metadata of those PDFs and small readers for the CLI's output.
/// </summary>
public sealed class CliCorpus : IAsyncLifetime
{
    public string Data { get; } = Directory.CreateTempSubdirectory("searchkamer-cli-").FullName;

    public static string PdfFolder => RepoPaths.CorpusFile("pdf");

    public int IngestCode { get; private set; }

    public IReadOnlyList<string> IngestOutput { get; private set; } = [];

    /// <summary>(official id, question number) of every question in the hand-checked gold file.</summary>
    public static IReadOnlySet<(string, int)> GoldPairs()
    {
        using var stream = File.OpenRead(Path.Combine(RepoPaths.Fixtures, "gold", "answers-gold.json"));
        using var gold = JsonDocument.Parse(stream);
        return gold.RootElement.GetProperty("documents").EnumerateArray()
            .Where(d => d.TryGetProperty("file", out var f) && f.GetString()!.EndsWith(".pdf", StringComparison.Ordinal))
            .SelectMany(d => Enumerable.Range(1, d.GetProperty("question_count").GetInt32()).Select(n => (d.GetProperty("official_id").GetString()!, n)))
            .ToHashSet();
    }

    public async Task InitializeAsync()
    {
        var (code, process) = await SearchkamerProcess.RunAsync(["ingest", PdfFolder, "--data", Data], TimeSpan.FromMinutes(3));
        (IngestCode, IngestOutput) = (code, process.Output);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Data, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Runs a verb on this data directory; fails the test on any exit code but <paramref name="expected"/>.</summary>
    public async Task<SearchkamerProcess> Run(int expected, params string[] args)
    {
        var (code, process) = await SearchkamerProcess.RunAsync([.. args, "--data", Data], TimeSpan.FromMinutes(1));
        Assert.True(code == expected, $"searchkamer {string.Join(' ', args)}: exit {code}, expected {expected}\n{process.Errors}");
        return process;
    }

    public static JsonElement Json(SearchkamerProcess process) => JsonDocument.Parse(string.Join('\n', process.Output)).RootElement.Clone();

    public static IReadOnlySet<string> Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToHashSet();

}
