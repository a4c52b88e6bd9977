namespace SearchKamer.Host.Cli;

/// <summary>Routes the command-line verbs; with no verb the main job runs on the bundled corpus.</summary>
public static class Cli
{
    public const string Usage = """
        searchkamer parse BESTAND... [--json]   bestanden lezen en tonen (JSON met --json)
        searchkamer ingest PAD...               bestanden en mappen verwerken, één regel per bestand
        searchkamer bench ingest [PAD...]       snelheid van extractie+parsing meten (pagina's/s)
        """;

    public static int Dispatch(string[] args, TextWriter output)
    {
        var rest = args.Skip(1).ToList();
        switch (args.FirstOrDefault())
        {
            case "parse":
                return ParseCommand.Run(rest, output);
            case "ingest":
                return IngestCommand.Run(rest, output);
            case "bench" when rest.FirstOrDefault() == "ingest":
                return BenchIngestCommand.Run(rest.Skip(1).ToList(), output);
            case null:
                return IngestCommand.Run([BundledCorpus.Locate()], output);
            case "help" or "--help" or "-h":
                output.WriteLine(Usage);
                return 0;
            default:
                Console.Error.WriteLine($"onbekend commando \"{args[0]}\"\n{Usage}");
                return 2;
        }
    }
}
