using System.Text.Json;
using SearchKamer.Domain;
using SearchKamer.Ingestion;
using SearchKamer.Ingestion.Parsing;

namespace SearchKamer.Tests.Ingestion;

/// <summary>Every field of the hand-checked gold file (tests/.../Fixtures/gold) must come out of the real PDFs.</summary>
public class GoldAnswersTests
{
    private static readonly JsonElement[] Gold = LoadGold();

    /// <summary>The 16 PDFs, plus the hand-made HTML and XML renditions of two of them (Fixtures/markup).</summary>
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var doc in Gold)
        {
            data.Add(doc.GetProperty("file").GetString()!);
        }

        foreach (var id in new[] { "ah-tk-20232024-1314", "ah-tk-20232024-1999" })
        {
            data.Add($"markup/{id}.html");
            data.Add($"markup/{id}.xml");
        }

        return data;
    }

    [Fact]
    public void The_gold_file_covers_all_sixteen_bundled_pdfs()
    {
        Assert.Equal(16, Gold.Length);
        Assert.Equal(
            Directory.GetFiles(RepoPaths.CorpusFile("pdf"), "*.pdf").Select(Path.GetFileName).Order(),
            Gold.Select(g => g.GetProperty("file").GetString()).Order());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Header_metadata_matches_gold(string file)
    {
        var (gold, doc) = Parse(file);
        Assert.Equal(gold.GetProperty("kind").GetString(), doc.Kind.ToString().ToLowerInvariant());
        Assert.Equal(gold.GetProperty("official_id").GetString(), doc.OfficialId);
        Assert.Equal(gold.GetProperty("vergaderjaar").GetString(), doc.Vergaderjaar);
        Assert.Equal(gold.GetProperty("aanhangselnummer").GetInt32(), doc.Aanhangselnummer);
        Assert.Equal(gold.GetProperty("title").GetString(), doc.Subject);
        Assert.Equal(DateOnly.Parse(gold.GetProperty("date_submitted").GetString()!), doc.DateSubmitted);
        Assert.Equal(DateOnly.Parse(gold.GetProperty("date_received").GetString()!), doc.DateReceived);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void People_and_offices_match_gold(string file)
    {
        var (gold, doc) = Parse(file);
        Assert.Equal(
            gold.GetProperty("askers").EnumerateArray().Select(a => (a.GetProperty("name").GetString(), a.GetProperty("party").GetString())),
            doc.Askers.Select(a => ((string?)a.Name, a.Party)));
        Assert.Equal(Strings(gold.GetProperty("addressees")), doc.Addressees);
        Assert.Equal(
            gold.GetProperty("answerers").EnumerateArray().Select(a => (a.GetProperty("role").GetString(), a.GetProperty("name").GetString(), a.GetProperty("portfolio").GetString())),
            doc.Answerers.Select(a => ((string?)a.Role, (string?)a.Name, a.Portfolio)));
        Assert.Equal(Strings(gold.GetProperty("mede_namens")), doc.OnBehalfOf);
        Assert.All(doc.Answerers, a => Assert.NotNull(a.Ministry));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void See_also_reference_matches_gold(string file)
    {
        var (gold, doc) = Parse(file);
        var seeAlso = gold.GetProperty("see_also");
        if (seeAlso.ValueKind == JsonValueKind.Null)
        {
            Assert.Null(doc.SeeAlso);
        }
        else
        {
            Assert.Equal(new SeeAlso(seeAlso.GetProperty("vergaderjaar").GetString()!, seeAlso.GetProperty("nr").GetInt32()), doc.SeeAlso);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Questions_and_combined_answers_match_gold(string file)
    {
        var (gold, doc) = Parse(file);
        Assert.Equal(gold.GetProperty("question_count").GetInt32(), doc.Questions.Count);
        var combined = gold.GetProperty("combined_answers").EnumerateArray().Select(c => string.Join(",", c.EnumerateArray().Select(n => n.GetInt32()))).ToList();
        Assert.Equal(combined, doc.Questions.Where(q => q.AnsweredWith.Count > 1).Select(q => string.Join(",", q.AnsweredWith)).Distinct());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void First_sixty_characters_of_every_question_and_answer_match_gold(string file)
    {
        var (gold, doc) = Parse(file);
        foreach (var q in gold.GetProperty("questions").EnumerateArray())
        {
            var number = q.GetProperty("number").GetInt32();
            var parsed = Assert.Single(doc.Questions, p => p.Number == number);
            Assert.Equal(q.GetProperty("question_60").GetString(), First60(parsed.Question));
            var answer = q.GetProperty("answer_60");
            Assert.Equal(answer.ValueKind == JsonValueKind.Null ? null : answer.GetString(), parsed.Answer is null ? null : First60(parsed.Answer));
        }

        if (gold.TryGetProperty("mededeling_60", out var notice))
        {
            Assert.Equal(notice.GetString(), First60(doc.Notice ?? ""));
        }
    }

    private static string First60(string text)
    {
        var collapsed = TextCleanup.Collapse(text);
        return collapsed.Length <= 60 ? collapsed : collapsed[..60];
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static (JsonElement Gold, KamervraagDocument Doc) Parse(string file)
    {
        var markup = file.StartsWith("markup/", StringComparison.Ordinal);
        var gold = markup
            ? Gold.Single(g => g.GetProperty("official_id").GetString() == Path.GetFileNameWithoutExtension(file))
            : Gold.Single(g => g.GetProperty("file").GetString() == file);
        var result = DocumentReader.Read(markup ? Path.Combine(RepoPaths.Fixtures, file) : RepoPaths.CorpusFile("pdf", file));
        Assert.True(result.Ok, result.Error);
        return (gold, result.Document!);
    }

    private static JsonElement[] LoadGold()
    {
        using var stream = File.OpenRead(Path.Combine(RepoPaths.Fixtures, "gold", "answers-gold.json"));
        return JsonDocument.Parse(stream).RootElement.GetProperty("documents").EnumerateArray().Select(e => e.Clone()).ToArray();
    }
}
