using SearchKamer.Indexing;
using SearchKamer.Sync;

namespace SearchKamer.Host.Services;

/// <summary>
/// Runs a sync pass every Interval while SearchKamer:Sync:Enabled is true; off by default, because
/// it reaches out to the Tweede Kamer. A failed pass is logged and the next one resumes from the
/// last committed page.
/// </summary>
public sealed class SyncService(IServiceProvider services, SearchIndex index, SyncOptions options, ILogger<SyncService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            log.LogInformation("Sync staat uit (SearchKamer:Sync:Enabled)");
            return;
        }

        log.LogInformation("Sync met {BaseUrl} elke {Interval}", options.BaseUrl, options.Interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var report = await SyncSetup.Runner(services, index).RunAsync(stoppingToken);
                if (report.Succeeded)
                {
                    log.LogInformation("Sync: {Summary}", report.Summary());
                }
                else
                {
                    log.LogWarning("Sync onvolledig: {Summary}", report.Summary());
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or System.Xml.XmlException or TruncatedBodyException
                or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException or Microsoft.Data.Sqlite.SqliteException)
            {
                log.LogWarning("Sync-pass mislukt: {Message}; volgende pass gaat verder vanaf de laatste vastgelegde pagina", e.Message);
            }

            await Task.Delay(options.Interval, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
        }
    }
}
