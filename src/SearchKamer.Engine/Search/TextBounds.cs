namespace SearchKamer.Search;

/// <summary>
/// Where a snippet window may start and end: at a sentence boundary when one is near, else between words,
/// never inside a word (issue 20: snippets began mid-sentence and ended in "hu…").
/// </summary>
internal static class TextBounds
{
    // How far before the wanted start a sentence start is still taken: a little more context beats a cut sentence.
    private const int SentenceReach = 60;

    /// <summary>A start at or before <paramref name="atMost"/> (the first mark): a sentence start in reach, else a word start.</summary>
    public static int Start(string text, int wanted, int atMost)
    {
        if (wanted <= 0)
        {
            return 0;
        }

        for (var i = atMost - 1; i >= Math.Max(1, wanted - SentenceReach); i--)
        {
            if (IsSentenceStart(text, i))
            {
                return i;
            }
        }

        var space = text.LastIndexOf(' ', Math.Min(wanted, text.Length - 1));
        return space < 0 ? 0 : Math.Min(space + 1, atMost);
    }

    /// <summary>An end at or after <paramref name="atLeast"/> (the last mark), near <paramref name="wanted"/>: a sentence end, else a word end.</summary>
    public static int End(string text, int atLeast, int wanted)
    {
        if (wanted >= text.Length)
        {
            return text.Length;
        }

        // The last sentence end in the second half of the window, so the snippet reads to a full stop.
        for (var i = wanted; i > Math.Max(atLeast, wanted - (wanted - atLeast) / 2) && i > 0; i--)
        {
            if (text[i - 1] is '.' or '?' or '!' && (i == text.Length || char.IsWhiteSpace(text[i])))
            {
                return i;
            }
        }

        var before = text.LastIndexOf(' ', wanted);
        if (before > atLeast)
        {
            return before;
        }

        var after = text.IndexOf(' ', wanted);
        return after < 0 ? text.Length : after;
    }

    private static bool IsSentenceStart(string text, int i) =>
        char.IsUpper(text[i]) && i >= 2 && text[i - 1] == ' ' && text[i - 2] is '.' or '?' or '!' or ':';
}
