using System.CommandLine;
using SearchKamer.Host.Services;
using SearchKamer.SavedSearches;

namespace SearchKamer.Host.Cli;

/// <summary><c>searchkamer users add EMAIL [--data DIR] [--url BASE]</c>: creates an account, or gives an existing one a new token, and prints the sign-in link.</summary>
public static class UsersCommand
{
    public const string Usage = "gebruik: searchkamer users add E-MAILADRES [--data MAP] [--url https://zoek.example.nl]";

    public static Command Create()
    {
        var email = new Argument<string?>("E-MAILADRES") { Description = "het e-mailadres van het account", Arity = ArgumentArity.ZeroOrOne };
        var data = CliOptions.Data();
        var url = CliOptions.Text("--url", "URL", "adres van de site in de link (standaard $SearchKamer__PublicUrl, anders " + Web.WebApp.DefaultUrl + ")");
        var command = new Command("add", "account maken (of een nieuwe token geven) en de persoonlijke link tonen") { email, data, url };
        command.SetAction(r => Run(r.GetValue(email), r.GetValue(data), r.GetValue(url), r.InvocationConfiguration));
        return command;
    }

    private static int Run(string? email, string? data, string? url, InvocationConfiguration console)
    {
        if (email is null)
        {
            console.Error.WriteLine(Usage);
            return 2;
        }

        var output = console.Output;
        var site = (url ?? Environment.GetEnvironmentVariable("SearchKamer__PublicUrl") ?? Web.WebApp.DefaultUrl).TrimEnd('/') + "/";
        var links = Uri.TryCreate(site, UriKind.Absolute, out var root) && root.Scheme is "http" or "https" ? new Links(root)
            : throw new CliArgumentException($"--url verwacht een adres als https://zoek.example.nl, niet \"{url}\"");
        var store = Store.Open(DataDirectory.Resolve(data));
        try
        {
            var issued = new Users(store, TimeProvider.System).Add(email, renew: true);
            output.WriteLine($"Account {issued.User.Email}: persoonlijke link (eerdere links werken niet meer):");
            output.WriteLine(Web.SavedSearches.AccountPages.SignInLink(links, issued.Token));
            output.WriteLine($"API-token: {issued.Token}");
            return 0;
        }
        catch (UserException e)
        {
            console.Error.WriteLine(e.Message);
            return 2;
        }
    }
}
