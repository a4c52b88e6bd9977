namespace SearchKamer.Analysis;

/// <summary>
/// The bundled OpenTaal word list (folded, 4-20 letters) less the non-parts, and the words
/// that must not be split. Loaded once on first use; read-only afterwards, so safe to share
/// between threads.
/// </summary>
internal sealed class DutchWordList
{
    private static readonly Lazy<DutchWordList> Bundled = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly HashSet<string> _words;
    private readonly HashSet<string> _exclusions;

    public DutchWordList(IEnumerable<string> words, IEnumerable<string> nonParts, IEnumerable<string> exclusions)
    {
        _words = new HashSet<string>(words, StringComparer.Ordinal);
        _words.ExceptWith(nonParts);
        _exclusions = new HashSet<string>(exclusions, StringComparer.Ordinal);
        Words = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        Exclusions = _exclusions.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static DutchWordList Instance => Bundled.Value;

    public int Count => _words.Count;

    /// <summary>Span lookups, so probing substrings of a token allocates nothing.</summary>
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Words { get; }

    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Exclusions { get; }

    private static DutchWordList Load()
    {
        using var reader = DataFiles.Open("nl-words.txt.gz");
        var words = new List<string>(340_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line);
            }
        }

        return new DutchWordList(
            words,
            DataFiles.Lines("compound-nonparts.txt").Select(DataFiles.Fold),
            DataFiles.Lines("compound-exclusions.txt").Select(DataFiles.Fold));
    }
}
