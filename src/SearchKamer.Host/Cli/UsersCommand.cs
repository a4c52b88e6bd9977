using SearchKamer.Host.Services;
using SearchKamer.SavedSearches;

namespace SearchKamer.Host.Cli;

/// <summary><c>searchkamer users add EMAIL [--data DIR] [--url BASE]</c>: creates an account, or gives an existing one a new token, and prints the sign-in link.</summary>
public static class UsersCommand
{
    public const string Usage = "gebruik: searchkamer users add E-MAILADRES [--data MAP] [--url https://zoek.example.nl]";

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var cli = new CliArgs(args, new HashSet<string>());
        if (cli.Positional is not ["add", var email])
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var store = Store.Open(DataDirectory.Resolve(cli.One("--data")));
        try
        {
            var issued = new Users(store, TimeProvider.System).Add(email, renew: true);
            var links = new Links(new Uri((cli.One("--url") ?? Environment.GetEnvironmentVariable("SearchKamer__PublicUrl") ?? Web.WebApp.DefaultUrl).TrimEnd('/') + "/"));
            output.WriteLine($"Account {issued.User.Email}: persoonlijke link (eerdere links werken niet meer):");
            output.WriteLine(Web.SavedSearches.AccountPages.SignInLink(links, issued.Token));
            output.WriteLine($"API-token: {issued.Token}");
            return 0;
        }
        catch (UserException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }
}
