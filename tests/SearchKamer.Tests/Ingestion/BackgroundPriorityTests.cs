using SearchKamer.Indexing;
using SearchKamer.Ingestion;

namespace SearchKamer.Tests.Ingestion;

/// <summary>Indexing threads beside the searches run at a lower CPU priority, their own thread alone.</summary>
public class BackgroundPriorityTests
{
    private static readonly string Lowered = OperatingSystem.IsLinux() ? $"nice {BackgroundPriority.Nice}" : nameof(ThreadPriority.BelowNormal);

    [Fact]
    public void Lowering_a_thread_lowers_that_thread_alone()
    {
        string? lowered = null;
        var thread = new Thread(() =>
        {
            BackgroundPriority.LowerCurrentThread();
            lowered = ThreadPriorities.OfCurrentThread();
        });
        thread.Start();
        thread.Join();

        Assert.Equal(Lowered, lowered);
        Assert.Equal(OperatingSystem.IsLinux() ? "nice 0" : nameof(ThreadPriority.Normal), ThreadPriorities.OfCurrentThread());
    }

    [Fact]
    public void A_file_read_by_a_lowered_thread_is_extracted_at_that_lower_priority()
    {
        var pdf = RepoPaths.CorpusFile("pdf", "00fe7edd-24c8-4857-98da-774ed3b06836.pdf");
        var seen = new HashSet<string>();
        ReadResult? read = null;
        var reader = new Thread(() =>
        {
            BackgroundPriority.LowerCurrentThread();
            read = DocumentReader.Read(pdf);
        });
        reader.Start();
        while (reader.IsAlive)
        {
            // The reading thread lives only while the file is read: look for it by name meanwhile.
            seen.UnionWith(ThreadPriorities.OfThreadsNamed(DocumentReader.ThreadName));
        }

        Assert.True(read!.Ok, read.Error);
        Assert.Equal(OperatingSystem.IsLinux() ? [Lowered] : [], seen);
    }
}
