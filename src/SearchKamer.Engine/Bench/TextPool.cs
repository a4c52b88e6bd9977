using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace SearchKamer.Bench;

/// <summary>A real question with its real answer, from qa-pairs.jsonl.gz.</summary>
public sealed record QaPair(string Question, string Answer);

/// <summary>
/// The benchmark's text pool: the few thousand Kamervragen pairs are held in memory, the law
/// paragraphs (160 MB) are streamed and cycled so a million pairs never hold them all as strings.
/// </summary>
public sealed class TextPool
{
    public const string LawFile = "law-paragraphs.txt.gz";
    public const string QaFile = "qa-pairs.jsonl.gz";

    public TextPool(string directory)
    {
        LawPath = Path.Combine(directory, LawFile);
        var qaPath = Path.Combine(directory, QaFile);
        foreach (var file in new[] { LawPath, qaPath })
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"tekstpool niet gevonden: {Path.GetFullPath(file)} ontbreekt", file);
            }
        }

        Pairs = ReadPairs(qaPath);
        if (Pairs.Count == 0)
        {
            throw new InvalidDataException($"{qaPath} bevat geen vraag-antwoordparen");
        }
    }

    public string LawPath { get; }

    public IReadOnlyList<QaPair> Pairs { get; }

    /// <summary>Law paragraphs in file order, starting again at the top when the file ends.</summary>
    public IEnumerable<string> Paragraphs()
    {
        while (true)
        {
            var any = false;
            using var reader = OpenText(LawPath);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length > 0)
                {
                    any = true;
                    yield return line;
                }
            }

            if (!any)
            {
                throw new InvalidDataException($"{LawPath} bevat geen alinea's");
            }
        }
    }

    private static List<QaPair> ReadPairs(string path)
    {
        var pairs = new List<QaPair>();
        using var reader = OpenText(path);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && JsonSerializer.Deserialize<QaJson>(line) is { Question.Length: > 0, Answer.Length: > 0 } pair)
            {
                pairs.Add(new QaPair(pair.Question, pair.Answer));
            }
        }

        return pairs;
    }

    private static StreamReader OpenText(string path) =>
        new(new GZipStream(File.OpenRead(path), CompressionMode.Decompress), Encoding.UTF8);

    private sealed record QaJson(
        [property: System.Text.Json.Serialization.JsonPropertyName("question")] string? Question,
        [property: System.Text.Json.Serialization.JsonPropertyName("answer")] string? Answer);
}
