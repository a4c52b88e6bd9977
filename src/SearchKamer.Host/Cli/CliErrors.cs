using System.CommandLine;
using System.CommandLine.Parsing;

namespace SearchKamer.Host.Cli;

/// <summary>
/// System.CommandLine's own parse errors (it ships no Dutch) told in Dutch, naming the option or word.
/// Errors from <see cref="CliOptions"/>' parsers are Dutch already and pass through.
/// </summary>
public static class CliErrors
{
    public static string InDutch(ParseError error, ParseResult result) => error.SymbolResult switch
    {
        OptionResult { Tokens.Count: 0 } o when o.Option.Arity.MinimumNumberOfValues > 0 => $"optie {o.Option.Name} mist een waarde",
        OptionResult o when o.Tokens.Count > o.Option.Arity.MaximumNumberOfValues => $"optie {o.Option.Name} krijgt één waarde, niet {o.Tokens.Count}",
        ArgumentResult { Parent: OptionResult o, Tokens.Count: 0 } => $"optie {o.Option.Name} mist een waarde",
        _ when result.UnmatchedTokens.FirstOrDefault(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal)) is { } token =>
            token.StartsWith('-') ? $"onbekende optie \"{token}\"" : $"onverwacht argument \"{token}\"",
        CommandResult { Command: { Subcommands.Count: > 0, Action: null } } c =>
            $"geef een commando: {CliOptions.Listing(c.Command.Subcommands.Select(s => s.Name))}",
        _ => error.Message,
    };
}
