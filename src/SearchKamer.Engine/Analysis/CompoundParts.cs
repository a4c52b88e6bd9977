namespace SearchKamer.Analysis;

/// <summary>
/// Compound parts are indexed as terms of their own ("~macht" for the part of "rechtsmacht"), beside the
/// stem of the whole word at the same position. A search for "macht" then asks for the stem and, with less
/// weight, for the part: a pair that holds the word itself ranks above one that only holds a compound with
/// it. The marker is a character the tokenizer never keeps in a word, so no typed word can collide with it.
/// </summary>
public static class CompoundParts
{
    public const char Marker = '~';

    public static string Mark(string stem) => Marker + stem;

    public static bool IsPart(ReadOnlySpan<char> term) => term.Length > 1 && term[0] == Marker;
}
