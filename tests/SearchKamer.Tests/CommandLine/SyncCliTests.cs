using System.Globalization;
using System.Xml.Linq;
using SearchKamer.Indexing;
using SearchKamer.Search;
using SearchKamer.Tests.Reliability;
using SearchKamer.Tests.Sync;

namespace SearchKamer.Tests.CommandLine;

/// <summary>
/// <c>searchkamer sync</c> as a command against the fake SyncFeed: <c>--since</c> leaves out what changed
/// before the date, a plain rerun goes on from the stored position, <c>--from-start</c> reads the whole feed again.
/// </summary>
public sealed class SyncCliTests
{
    private static readonly XNamespace Tk = "http://www.tweedekamer.nl/xsd/tkData/v1-0";

    private static readonly Dictionary<string, string> Tuning = new()
    {
        ["SearchKamer__Sync__RetryDelay"] = "00:00:00.020",
        ["SearchKamer__Sync__AttemptTimeout"] = "00:00:05",
    };

    // The fake stamps its change log on 2024-12-01 (one minute per entry): a later date leaves every change out.
    private static readonly DateOnly AfterEveryChange = new(2024, 12, 2);

    [Fact]
    public async Task Sync_since_leaves_out_earlier_changes_a_rerun_goes_on_from_there_and_from_start_reads_everything()
    {
        var kamervragen = KamervragenDocuments();
        await using var server = await FakeTkServer.StartAsync();
        var data = Directory.CreateTempSubdirectory("searchkamer-cli-sync-").FullName;
        try
        {
            string[] feed = ["--once", "--base-url", server.BaseUrl, "--data", data];

            await Sync(["--since", AfterEveryChange.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), .. feed]);
            Assert.Empty(IndexedDocumentNumbers(data));

            await Sync(feed);
            Assert.Empty(IndexedDocumentNumbers(data));

            await Sync(["--from-start", .. feed]);
            Assert.Equal(kamervragen, IndexedDocumentNumbers(data));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task Sync(string[] args)
    {
        var (code, process) = await SearchkamerProcess.RunAsync(["sync", .. args], TimeSpan.FromMinutes(2), Tuning);
        Assert.True(code == 0, $"sync {string.Join(' ', args)}: exit {code}\n{string.Join('\n', process.Output)}\n{process.Errors}");
    }

    /// <summary>Read from the index the command left (not through export: a notice without questions has no rows).</summary>
    private static HashSet<string> IndexedDocumentNumbers(string data)
    {
        using var index = SearchIndex.OpenReadOnly(Path.Combine(data, "index"));
        return new SearchEngine(index).All().Select(d => d.DocumentNumber ?? d.OfficialId ?? "?").ToHashSet();
    }

    /// <summary>
    /// The fixture's documents that are Kamervragen by the documented rule (tk-open-data.md: soort "Schriftelijke
    /// vragen", or starting with "Antwoord schriftelijke vragen" or "Mededeling"), in their last state not deleted.
    /// </summary>
    private static HashSet<string> KamervragenDocuments() =>
        XDocument.Load(Path.Combine(RepoPaths.Fixtures, "syncfeed", "entities.xml")).Root!.Elements(Tk + "document")
            .GroupBy(d => (string)d.Attribute("id")!).Select(g => g.Last())
            .Where(d => (string?)d.Attribute(Tk + "verwijderd") != "true")
            .Where(d => (string)d.Element(Tk + "soort")! is var soort
                && (soort == "Schriftelijke vragen" || soort.StartsWith("Antwoord schriftelijke vragen", StringComparison.Ordinal) || soort.StartsWith("Mededeling", StringComparison.Ordinal)))
            .Select(d => (string)d.Element(Tk + "documentNummer")!)
            .ToHashSet();
}
