using System.CommandLine;
using SearchKamer.Indexing;
using SearchKamer.Search;

namespace SearchKamer.Host.Cli;

/// <summary>The query words and filters of a search as command-line options, shared by <c>search</c> and <c>export</c>.</summary>
public sealed class SearchFilters
{
    private readonly Argument<string[]> _query = new("ZOEKVRAAG")
    {
        Description = "woorden, \"zinnen\", OR, -woord, veld:waarde (minister:, partij:, indiener:, …)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    // One repeatable option per filter of the schema (--minister, --soort, …), as the URL parameters.
    private readonly (string Field, Option<string[]> Option)[] _filters =
        [.. IndexSchema.Filters.Select(f => (f.Name, CliOptions.Many("--" + f.Filter!.Param, f.Filter.ValueName, f.Filter.Help)))];

    private readonly Option<DateOnly?> _from = CliOptions.Date("--van", "alleen documenten van deze datum of later");
    private readonly Option<DateOnly?> _to = CliOptions.Date("--tot", "alleen documenten tot en met deze datum");
    private readonly Option<SearchIn> _in = CliOptions.Choice("--in", "zoeken in de vragen, de antwoorden of beide", SearchIn.Both,
        ("vraag", SearchIn.Question), ("antwoord", SearchIn.Answer), ("beide", SearchIn.Both));

    private readonly Option<SortOrder> _sort = CliOptions.Choice("--sort", "volgorde van de documenten", SortOrder.Relevance,
        ("relevantie", SortOrder.Relevance), ("nieuwste", SortOrder.Newest), ("oudste", SortOrder.Oldest));

    public void AddTo(Command command)
    {
        command.Arguments.Add(_query);
        foreach (var option in SearchOptions().Append(_sort))
        {
            command.Options.Add(option);
        }
    }

    public SearchRequest ToRequest(ParseResult r) => new()
    {
        Query = string.Join(' ', r.GetValue(_query) ?? []),
        Selections = _filters.ToDictionary(f => f.Field, f => (IReadOnlyList<string>)(r.GetValue(f.Option) ?? [])),
        From = r.GetValue(_from),
        To = r.GetValue(_to),
        In = r.GetValue(_in),
        Sort = r.GetValue(_sort),
    };

    /// <summary>True when the user gave query words or a filter, not only the options around them.</summary>
    public bool Given(ParseResult r) =>
        r.GetResult(_query) is { Tokens.Count: > 0 } || SearchOptions().Any(o => r.GetResult(o) is { Implicit: false });

    /// <summary>The options that make a search what it is: the filters, the period and where to search.</summary>
    private IEnumerable<Option> SearchOptions() => _filters.Select(f => (Option)f.Option).Concat([_from, _to, _in]);
}
