namespace SearchKamer.Tests.Reliability;

/// <summary>Two processes on one data directory: the second writer is refused cleanly and the index stays whole.</summary>
public sealed class IndexInUseTests
{
    [Fact]
    public async Task A_second_ingest_or_host_beside_a_running_host_is_refused_with_a_clear_message_and_the_index_stays_intact()
    {
        var data = Directory.CreateTempSubdirectory("searchkamer-in-use-").FullName;
        try
        {
            var (built, first) = await SearchkamerProcess.RunAsync(["ingest", RepoPaths.CorpusFile("markup"), "--data", data], TimeSpan.FromMinutes(1));
            Assert.True(built == 0, first.Errors);
            var index = Path.Combine(data, "index");
            var before = IndexSnapshot.Read(index);

            using (var host = SearchkamerProcess.Start(["--urls", LoopbackPort.Any, "--data", data]))
            {
                await host.WaitForHttpAsync(TimeSpan.FromSeconds(60));
                var (code, second) = await SearchkamerProcess.RunAsync(["ingest", RepoPaths.CorpusFile("pdf"), "--data", data], TimeSpan.FromMinutes(1));

                Assert.Equal(2, code);
                Assert.Contains("index in gebruik", second.Errors, StringComparison.Ordinal);
                Assert.Contains(index, second.Errors, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", second.Errors, StringComparison.Ordinal);
                Assert.DoesNotContain(second.Output, l => l.StartsWith("verwerkt", StringComparison.Ordinal));

                var (hostCode, secondHost) = await SearchkamerProcess.RunAsync(["--urls", LoopbackPort.Any, "--data", data], TimeSpan.FromMinutes(1));
                Assert.Equal(2, hostCode);
                Assert.Contains("index in gebruik", secondHost.Errors, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", secondHost.Errors, StringComparison.Ordinal);
                Assert.True(host.Kill(), "the host ended while the second ingest ran\n" + host.Errors);
            }

            IndexSnapshot.Read(index).AssertSameDocumentsAs(before, "after the refused ingest and a killed host");

            // The kernel released the killed host's lock: the refused ingest now runs.
            var (after, third) = await SearchkamerProcess.RunAsync(["ingest", RepoPaths.CorpusFile("pdf"), "--data", data], TimeSpan.FromMinutes(1));
            Assert.True(after == 0, third.Errors);
            Assert.Equal(before.PairsPerDocument.Count + Directory.GetFiles(RepoPaths.CorpusFile("pdf"), "*.pdf").Length, IndexSnapshot.Read(index).PairsPerDocument.Count);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
