using SearchKamer.Host.Cli;
using SearchKamer.Host.Web;

if (args.Length > 0 && Cli.IsVerb(args[0]))
{
    return Cli.Dispatch(args, Console.Out);
}

try
{
    await WebApp.Build(args).RunAsync();
    return 0;
}
catch (SearchKamer.Indexing.IndexLockedException e)
{
    // Another process writes this data directory: say so like the CLI does, not with a stack trace.
    Console.Error.WriteLine(e.Message);
    return 2;
}

/// <summary>Exposed so integration tests can start the host with WebApplicationFactory.</summary>
public partial class Program;
