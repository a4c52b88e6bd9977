using System.CommandLine;
using System.CommandLine.Invocation;

namespace SearchKamer.Host.Cli;

/// <summary>
/// Help in Dutch. System.CommandLine's own help has English headings and no Dutch translation, so the
/// usage, arguments, options and subcommands of a command are written out here from its declaration.
/// </summary>
public sealed class CliHelp : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        Write(parseResult.CommandResult.Command, parseResult.InvocationConfiguration.Output);
        return 0;
    }

    public static void Write(Command command, TextWriter output)
    {
        output.WriteLine(UsageLine(command));
        if (!string.IsNullOrEmpty(command.Description))
        {
            output.WriteLine();
            output.WriteLine(command.Description);
        }

        Section(output, "argumenten", command.Arguments.Where(a => !a.Hidden).Select(a => (a.HelpName ?? a.Name, a.Description)));
        Section(output, "opties", OptionsOf(command).Select(o => (OptionLabel(o), o.Description)));
        Section(output, "commando's", command.Subcommands.Where(c => !c.Hidden).Select(c => (c.Name, c.Description)));
    }

    /// <summary>"gebruik: searchkamer sync [VAN TOT] [opties]", also printed under a parse error.</summary>
    public static string UsageLine(Command command)
    {
        var words = new List<string> { PathOf(command) };
        if (command.Subcommands.Count > 0)
        {
            words.Add("COMMANDO");
        }

        words.AddRange(command.Arguments.Where(a => !a.Hidden).Select(a =>
            a.Arity.MaximumNumberOfValues > 1 ? $"[{a.HelpName ?? a.Name}...]" : $"[{a.HelpName ?? a.Name}]"));
        words.Add("[opties]");
        return "gebruik: " + string.Join(' ', words);
    }

    public static string PathOf(Command command) =>
        command.Parents.OfType<Command>().FirstOrDefault() is { } parent ? $"{PathOf(parent)} {command.Name}" : command.Name;

    // The help option is declared once on the root and applies to every verb below it.
    private static IEnumerable<Option> OptionsOf(Command command)
    {
        var own = command.Options.Where(o => !o.Hidden).ToList();
        var inherited = Ancestors(command).SelectMany(c => c.Options).Where(o => o.Recursive && !o.Hidden && !own.Contains(o));
        return own.Concat(inherited);
    }

    private static IEnumerable<Command> Ancestors(Command command) =>
        command.Parents.OfType<Command>().SelectMany(p => Ancestors(p).Prepend(p));

    private static string OptionLabel(Option option)
    {
        var names = string.Join(", ", option.Aliases.Order(StringComparer.Ordinal).Append(option.Name));
        return option.Arity.MaximumNumberOfValues > 0 && option.HelpName is { } value ? $"{names} {value}" : names;
    }

    private static void Section(TextWriter output, string title, IEnumerable<(string Label, string? Text)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"{title}:");
        var width = list.Max(r => r.Label.Length) + 2;
        foreach (var (label, text) in list)
        {
            var lines = (text ?? "").Split('\n');
            output.WriteLine($"  {label.PadRight(width)}{lines[0]}".TrimEnd());
            foreach (var more in lines.Skip(1))
            {
                output.WriteLine($"  {new string(' ', width)}{more}");
            }
        }
    }
}
