namespace SearchKamer.Host.Cli;

/// <summary>A bad command-line argument; the message names it.</summary>
public sealed class CliArgumentException(string message) : Exception(message);

/// <summary>"--name value" options, repeatable, plus positional words.</summary>
public sealed class CliArgs
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public CliArgs(IEnumerable<string> args, IReadOnlySet<string> flags)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var a = list[i];
            if (!a.StartsWith("--", StringComparison.Ordinal) || a == "--")
            {
                Positional.Add(a);
            }
            else if (flags.Contains(a))
            {
                _flags.Add(a);
            }
            else if (i + 1 < list.Count)
            {
                var name = a.Split('=', 2)[0];
                if (a.Contains('=', StringComparison.Ordinal))
                {
                    Add(name, a.Split('=', 2)[1]);
                }
                else
                {
                    Add(name, list[++i]);
                }
            }
            else if (a.Contains('=', StringComparison.Ordinal))
            {
                Add(a.Split('=', 2)[0], a.Split('=', 2)[1]);
            }
            else
            {
                throw new CliArgumentException($"optie {a} mist een waarde");
            }
        }
    }

    public List<string> Positional { get; } = [];

    public bool Flag(string name) => _flags.Contains(name);

    public IReadOnlyList<string> All(string name) => _options.TryGetValue(name, out var v) ? v : [];

    public string? One(string name) => All(name) is { Count: > 0 } v ? v[^1] : null;

    public int Int(string name, int fallback) =>
        One(name) is not { } s ? fallback
        : int.TryParse(s, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n
        : throw new CliArgumentException($"{name} verwacht een getal, niet \"{s}\"");

    public DateOnly? Date(string name) => One(name) is { } s ? ParseDate(s, name) : null;

    /// <param name="name">How the user named the value (an option, or a positional argument), for the message.</param>
    public static DateOnly ParseDate(string value, string name) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d
        : throw new CliArgumentException($"{name} verwacht een datum als JJJJ-MM-DD, niet \"{value}\"");

    private void Add(string name, string value)
    {
        if (!_options.TryGetValue(name, out var list))
        {
            _options[name] = list = [];
        }

        list.Add(value);
    }
}
