using SearchKamer.Indexing;
using SearchKamer.Ingestion;
using SearchKamer.Search;

namespace SearchKamer.Tests.Search;

/// <summary>
/// The bundled corpus indexed once into a temp folder, plus one real question set copied with
/// "&lt;script&gt;" written into its first question, to prove markup in documents stays text.
/// </summary>
public sealed class CorpusIndexFixture : IDisposable
{
    public const string ScriptFile = "script-in-vraag.txt";

    public CorpusIndexFixture()
    {
        Data = Directory.CreateTempSubdirectory("searchkamer-search-").FullName;
        var extra = Directory.CreateDirectory(Path.Combine(Data, "extra")).FullName;
        var source = File.ReadAllLines(RepoPaths.CorpusFile("limburg", "Vergunningverlening_aan_escortbureaus.docx.txt")).ToList();
        var first = source.FindIndex(l => l.StartsWith("Kent u het bericht", StringComparison.Ordinal));
        source[first] = source[first] + " <script>alert(1)</script>";
        File.WriteAllLines(Path.Combine(extra, ScriptFile), source);

        Index = SearchIndex.OpenForWriting(Path.Combine(Data, "index"));
        var files = FileWalker.Expand([RepoPaths.Corpus, extra], new List<string>());
        Summary = IngestPipeline.Run(Index, files, Environment.ProcessorCount, _ => { });
        Engine = new SearchEngine(Index);
        Documents = Engine.All().ToList();
    }

    public string Data { get; }

    public SearchIndex Index { get; }

    public SearchEngine Engine { get; }

    public IngestSummary Summary { get; }

    public IReadOnlyList<Domain.KamervraagDocument> Documents { get; }

    public void Dispose()
    {
        Index.Dispose();
        Directory.Delete(Data, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class CorpusIndexCollection : ICollectionFixture<CorpusIndexFixture>
{
    public const string Name = "corpus-index";
}
