using SearchKamer.Host.Cli;
using SearchKamer.Host.Web;

if (args.Length > 0 && Cli.IsVerb(args[0]))
{
    return Cli.Dispatch(args, Console.Out);
}

await WebApp.Build(args).RunAsync();
return 0;

/// <summary>Exposed so integration tests can start the host with WebApplicationFactory.</summary>
public partial class Program;
