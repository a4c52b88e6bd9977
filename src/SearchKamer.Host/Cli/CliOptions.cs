using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace SearchKamer.Host.Cli;

/// <summary>A bad command-line value found after parsing (a range, a combination); the message names the option.</summary>
public sealed class CliArgumentException(string message) : Exception(message);

/// <summary>
/// Option factories for the verbs. Values are parsed here with Dutch messages that name the option, so a
/// bad value is a parse error (exit 2) before any verb opens an index.
/// </summary>
public static class CliOptions
{
    /// <summary>--data DIR: where the index and the store live (see <see cref="Services.DataDirectory"/>).</summary>
    public static Option<string?> Data() =>
        Text("--data", "MAP", "map met de index en de database (standaard $SEARCHKAMER_DATA, anders index-data van de repository)");

    public static Option<bool> Flag(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.Zero };

    public static Option<string?> Text(string name, string helpName, string description) =>
        new(name) { HelpName = helpName, Description = description };

    /// <summary>
    /// Repeatable: every occurrence adds a value (OR within the field, as the web form does). One value per
    /// occurrence comes from AllowMultipleArgumentsPerToken being off; an arity of exactly one made any value
    /// fail to convert to the array ("Cannot parse argument").
    /// </summary>
    public static Option<string[]> Many(string name, string helpName, string description) =>
        new(name) { HelpName = helpName, Description = description, Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false, DefaultValueFactory = _ => [] };

    public static Option<int> Number(string name, string helpName, int fallback, string description) => new(name)
    {
        HelpName = helpName,
        Description = $"{description} (standaard {fallback})",
        DefaultValueFactory = _ => fallback,
        CustomParser = r => Value(r) is not { } s ? fallback
            : int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
            : Refuse(r, fallback, $"{name} verwacht een getal, niet \"{s}\""),
    };

    /// <summary>--facetwaarden N|alle, read as the URL's facetwaarden is (<see cref="Web.SearchParameters.FacetLimit"/>).</summary>
    public static Option<int> FacetLimit() => new("--facetwaarden")
    {
        HelpName = $"N|{Web.SearchParameters.AllFacetValues}",
        Description = $"waarden per facet: de meest voorkomende plus de gekozen; jaar en vergaderjaar altijd alle (standaard {Search.SearchRequest.DefaultFacetLimit})",
        DefaultValueFactory = _ => Search.SearchRequest.DefaultFacetLimit,
        CustomParser = r => Value(r) is not { } s ? Search.SearchRequest.DefaultFacetLimit
            : Web.SearchParameters.FacetLimit(s) ?? Refuse(r, Search.SearchRequest.DefaultFacetLimit, $"--facetwaarden verwacht een positief geheel getal of {Web.SearchParameters.AllFacetValues}, niet \"{s}\""),
    };

    public static Option<DateOnly?> Date(string name, string description) => new(name)
    {
        HelpName = "JJJJ-MM-DD",
        Description = description,
        CustomParser = r => Value(r) is not { } s ? null
            : TryDate(s) is { } d ? d
            : Refuse<DateOnly?>(r, null, DateMessage(name, s)),
    };

    /// <summary>One of a few Dutch words, each standing for a value.</summary>
    public static Option<T> Choice<T>(string name, string description, T fallback, params (string Word, T Value)[] words) => new(name)
    {
        HelpName = string.Join('|', words.Select(w => w.Word)),
        Description = $"{description} (standaard {words.First(w => Equals(w.Value, fallback)).Word})",
        DefaultValueFactory = _ => fallback,
        CustomParser = r => Value(r) is not { } s ? fallback
            : words.FirstOrDefault(w => w.Word == s) is { Word: not null } hit ? hit.Value
            : Refuse(r, fallback, $"{name} verwacht {Listing(words.Select(w => w.Word))}, niet \"{s}\""),
    };

    /// <param name="name">How the user named the value (an option, or a positional argument), for the message.</param>
    public static DateOnly ParseDate(string value, string name) =>
        TryDate(value) ?? throw new CliArgumentException(DateMessage(name, value));

    /// <summary>"a, b of c": how the messages list the allowed words.</summary>
    public static string Listing(IEnumerable<string> words)
    {
        var list = words.ToList();
        return list.Count < 2 ? string.Concat(list) : $"{string.Join(", ", list.SkipLast(1))} of {list[^1]}";
    }

    private static DateOnly? TryDate(string s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string DateMessage(string name, string value) => $"{name} verwacht een datum als JJJJ-MM-DD, niet \"{value}\"";

    // A repeated single-value option keeps its last value, as the hand-written parser did.
    private static string? Value(ArgumentResult r) => r.Tokens.Count > 0 ? r.Tokens[^1].Value : null;

    private static T Refuse<T>(ArgumentResult r, T fallback, string message)
    {
        r.AddError(message);
        return fallback;
    }
}
