using SearchKamer.Indexing;

namespace SearchKamer.Search;

/// <summary>The Dutch field names users type ("vraag:", "indiener:") and the index fields behind them.</summary>
public static class FieldAliases
{
    public const string Default = "__default";

    // The names are declared with their fields, in IndexSchema.
    public static string? Resolve(string field) => IndexSchema.FieldOfAlias(field);

    public static IReadOnlyList<string> TextFields(SearchIn searchIn) => searchIn switch
    {
        SearchIn.Question => [Fields.Question],
        SearchIn.Answer => [Fields.Answer],
        _ => [Fields.Question, Fields.Answer],
    };
}
