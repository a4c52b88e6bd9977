using SearchKamer.Indexing;

namespace SearchKamer.Search;

/// <summary>The Dutch field names users type ("vraag:", "indiener:") and the index fields behind them.</summary>
public static class FieldAliases
{
    public const string Default = "__default";

    private static readonly Dictionary<string, string> Map = new(StringComparer.OrdinalIgnoreCase)
    {
        ["vraag"] = Fields.Question,
        ["antwoord"] = Fields.Answer,
        ["onderwerp"] = Fields.Subject,
        ["indiener"] = Fields.AskerText,
        ["partij"] = Fields.PartyText,
        ["minister"] = Fields.MinisterText,
        ["staatssecretaris"] = Fields.MinisterText,
        ["ministerie"] = Fields.MinistryText,
    };

    public static string? Resolve(string field) => Map.TryGetValue(field, out var f) ? f : null;

    public static IEnumerable<string> UserNames => Map.Keys;

    public static IReadOnlyList<string> TextFields(SearchIn searchIn) => searchIn switch
    {
        SearchIn.Question => [Fields.Question],
        SearchIn.Answer => [Fields.Answer],
        _ => [Fields.Question, Fields.Answer],
    };
}
