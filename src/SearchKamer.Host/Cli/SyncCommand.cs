using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SearchKamer.Host.Services;
using SearchKamer.Indexing;
using SearchKamer.Sync;

namespace SearchKamer.Host.Cli;

/// <summary>
/// <c>searchkamer sync [--once] [--since JJJJ-MM-DD] [--from-start] [--base-url URL] [--data MAP]</c>:
/// follows the Tweede Kamer SyncFeed into the index; without --once it repeats every Interval.
/// <c>searchkamer sync --backfill VAN TOT</c> fetches the documents dated VAN to TOT (inclusive) once through OData.
/// </summary>
public static class SyncCommand
{
    public const string Usage = "gebruik: searchkamer sync [--once] [--since JJJJ-MM-DD] [--from-start] [--base-url URL] [--data MAP]\n"
        + "         searchkamer sync --backfill JJJJ-MM-DD JJJJ-MM-DD [--base-url URL] [--data MAP]";

    private sealed record Settings(bool Once, bool FromStart, DateOnly? Since, string? BaseUrl, string? Data);

    public static Command Create()
    {
        var range = new Argument<string[]>("datums") { HelpName = "VAN TOT", Description = "met --backfill: de eerste en de laatste datum (JJJJ-MM-DD, TOT telt mee)", Arity = ArgumentArity.ZeroOrMore };
        var once = CliOptions.Flag("--once", "één keer bijwerken en stoppen, in plaats van elk interval (SearchKamer:Sync:Interval)");
        var since = CliOptions.Date("--since", "alleen wijzigingen vanaf deze datum (bij een eerste run)");
        var fromStart = CliOptions.Flag("--from-start", "de opgeslagen voortgang vergeten en de feed vanaf het begin lezen");
        var backfill = CliOptions.Flag("--backfill", "documenten van VAN tot en met TOT eenmalig via OData ophalen");
        var baseUrl = CliOptions.Text("--base-url", "URL", "adres van de open-data-API (standaard SearchKamer:Sync:BaseUrl)");
        var data = CliOptions.Data();
        var command = new Command("sync", "wijzigingen van de Tweede Kamer (SyncFeed) ophalen en indexeren; met --backfill een periode via OData")
        {
            range, once, since, fromStart, backfill, baseUrl, data,
        };
        command.SetAction(r => Run(
            new Settings(r.GetValue(once), r.GetValue(fromStart), r.GetValue(since), r.GetValue(baseUrl), r.GetValue(data)),
            r.GetValue(backfill),
            r.GetValue(range)!,
            r.InvocationConfiguration));
        return command;
    }

    private static int Run(Settings cli, bool backfill, string[] dates, InvocationConfiguration console)
    {
        var output = console.Output;
        if (dates.Length != (backfill ? 2 : 0))
        {
            console.Error.WriteLine(backfill ? "--backfill verwacht twee datums: VAN en TOT (JJJJ-MM-DD)" : Usage);
            return 2;
        }

        var range = backfill ? (From: CliOptions.ParseDate(dates[0], "--backfill VAN"), To: CliOptions.ParseDate(dates[1], "--backfill TOT")) : default;
        if (range.From > range.To)
        {
            throw new CliArgumentException($"--backfill: VAN ({range.From:yyyy-MM-dd}) ligt na TOT ({range.To:yyyy-MM-dd})");
        }

        var options = LoadOptions() with { Since = cli.Since };
        if (cli.BaseUrl is { } baseUrl)
        {
            options = options with { BaseUrl = baseUrl };
        }

        var dataDir = DataDirectory.Resolve(cli.Data);
        using var services = new ServiceCollection().AddLogging(l => l.AddSimpleConsole(c => c.SingleLine = true))
            .AddSingleton(Store.Open(dataDir)).AddTkSync(options, dataDir).BuildServiceProvider();
        using var index = SearchIndex.OpenForWriting(DataDirectory.IndexPath(dataDir));
        if (cli.FromStart)
        {
            services.GetRequiredService<SyncState>().ResetWatermarks();
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        if (backfill)
        {
            return Backfill(SyncSetup.Runner(services, index), range.From, range.To, options, output, stop.Token);
        }

        var failed = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var report = SyncSetup.Runner(services, index).RunAsync(stop.Token).GetAwaiter().GetResult();
                output.WriteLine($"sync {options.BaseUrl}: {report.Summary()}");
                failed = report.Succeeded ? 0 : 1;
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

            if (cli.Once)
            {
                break;
            }

            stop.Token.WaitHandle.WaitOne(options.Interval);
        }

        return failed == 0 ? 0 : 3;
    }

    private static int Backfill(SyncRunner runner, DateOnly from, DateOnly to, SyncOptions options, TextWriter output, CancellationToken ct)
    {
        try
        {
            var report = runner.BackfillAsync(from, to, ct).GetAwaiter().GetResult();
            output.WriteLine($"backfill {options.BaseUrl} {from:yyyy-MM-dd} t/m {to:yyyy-MM-dd}: {report.Pages} pagina's, {report.Staged} entiteiten, {report.Indexed} geïndexeerd, {report.Unchanged} ongewijzigd, {report.Failed} mislukt, {report.Pending} in de wachtrij");
            return report.Succeeded ? 0 : 3;
        }
        catch (OperationCanceledException)
        {
            output.WriteLine("backfill gestopt; opnieuw starten haalt alleen op wat nog ontbreekt");
            return 130;
        }
        catch (HttpRequestException e)
        {
            output.WriteLine($"backfill mislukt: {e.Message}; opnieuw starten haalt alleen op wat nog ontbreekt");
            return 3;
        }
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
