using SearchKamer.Host.Cli;

namespace SearchKamer.Tests.Sync;

public sealed class SyncCommandTests
{
    [Fact]
    public async Task Sync_backfill_from_the_command_line_indexes_the_range_and_says_how_many()
    {
        await using var server = await FakeTkServer.StartAsync();
        var data = Directory.CreateTempSubdirectory("searchkamer-cli-backfill-").FullName;
        try
        {
            var output = new StringWriter();

            var code = Cli.Dispatch(["sync", "--backfill", "2014-01-01", "2024-12-31", "--base-url", server.BaseUrl, "--data", data], output);

            Assert.Equal(0, code);
            Assert.Contains($"{SyncEndToEndTests.ExpectedDocuments} geïndexeerd", output.ToString(), StringComparison.Ordinal);
            Assert.Contains(server.Requests, r => r.StartsWith("/OData/v4/2.0/Document?", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Theory]
    [InlineData("2024-13-01", "2024-12-31", "VAN")]
    [InlineData("2024-12-01", "gisteren", "TOT")]
    [InlineData("2024-12-31", "2024-12-01", "ligt na")]
    public async Task A_bad_backfill_range_is_refused_with_the_parameter_named(string from, string to, string named)
    {
        // The real executable, so its standard error is read without redirecting Console.Error for every test.
        var (code, process) = await Reliability.SearchkamerProcess.RunAsync(
            ["sync", "--backfill", from, to, "--base-url", "http://127.0.0.1:9", "--data", Path.GetTempPath()], TimeSpan.FromMinutes(1));
        using (process)
        {
            Assert.Equal(2, code);
            Assert.Contains(named, process.Errors, StringComparison.Ordinal);
        }
    }
}
