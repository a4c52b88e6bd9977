using System.CommandLine;
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

    private readonly Option<string[]> _ministers = CliOptions.Many("--minister", "NAAM", "alleen antwoorden van deze bewindspersoon (herhaalbaar: of-of)");
    private readonly Option<string[]> _ministries = CliOptions.Many("--ministerie", "NAAM", "alleen antwoorden van dit ministerie (herhaalbaar)");
    private readonly Option<string[]> _parties = CliOptions.Many("--partij", "NAAM", "alleen vragen van deze partij (herhaalbaar)");
    private readonly Option<string[]> _askers = CliOptions.Many("--indiener", "NAAM", "alleen vragen van dit Kamerlid (herhaalbaar)");
    private readonly Option<string[]> _years = CliOptions.Many("--jaar", "JJJJ", "alleen documenten uit dit jaar (herhaalbaar)");
    private readonly Option<string[]> _kinds = CliOptions.Many("--soort", "SOORT", "alleen deze soort document: vragen, antwoord, nader-antwoord of mededeling (herhaalbaar)");
    private readonly Option<string[]> _vergaderjaren = CliOptions.Many("--vergaderjaar", "2023-2024", "alleen dit vergaderjaar (herhaalbaar)");
    private readonly Option<DateOnly?> _from = CliOptions.Date("--van", "alleen documenten van deze datum of later");
    private readonly Option<DateOnly?> _to = CliOptions.Date("--tot", "alleen documenten tot en met deze datum");
    private readonly Option<SearchIn> _in = CliOptions.Choice("--in", "zoeken in de vragen, de antwoorden of beide", SearchIn.Both,
        ("vraag", SearchIn.Question), ("antwoord", SearchIn.Answer), ("beide", SearchIn.Both));

    private readonly Option<SortOrder> _sort = CliOptions.Choice("--sort", "volgorde van de documenten", SortOrder.Relevance,
        ("relevantie", SortOrder.Relevance), ("nieuwste", SortOrder.Newest), ("oudste", SortOrder.Oldest));

    public void AddTo(Command command)
    {
        command.Arguments.Add(_query);
        foreach (var option in new Option[] { _ministers, _ministries, _parties, _askers, _years, _kinds, _vergaderjaren, _from, _to, _in, _sort })
        {
            command.Options.Add(option);
        }
    }

    public SearchRequest ToRequest(ParseResult r) => new()
    {
        Query = string.Join(' ', r.GetValue(_query) ?? []),
        Ministers = r.GetValue(_ministers) ?? [],
        Ministries = r.GetValue(_ministries) ?? [],
        Parties = r.GetValue(_parties) ?? [],
        Askers = r.GetValue(_askers) ?? [],
        Years = r.GetValue(_years) ?? [],
        Kinds = r.GetValue(_kinds) ?? [],
        Vergaderjaren = r.GetValue(_vergaderjaren) ?? [],
        From = r.GetValue(_from),
        To = r.GetValue(_to),
        In = r.GetValue(_in),
        Sort = r.GetValue(_sort),
    };

    /// <summary>True when the user gave query words or a filter, not only the options around them.</summary>
    public bool Given(ParseResult r) =>
        r.GetResult(_query) is { Tokens.Count: > 0 } || new Option[] { _ministers, _ministries, _parties, _askers, _years, _kinds, _vergaderjaren, _from, _to, _in }
            .Any(o => r.GetResult(o) is { Implicit: false });
}
