using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SearchKamer.Indexing;
using SearchKamer.Sync;

namespace SearchKamer.Host.Cli;

/// <summary>
/// <c>searchkamer sync [--once] [--since JJJJ-MM-DD] [--from-start] [--base-url URL] [--data MAP]</c>:
/// follows the Tweede Kamer SyncFeed into the index; without --once it repeats every Interval.
/// </summary>
public static class SyncCommand
{
    public const string Usage = "gebruik: searchkamer sync [--once] [--since JJJJ-MM-DD] [--from-start] [--base-url URL] [--data MAP]";

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var cli = new CliArgs(args, new HashSet<string> { "--once", "--from-start" });
        if (cli.Positional.Count > 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var options = LoadOptions() with { Since = cli.Date("--since") };
        if (cli.One("--base-url") is { } baseUrl)
        {
            options = options with { BaseUrl = baseUrl };
        }

        var dataDir = DataDirectory.Resolve(cli.One("--data"));
        using var services = new ServiceCollection().AddLogging(l => l.AddSimpleConsole(c => c.SingleLine = true)).AddTkSync(options, dataDir).BuildServiceProvider();
        using var index = SearchIndex.OpenForWriting(DataDirectory.IndexPath(dataDir));
        if (cli.Flag("--from-start"))
        {
            services.GetRequiredService<SyncState>().ResetWatermarks();
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        var failed = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var report = SyncSetup.Runner(services, index).RunAsync(stop.Token).GetAwaiter().GetResult();
                output.WriteLine($"sync {options.BaseUrl}: {report.Pages} pagina's, {report.Staged} wijzigingen, {report.Indexed} geïndexeerd, {report.Deleted} verwijderd, {report.Unchanged} ongewijzigd, {report.Failed} mislukt, {report.Pending} in de wachtrij");
                failed = report.Failed;
            }
            catch (OperationCanceledException)
            {
                output.WriteLine("sync gestopt; de volgende run gaat verder vanaf de laatste vastgelegde pagina");
                return 130;
            }
            catch (HttpRequestException e)
            {
                output.WriteLine($"sync mislukt: {e.Message}; de volgende run gaat verder vanaf de laatste vastgelegde pagina");
                failed = 1;
            }

            if (cli.Flag("--once"))
            {
                break;
            }

            stop.Token.WaitHandle.WaitOne(options.Interval);
        }

        return failed == 0 ? 0 : 3;
    }

    /// <summary>The SearchKamer:Sync section from appsettings.json and SEARCHKAMER__SYNC__* variables, as the host reads it.</summary>
    private static SyncOptions LoadOptions()
    {
        var config = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        return config.GetSection(SyncOptions.Section).Get<SyncOptions>() ?? new SyncOptions();
    }
}
