using SearchKamer.Indexing;
using SearchKamer.SavedSearches;

namespace SearchKamer.Host.Services;

/// <summary>
/// Evaluates saved searches and follows after each ingest and on a timer (which also releases
/// hourly/daily/weekly alerts when their slot comes), then sends whatever the outbox says is due.
/// </summary>
public sealed class AlertService(AlertEvaluator evaluator, AlertDispatcher dispatcher, IngestNotifier notifier, AlertsOptions options, ILogger<AlertService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var complete = true;
            try
            {
                var result = await EvaluateInBackground(stoppingToken);
                if (result.NewAlerts > 0)
                {
                    log.LogInformation("Meldingen: {Alerts} nieuw uit {Documents} nieuwe documenten", result.NewAlerts, result.NewDocuments);
                }

                complete = result.Complete;
                foreach (var problem in result.Problems)
                {
                    log.LogWarning("Meldingen: {Problem}", problem);
                }

                await dispatcher.DispatchDueAsync(stoppingToken);
            }
            catch (Exception e) when (stoppingToken.IsCancellationRequested && e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or InvalidOperationException)
            {
                // The next round retries; the outbox keeps its state, so nothing is lost meanwhile.
                log.LogError(e, "Meldingen: ronde mislukt");
            }

            if (!complete)
            {
                // The pass goes on at once; the search gate keeps it from crowding out visitors.
                continue;
            }

            await notifier.WaitAsync(options.PollInterval, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    /// <summary>The name of the thread an alert round runs on, as the operating system lists it.</summary>
    public const string RoundThreadName = "alert-round";

    /// <summary>
    /// Alert searches run on a thread of their own at background CPU priority, so visitors' searches go first.
    /// A named thread rather than a long-running task, so that the priority can be seen from outside.
    /// </summary>
    private Task<EvaluationResult> EvaluateInBackground(CancellationToken stoppingToken)
    {
        var done = new TaskCompletionSource<EvaluationResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            BackgroundPriority.LowerCurrentThread();
            try
            {
                done.SetResult(evaluator.Evaluate());
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        { Name = RoundThreadName, IsBackground = true };
        stoppingToken.ThrowIfCancellationRequested();
        thread.Start();
        return done.Task;
    }
}

/// <summary>The SearchKamer:Alerts section.</summary>
public sealed record AlertsOptions
{
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan RetryBase { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan RetryMax { get; init; } = TimeSpan.FromHours(6);
    public int MaxAttempts { get; init; } = 12;
    /// <summary>Per webhook POST, connect included: short, since a hook that hangs holds only its own delivery.</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Messages sent at the same time in one round.</summary>
    public int ParallelDeliveries { get; init; } = 16;
}
