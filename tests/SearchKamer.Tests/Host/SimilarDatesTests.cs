using System.Globalization;
using System.Text.RegularExpressions;
using SearchKamer.Domain;
using SearchKamer.Indexing;
using SearchKamer.Tests.Ingestion.Extraction;

namespace SearchKamer.Tests.Host;

/// <summary>"Vergelijkbare vragen" on a document page: each with its date, and "eerder gevraagd" when asked before this one.</summary>
[Collection(HostCollection.Name)]
public sealed partial class SimilarDatesTests(HostFixture host)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>Bundled files by index key, to read each similar document's dates from its own text.</summary>
    private static readonly Lazy<Dictionary<string, string>> FilesByKey = new(() =>
        BundledCorpus.Files.GroupBy(x => DocumentMapper.KeyOf(x.Document)).ToDictionary(g => g.Key, g => g.First().File));

    [GeneratedRegex(@"<section class=""similar"".*?</section>", RegexOptions.Singleline)]
    private static partial Regex SimilarSection();

    [GeneratedRegex(@"<li><a href=""/document/(?<id>[^""#]+)[^""]*"">.*?</a> <span class=""meta"">(?<date>[^<]*)</span>(?<earlier> <span class=""earlier"">eerder gevraagd</span>)?")]
    private static partial Regex SimilarItem();

    // In brackets, as the header prints it: a letter may name earlier questions "ingezonden 25 september 2024 (vraagnummer …)" in its text.
    [GeneratedRegex(@"\((?<what>ingezonden|ontvangen)\s+(?<date>\d{1,2}\s+[a-z]+\s+\d{4})")]
    private static partial Regex PrintedDate();

    /// <param name="askedIn">The bundled file that prints when this page's questions were submitted (for the letter: its question set).</param>
    [Theory]
    [InlineData("kv-tk-2024z18885", "limburg/De_Ontbossingswet.docx.txt")]
    [InlineData("ah-tk-20242025-605", "limburg/De_ontkoppeling_van_ontwikkelingshulp.pdf.txt")]
    public async Task Each_similar_question_shows_its_date_and_whether_it_was_asked_before_this_one(string id, string askedIn)
    {
        var asked = Printed(File.ReadAllText(RepoPaths.CorpusFile(askedIn.Split('/'))), "ingezonden")!.Value;

        var section = SimilarSection().Match(await host.Html("/document/" + id)).Value;
        var items = SimilarItem().Matches(section).ToList();

        Assert.NotEmpty(items);
        Assert.Equal(Regex.Matches(section, "<li>").Count, items.Count);
        foreach (var item in items)
        {
            var (submitted, received) = DatesOf(item.Groups["id"].Value);
            var expected = submitted is { } s ? "gevraagd op " + s.ToString("d MMMM yyyy", Dutch) : "beantwoord op " + received!.Value.ToString("d MMMM yyyy", Dutch);
            Assert.Equal(expected, item.Groups["date"].Value);
            // A letter that prints only its receipt was surely asked before us when it was answered before we asked.
            Assert.Equal((submitted ?? received) < asked, item.Groups["earlier"].Success);
        }
    }

    [Fact]
    public async Task Some_similar_questions_were_asked_before_and_some_not()
    {
        var sections = new List<string>();
        foreach (var id in new[] { "kv-tk-2024z18885", "ah-tk-20242025-605" })
        {
            sections.Add(SimilarSection().Match(await host.Html("/document/" + id)).Value);
        }

        var items = sections.SelectMany(s => SimilarItem().Matches(s)).ToList();
        Assert.Contains(items, i => i.Groups["earlier"].Success);
        Assert.Contains(items, i => !i.Groups["earlier"].Success);
    }

    /// <summary>The dates a document prints: from the hand-checked gold file for the PDFs, else from its text.</summary>
    private static (DateOnly? Submitted, DateOnly? Received) DatesOf(string key)
    {
        var file = FilesByKey.Value[key];
        if (file.EndsWith(".pdf", StringComparison.Ordinal))
        {
            var gold = PdfCorpus.GoldFor(Path.GetFileName(file));
            return (DateOnly.Parse(gold.GetProperty("date_submitted").GetString()!, CultureInfo.InvariantCulture),
                DateOnly.Parse(gold.GetProperty("date_received").GetString()!, CultureInfo.InvariantCulture));
        }

        var text = File.ReadAllText(file);
        return (Printed(text, "ingezonden"), Printed(text, "ontvangen"));
    }

    private static DateOnly? Printed(string text, string what) =>
        PrintedDate().Matches(text).FirstOrDefault(m => m.Groups["what"].Value == what) is { } m
            ? DateOnly.ParseExact(Regex.Replace(m.Groups["date"].Value, @"\s+", " "), "d MMMM yyyy", Dutch) : null;
}
