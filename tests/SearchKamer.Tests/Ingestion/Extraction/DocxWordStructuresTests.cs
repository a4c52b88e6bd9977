using SearchKamer.Ingestion;
using SearchKamer.Ingestion.Extraction;

namespace SearchKamer.Tests.Ingestion.Extraction;

/// <summary>
/// A real ministry answer letter (the Limburg text of "Antwoord op vragen van de leden Hirsch e.a.", DOCX
/// originally) written back with the Word structures of <see cref="WordStructuresDocx"/>: the DOCX must
/// read to the record of the text, its "Vraag N" labels coming from Word's list numbering.
/// </summary>
public sealed class DocxWordStructuresTests : IDisposable
{
    private const string Letter = "Antwoord_op_vragen_van_de_leden_Hirsch_e.docx.txt";
    private readonly string _dir = Directory.CreateTempSubdirectory("searchkamer-docx-word-").FullName;

    [Fact]
    public void A_letter_with_list_numbered_questions_split_runs_tabs_breaks_and_tracked_changes_reads_like_its_text()
    {
        var (fromText, lines) = TheLetter();
        var labels = lines.Where(l => WordStructuresDocx.QuestionLabel().IsMatch(l)).ToList();
        // The fixture is faithful only when the printed labels are what a Word list would number: 1, 2, 3, …
        Assert.Equal(Enumerable.Range(1, labels.Count).Select(n => $"Vraag {n}"), labels);

        var fromDocx = Read(WordStructuresDocx.Write(lines));

        DocxFixture.AssertSameRecord(fromText, fromDocx);
        Assert.Equal(fromText.Questions.Select(q => (q.Number, q.Question)), fromDocx.Questions.Select(q => (q.Number, q.Question)));
        Assert.DoesNotContain(fromDocx.Questions, q => q.Answer!.Contains("niet niet", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_its_numbering_the_same_letter_loses_its_question_numbers()
    {
        // Shows the labels come from numbering.xml alone: the document part holds no "Vraag N" text.
        var (fromText, lines) = TheLetter();

        var path = Path.Combine(_dir, "zonder-nummering.docx");
        File.WriteAllBytes(path, WordStructuresDocx.Write(lines, withNumberingPart: false));

        var fromDocx = DocumentReader.Read(path);

        // Without "Vraag N" the letter is not read as the same questions (today: not as Kamervragen at all).
        Assert.NotEqual(fromText.Questions.Count, fromDocx.Document?.Questions.Count ?? 0);
    }

    [Fact]
    public void List_labels_count_per_level_and_restart_below_a_higher_level()
    {
        var numbering = Lists(0, 1, 1, 0, 1);

        Assert.Equal(["Vraag 1", "a)", "b)", "Vraag 2", "a)"], numbering);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (Domain.KamervraagDocument Record, List<string> Lines) TheLetter()
    {
        var path = RepoPaths.CorpusFile("limburg", Letter);
        var record = DocumentReader.Read(path).Document!;
        var lines = File.ReadAllText(path).TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        Assert.True(record.Questions.Count >= 5);
        return (record, lines);
    }

    private Domain.KamervraagDocument Read(byte[] docx)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".docx");
        File.WriteAllBytes(path, docx);
        var result = DocumentReader.Read(path);
        Assert.True(result.Ok, result.Error);
        return result.Document!;
    }

    /// <summary>Labels of paragraphs at the given list levels, read through a DOCX of empty list paragraphs.</summary>
    private List<string> Lists(params int[] levels)
    {
        var docx = WordStructuresDocx.Write([.. levels.Select(l => $"Vraag {l + 1}")]);
        // Rewrite the level of each list paragraph: the writer puts every "Vraag N" line at level 0.
        var path = Path.Combine(_dir, "levels.docx");
        File.WriteAllBytes(path, docx);
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("word/document.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            var i = 0;
            xml = System.Text.RegularExpressions.Regex.Replace(xml, "<w:ilvl w:val=\"0\" />", _ => $"<w:ilvl w:val=\"{levels[i++]}\" />");
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write(xml);
        }

        return [.. DocxExtractor.Extract(path).Lines.Where(l => l.Length > 0)];
    }
}
