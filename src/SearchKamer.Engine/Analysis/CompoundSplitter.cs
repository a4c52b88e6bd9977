namespace SearchKamer.Analysis;

/// <summary>
/// Splits a folded, lower-case word into 2-3 dictionary words that cover it completely,
/// optionally joined by a linking "s", "e" or "en" (personeel-s-uitgaven). Requiring full
/// coverage by parts of at least four letters is what keeps junk parts (per, son, git) out.
/// The search is bounded: parts are only tried after a dictionary prefix, and at most three.
/// </summary>
internal sealed class CompoundSplitter(DutchWordList words)
{
    public const int MinWordLength = 8;
    public const int MinPartLength = 4;
    public const int MaxParts = 3;

    // Longer words are almost always garbage (run-together PDF text, URLs).
    private const int MaxWordLength = 48;

    private static readonly string[] Linkers = ["", "s", "e", "en"];

    // An exclusion also covers its inflected forms (belangrijk: belangrijke, belangrijkste).
    private static readonly string[] ExclusionEndings =
        ["", "e", "en", "er", "ere", "ers", "s", "st", "ste", "t", "d", "de", "den", "heid", "heden"];

    public static CompoundSplitter Bundled { get; } = new(DutchWordList.Instance);

    /// <summary>
    /// Writes the parts of <paramref name="word"/> as ranges into <paramref name="parts"/>
    /// (length ≥ <see cref="MaxParts"/>) and returns their number, or 0 when it is no compound.
    /// Among splits the fewest parts win, then the longest shortest part, then no linking
    /// letters, then the longest head (the last part carries a Dutch compound's meaning).
    /// </summary>
    public int Split(ReadOnlySpan<char> word, Span<Range> parts)
    {
        if (word.Length < MinWordLength || word.Length > MaxWordLength || !IsLetters(word) || IsExcluded(word))
        {
            return 0;
        }

        var best = Candidate.None;
        for (var count = 2; count <= MaxParts && best.Count == 0; count++)
        {
            Search(word, 0, count, default, ref best);
        }

        best.CopyTo(parts);
        return best.Count;
    }

    private void Search(ReadOnlySpan<char> word, int start, int partsLeft, Candidate soFar, ref Candidate best)
    {
        var rest = word.Length - start;
        if (partsLeft == 1)
        {
            if (rest >= MinPartLength && words.Words.Contains(word[start..]))
            {
                var done = soFar.With(new Range(start, word.Length), 0);
                if (done.IsBetterThan(best))
                {
                    best = done;
                }
            }

            return;
        }

        // Leave room for the remaining parts at their minimum length.
        var lastEnd = word.Length - ((partsLeft - 1) * MinPartLength);
        for (var end = start + MinPartLength; end <= lastEnd; end++)
        {
            if (!words.Words.Contains(word[start..end]))
            {
                continue;
            }

            foreach (var linker in Linkers)
            {
                if (word[end..].StartsWith(linker, StringComparison.Ordinal))
                {
                    var next = soFar.With(new Range(start, end), linker.Length);
                    Search(word, end + linker.Length, partsLeft - 1, next, ref best);
                }
            }
        }
    }

    private bool IsExcluded(ReadOnlySpan<char> word)
    {
        foreach (var ending in ExclusionEndings)
        {
            if (word.EndsWith(ending, StringComparison.Ordinal)
                && words.Exclusions.Contains(word[..(word.Length - ending.Length)]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLetters(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A (partial) split as a value, so the search allocates nothing.</summary>
    private readonly record struct Candidate(int Count, Range P0, Range P1, Range P2, int LinkerLetters)
    {
        public static Candidate None => default;

        public Candidate With(Range part, int linkerLetters) => Count switch
        {
            0 => this with { Count = 1, P0 = part, LinkerLetters = LinkerLetters + linkerLetters },
            1 => this with { Count = 2, P1 = part, LinkerLetters = LinkerLetters + linkerLetters },
            _ => this with { Count = 3, P2 = part, LinkerLetters = LinkerLetters + linkerLetters },
        };

        public bool IsBetterThan(Candidate other)
        {
            if (other.Count == 0 || Count != other.Count)
            {
                return other.Count == 0 || Count < other.Count;
            }

            var byShortest = ShortestPart.CompareTo(other.ShortestPart);
            if (byShortest != 0)
            {
                return byShortest > 0;
            }

            if (LinkerLetters != other.LinkerLetters)
            {
                return LinkerLetters < other.LinkerLetters;
            }

            return Length(Last) > Length(other.Last);
        }

        public void CopyTo(Span<Range> parts)
        {
            if (Count > 0)
            {
                parts[0] = P0;
                parts[1] = P1;
            }

            if (Count > 2)
            {
                parts[2] = P2;
            }
        }

        private Range Last => Count == 3 ? P2 : P1;

        private int ShortestPart => Count == 3
            ? Math.Min(Length(P0), Math.Min(Length(P1), Length(P2)))
            : Math.Min(Length(P0), Length(P1));

        private static int Length(Range r) => r.End.Value - r.Start.Value;
    }
}
