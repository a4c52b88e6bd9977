namespace SearchKamer.Host.Services;

/// <summary>The "SearchKamer" configuration section; relative paths are taken from the data directory's parent.</summary>
public sealed class SearchKamerOptions
{
    public const string Section = "SearchKamer";

    /// <summary>Holds index/ and inbox/; default: the repository's index-data folder.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Documents indexed on first start when there is no index yet; default: DataDirectory/corpus.</summary>
    public string? CorpusDirectory { get; set; }

    /// <summary>How often the inbox folder is looked at.</summary>
    public TimeSpan InboxInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Searches run at the same time (others wait their turn); default: one per core.</summary>
    public int? ConcurrentSearches { get; set; }

    /// <summary>Searches run in the background right after start so the first visitors get optimised code; 0: none.</summary>
    public int WarmupSearches { get; set; } = 1500;

    /// <summary>Days the Kamer allows for an answer, counted from submission (the Kamer's rule: three weeks).</summary>
    public int AnswerTermDays { get; set; } = 21;

    /// <summary>Days an uitstel-mededeling adds to the term (in practice three more weeks).</summary>
    public int PostponementDays { get; set; } = 21;

    public string ResolvedData => Services.DataDirectory.Resolve(DataDirectory);

    public string ResolvedCorpus => CorpusDirectory is { Length: > 0 } c ? Path.GetFullPath(c) : Path.Combine(ResolvedData, "corpus");

    public string Inbox => Path.Combine(ResolvedData, "inbox");

    public string IndexPath => Services.DataDirectory.IndexPath(ResolvedData);
}
