namespace SearchKamer.Host.Cli;

/// <summary>Routes the command-line verbs; without a verb Program starts the web host instead.</summary>
public static class Cli
{
    public const string Usage = """
        searchkamer parse BESTAND... [--json]   bestanden lezen en tonen (JSON met --json)
        searchkamer ingest PAD... [--data MAP]  bestanden en mappen lezen en indexeren, één regel per bestand
        searchkamer search ZOEKVRAAG [...]       zoeken (zie 'searchkamer search --help')
        searchkamer export --format jsonl|csv   alle vragen met metadata exporteren
        searchkamer bench ingest [PAD...]       snelheid van extractie+parsing meten (pagina's/s)
        searchkamer bench search [--pairs N]    synthetisch corpus indexeren en zoeksnelheid meten (zie --help)
        searchkamer bench http --index MAP      HTTP-belasting van /api/search op een bench-index (zie --help)
        searchkamer users add E-MAILADRES       account maken (of nieuwe token) en de persoonlijke link tonen
        searchkamer sync [--once] [--since D]   wijzigingen van de Tweede Kamer (SyncFeed) ophalen en indexeren
        searchkamer sync --backfill VAN TOT     documenten van VAN t/m TOT via OData ophalen en indexeren
        """;

    private static readonly string[] Verbs = ["parse", "ingest", "search", "export", "bench", "users", "sync", "help", "--help", "-h"];

    public static bool IsVerb(string word) => Verbs.Contains(word);

    public static int Dispatch(string[] args, TextWriter output)
    {
        try
        {
            return Route(args, output);
        }
        catch (Exception e) when (e is CliArgumentException or DirectoryNotFoundException or Indexing.IndexLockedException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    private static int Route(string[] args, TextWriter output)
    {
        var rest = args.Skip(1).ToList();
        switch (args.FirstOrDefault())
        {
            case "parse":
                return ParseCommand.Run(rest, output);
            case "ingest":
                return IngestCommand.Run(rest, output);
            case "search" when rest.Contains("--help"):
                output.WriteLine(SearchCommand.Usage);
                return 0;
            case "search":
                return SearchCommand.Run(rest, output);
            case "export":
                return ExportCommand.Run(rest, output);
            case "bench" when rest.FirstOrDefault() == "search" && rest.Contains("--help"):
                output.WriteLine(BenchSearchCommand.Usage);
                return 0;
            case "bench" when rest.FirstOrDefault() == "search":
                return BenchSearchCommand.Run(rest.Skip(1).ToList(), output);
            case "sync":
                return SyncCommand.Run(rest, output);
            case "bench" when rest.FirstOrDefault() == "http" && rest.Contains("--help"):
                output.WriteLine(BenchHttpCommand.Usage);
                return 0;
            case "bench" when rest.FirstOrDefault() == "http":
                return BenchHttpCommand.Run(rest.Skip(1).ToList(), output);
            case "bench" when rest.FirstOrDefault() == "relevance":
                return BenchRelevanceCommand.Run(rest.Skip(1).ToList(), output);
            case "bench" when rest.FirstOrDefault() == "ingest":
                return BenchIngestCommand.Run(rest.Skip(1).ToList(), output);
            case "users":
                return UsersCommand.Run(rest, output);
            case "help" or "--help" or "-h":
                output.WriteLine(Usage);
                return 0;
            default:
                Console.Error.WriteLine($"onbekend commando \"{args[0]}\"\n{Usage}");
                return 2;
        }
    }
}
