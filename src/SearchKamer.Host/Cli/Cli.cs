using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace SearchKamer.Host.Cli;

/// <summary>
/// The command-line verbs on System.CommandLine; without a verb Program starts the web host instead.
/// A verb is one file with a <c>Create()</c> that declares its options and action, and one line below.
/// </summary>
public static class Cli
{
    // Tokens are taken literally: "-woord" is a query word (not bundled short options), "@x" not a response file.
    private static readonly ParserConfiguration Parsing = new() { EnablePosixBundling = false, ResponseFileTokenReplacer = null };

    public static Command Root() => RefuseUnknownOptions(new Command("searchkamer", "SearchKamer: Kamervragen en antwoorden zoeken. Zonder commando start de webserver.")
    {
        new HelpOption("--help", "-h") { Description = "deze hulp tonen", Action = new CliHelp(), Recursive = true },
        ParseCommand.Create(),
        IngestCommand.Create(),
        SearchCommand.Create(),
        ExportCommand.Create(),
        new Command("bench", "snelheid meten (niet tijdens normaal gebruik)")
        {
            BenchIngestCommand.Create(),
            BenchSearchCommand.Create(),
            BenchHttpCommand.Create(),
            BenchRelevanceCommand.Create(),
        },
        new Command("users", "accounts beheren") { UsersCommand.Create() },
        SyncCommand.Create(),
    });

    // An unknown "--x" would otherwise become a query word or a path (System.CommandLine passes any word it
    // does not know to the arguments); a typo in an option name should say so instead.
    private static Command RefuseUnknownOptions(Command command)
    {
        command.Validators.Add(result =>
        {
            foreach (var word in command.Arguments.SelectMany(a => result.GetResult(a)?.Tokens ?? []).Select(t => t.Value).Where(v => v.StartsWith("--", StringComparison.Ordinal)))
            {
                result.AddError($"onbekende optie \"{word}\"");
            }
        });
        foreach (var sub in command.Subcommands)
        {
            RefuseUnknownOptions(sub);
        }

        return command;
    }

    public static bool IsVerb(string word) =>
        word is "help" or "--help" or "-h" || Root().Subcommands.Any(c => c.Name == word);

    /// <returns>The exit code: 0 done, 2 a bad argument (named on <paramref name="error"/>), 3 some inputs failed.</returns>
    public static int Dispatch(string[] args, TextWriter output, TextWriter? error = null)
    {
        error ??= Console.Error;
        // "searchkamer help sync" is "searchkamer sync --help".
        var result = Root().Parse(args is ["help", .. var verb] ? [.. verb, "--help"] : args, Parsing);
        if (result.Action is ParseErrorAction)
        {
            foreach (var e in result.Errors)
            {
                error.WriteLine(CliErrors.InDutch(e, result));
            }

            var command = result.CommandResult.Command;
            error.WriteLine($"{CliHelp.UsageLine(command)}\nmeer: {CliHelp.PathOf(command)} --help");
            return 2;
        }

        try
        {
            return result.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is CliArgumentException or DirectoryNotFoundException or Indexing.IndexLockedException)
        {
            error.WriteLine(e.Message);
            return 2;
        }
        catch (Search.SearchRequestException e)
        {
            error.WriteLine($"{e.Parameter}: {e.Message}");
            return 2;
        }
    }
}
