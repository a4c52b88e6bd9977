using SearchKamer.Indexing;
using SearchKamer.Ingestion;

namespace SearchKamer.Tests.Ingestion;

/// <summary>Indexing threads beside the searches run at a lower CPU priority, their own thread alone.</summary>
/// <remarks>
/// Alone, not beside other tests: threads are found by name, and a document another test reads meanwhile
/// would show a reading thread at that test's priority.
/// </remarks>
[Collection(Name)]
public class BackgroundPriorityTests
{
    public const string Name = "thread priorities";

    public static readonly string Lowered = OperatingSystem.IsLinux() ? $"nice {BackgroundPriority.Nice}" : nameof(ThreadPriority.BelowNormal);

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
    public void Threads_are_lowered_by_name_and_only_those()
    {
        using var stop = new ManualResetEventSlim();
        string[] names = ["lower-by-name", "lower-by-name", "keep-by-name"];
        var threads = names.Select(n => new Thread(() => stop.Wait()) { Name = n, IsBackground = true }).ToList();
        threads.ForEach(t => t.Start());
        while (OperatingSystem.IsLinux() && ThreadPriorities.OfThreadsNamed("lower-by-name").Count + ThreadPriorities.OfThreadsNamed("keep-by-name").Count < 3)
        {
            Thread.Sleep(10);
        }

        var found = BackgroundPriority.LowerThreadsNamed("lower-by-name");

        Assert.Equal(OperatingSystem.IsLinux() ? 2 : 0, found);
        Assert.Equal(OperatingSystem.IsLinux() ? [Lowered, Lowered] : [], ThreadPriorities.OfThreadsNamed("lower-by-name"));
        Assert.Equal(OperatingSystem.IsLinux() ? ["nice 0"] : [], ThreadPriorities.OfThreadsNamed("keep-by-name"));
        stop.Set();
    }

    [Fact]
    public void A_file_read_by_a_lowered_thread_is_extracted_at_that_lower_priority()
    {
        var pdf = RepoPaths.CorpusFile("pdf", "00fe7edd-24c8-4857-98da-774ed3b06836.pdf");
        // Threads are found by name: a reader another test abandoned (a file that never ends) may still be
        // alive at normal priority. Those that exist before this test starts are not its own.
        var before = ThreadPriorities.ThreadsNamed(DocumentReader.ThreadName, except: null).Keys.ToHashSet();
        var seen = new HashSet<string>();
        ReadResult? read = null;
        var reader = new Thread(() =>
        {
            BackgroundPriority.LowerCurrentThread();
            // A read takes milliseconds; several give the watcher below time to see the reading threads.
            for (var i = 0; i < 10; i++)
            {
                read = DocumentReader.Read(pdf);
            }
        });
        reader.Start();
        while (reader.IsAlive)
        {
            // The reading thread lives only while the file is read: look for it by name meanwhile.
            seen.UnionWith(ThreadPriorities.ThreadsNamed(DocumentReader.ThreadName, before).Values);
        }

        Assert.True(read!.Ok, read.Error);
        Assert.Equal(OperatingSystem.IsLinux() ? [Lowered] : [], seen);
    }
}

[CollectionDefinition(BackgroundPriorityTests.Name, DisableParallelization = true)]
public sealed class ThreadPriorityCollection;
