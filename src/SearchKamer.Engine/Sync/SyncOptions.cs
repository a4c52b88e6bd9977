namespace SearchKamer.Sync;

/// <summary>The "SearchKamer:Sync" configuration section. Defaults are polite towards the real API.</summary>
public sealed record SyncOptions
{
    public const string Section = "SearchKamer:Sync";

    public const string DefaultBaseUrl = "https://gegevensmagazijn.tweedekamer.nl";

    /// <summary>Runs the background service; the CLI verb works regardless.</summary>
    public bool Enabled { get; init; }

    public string BaseUrl { get; init; } = DefaultBaseUrl;

    /// <summary>Time between passes of the background service.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Pause after each feed page (OpenTK sleeps 100 ms; the API has no stated limit).</summary>
    public TimeSpan PageDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public int MaxConcurrentDownloads { get; init; } = 2;

    /// <summary>Aanhangsel PDFs are a few hundred kB; anything far larger is not a Kamervragen file.</summary>
    public long MaxFileBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>One try, until the response headers arrive.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>All tries of one request together, until the response headers arrive.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Reading one response body (page or file) once the headers are in.</summary>
    public TimeSpan BodyTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public int MaxRetries { get; init; } = 4;

    /// <summary>First retry delay; doubles per try, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A document whose file could not be fetched waits this long before the next run tries it again, doubling per
    /// failed run (at most a day), so a dead file does not cost every pass a round of retries.
    /// </summary>
    public TimeSpan FailedFetchDelay { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>After this many failed runs a document is given up as lost (reported; a newer feed version queues it again). 0: never.</summary>
    public int MaxFetchAttempts { get; init; } = 8;

    /// <summary>Entries older than this (Atom updated) are read but not staged; for a first run that should not replay all history.</summary>
    public DateOnly? Since { get; init; }

    /// <summary>Stop a pass after this many feed pages (0: no limit); keeps one pass of the service short.</summary>
    public int MaxPagesPerRun { get; init; }
}
