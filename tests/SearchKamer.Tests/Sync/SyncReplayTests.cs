using System.Globalization;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace SearchKamer.Tests.Sync;

/// <summary>
/// A first sync replays the whole change log: every version of every document, and the tombstones of those
/// deleted since, while the server has only each document's current file (and none for a deleted one).
/// </summary>
public sealed class SyncReplayTests(ITestOutputHelper output)
{
    private static readonly XNamespace Tk = "http://www.tweedekamer.nl/xsd/tkData/v1-0";

    [Theory]
    [InlineData(11)]
    [InlineData(29)]
    public async Task Replaying_history_downloads_each_surviving_file_once_and_reports_no_false_failure(int seed)
    {
        await using var bed = await SyncTestBed.StartAsync();
        var documents = bed.Server.Withhold("Document").Select(e => e.Entity).ToList();
        var random = new Random(seed);

        // Each document gets 1–4 versions in the log, interleaved as a change log is; only the last one names
        // the size of the file the server has now. About 15% are deleted after their last version.
        var versions = documents.ToDictionary(d => (string)d.Attribute("id")!, _ => random.Next(1, 5));
        var deleted = documents.Select(d => (string)d.Attribute("id")!).Where(id => !id.EndsWith("900", StringComparison.Ordinal))
            .OrderBy(_ => random.Next()).Take(3).ToHashSet();
        var stamp = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var round = 1; round <= 4; round++)
        {
            foreach (var document in documents.Where(d => versions[(string)d.Attribute("id")!] >= round))
            {
                var id = (string)document.Attribute("id")!;
                var version = new XElement(document);
                stamp = stamp.AddHours(1);
                version.SetAttributeValue(Tk + "bijgewerkt", stamp.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                if (round < versions[id] && version.Attribute(Tk + "contentLength") is { } length)
                {
                    length.Value = (long.Parse(length.Value, CultureInfo.InvariantCulture) - (97 * (versions[id] - round))).ToString(CultureInfo.InvariantCulture);
                }

                bed.Server.Append("Document", version);
            }
        }

        foreach (var id in deleted)
        {
            bed.Server.RemoveFile(id);
            bed.Server.Append("Document", new XElement(Tk + "document", new XAttribute("id", id),
                new XAttribute(Tk + "bijgewerkt", stamp.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)), new XAttribute(Tk + "verwijderd", "true")));
        }

        var report = await bed.SyncAsync();

        var entries = versions.Values.Sum() + deleted.Count;
        var perDocument = (double)bed.FileRequests / report.Indexed;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seed {seed}: {entries} document entries for {documents.Count} documents ({deleted.Count} deleted later); {report.Indexed} indexed, {bed.FileRequests} file downloads ({perDocument:0.00} per indexed document), {report.Failed} failed, {report.Superseded} superseded"));
        Assert.Equal(SyncEndToEndTests.ExpectedDocuments - deleted.Count, report.Indexed);
        Assert.Equal((0, 0, 0), (report.Failed, report.Lost, report.Pending));
        Assert.True(report.Succeeded);
        Assert.InRange(perDocument, 1.0, 1.2);
        Assert.Equal(SyncEndToEndTests.ExpectedDocuments - deleted.Count, bed.Keys().Distinct().Count());
    }
}
