using SearchKamer.Domain;
using SearchKamer.Ingestion;
using SearchKamer.Ingestion.Parsing;

namespace SearchKamer.Tests.Ingestion.Parsing;

/// <summary>
/// The label and header variants of ../shared/docs/document-formats.md, one named case each, every input a
/// line of a real corpus text (the case checks the line is there), beside the whole-document gold tests.
/// </summary>
public sealed class ParserVariantTests
{
    [Theory]
    [InlineData("Antwoord_op_vragen_van_het_lid_Van_Nispe.docx.txt", "Vraag 1", "vraag", new[] { 1 })]
    [InlineData("Antwoord_op_vragen_van_het_lid_Van_Nispe.docx.txt", "Antwoord op vraag 1", "antwoord", new[] { 1 })]
    [InlineData("Antwoord_op_vragen_van_de_leden_Beckerma.pdf.txt", "Vraag 6 en 7", "vraag", new[] { 6, 7 })]
    [InlineData("Antwoord_op_vragen_van_het_lid_Boomsma_o.pdf.txt", "Vraag 2 t/m 6", "vraag", new[] { 2, 3, 4, 5, 6 })]
    [InlineData("Antwoord_op_vragen_van_het_lid_Boomsma_o.pdf.txt", "Antwoord 2 t/m 6", "antwoord", new[] { 2, 3, 4, 5, 6 })]
    [InlineData("Antwoord_op_vragen_van_het_lid_Martens-A.pdf.txt", "Antwoorden 5 en 6", "antwoord", new[] { 5, 6 })]
    [InlineData("Antwoord_op_vragen_van_het_lid_Mutluer_o.docx.txt", "Antwoord op vraag 3 en 4", "antwoord", new[] { 3, 4 })]
    [InlineData("Antwoord_op_vragen_van_het_lid_Joseph_ov.docx.txt", "Antwoord vraag 4-7:", "antwoord", new[] { 4, 5, 6, 7 })]
    [InlineData("Antwoord_op_vragen_van_de_leden_Hirsch_e.docx.txt", "Antwoord", "antwoord", new int[0])]
    public void A_label_line_of_the_corpus_names_its_kind_and_numbers(string file, string line, string kind, int[] numbers)
    {
        Assert.Contains(File.ReadAllLines(RepoPaths.CorpusFile("limburg", file)), l => l.Trim() == line);

        var label = LabelParser.Parse(line);

        Assert.NotNull(label);
        Assert.Equal(kind == "vraag" ? LabelKind.Question : LabelKind.Answer, label.Kind);
        Assert.Equal(numbers, label.Numbers);
    }

    [Fact]
    public void Three_and_more_numbers_joined_by_commas_and_en()
    {
        // document-formats.md: "Antwoord op vragen 3, 4 en 5" (ah-tk-20232024-1314, the gold PDF).
        var label = LabelParser.Parse("Antwoord op vragen 3, 4 en 5");

        Assert.Equal(LabelKind.Answer, label!.Kind);
        Assert.Equal([3, 4, 5], label.Numbers);
    }

    [Fact]
    public void A_party_shared_by_all_before_it_goes_to_each_asker()
    {
        var header = Header("De_faillissementen_van_steeds_meer_koplo.pdf.txt", "Vragen van de leden Sneller");

        var parsed = QuestionHeaderParser.Parse(header, new List<string>());

        Assert.Equal(
            [new Asker("Sneller", "D66"), new Asker("Bamenga", "D66"), new Asker("Rooderkerk", "D66"), new Asker("Gabriëls", "GroenLinks-PvdA")],
            parsed.Askers);
    }

    [Fact]
    public void A_party_shared_by_both_goes_to_the_two_askers_before_it()
    {
        var header = Header("Antwoord_op_vragen_van_de_leden_Beckerma.pdf.txt", "Vragen van de leden Beckerman");

        var parsed = QuestionHeaderParser.Parse(header, new List<string>());

        Assert.Equal(
            [new Asker("Beckerman", "SP"), new Asker("Bushoff", "GroenLinks-PvdA"), new Asker("Kröger", "GroenLinks-PvdA"), new Asker("Bamenga", "D66"), new Asker("Teunissen", "PvdD")],
            parsed.Askers);
    }

    [Fact]
    public void Two_answerers_are_both_kept_with_their_portfolios()
    {
        var header = Header("Antwoord_op_vragen_van_de_leden_Beckerma.pdf.txt", "Antwoord van Staatssecretaris");

        var parsed = AnswerHeaderParser.Parse(header, new List<string>());

        Assert.Equal(
            [("Staatssecretaris", "Van Marum", "Binnenlandse Zaken en Koninkrijksrelaties"), ("Minister", "Hermans", "Klimaat en Groene Groei")],
            parsed.Answerers.Select(a => (a.Role, a.Name, a.Portfolio)).ToList());
        Assert.Equal(new DateOnly(2024, 11, 18), parsed.Received);
    }

    [Theory]
    [InlineData("Antwoord_op_vragen_van_het_lid_Martens-A.pdf.txt", 5, 6)]
    [InlineData("Antwoord_op_vragen_van_het_lid_Mutluer_o.docx.txt", 3, 4)]
    public void A_combined_answer_label_gives_both_questions_the_one_answer(string file, int first, int second)
    {
        var document = DocumentReader.Read(RepoPaths.CorpusFile("limburg", file)).Document!;

        var a = document.Questions.Single(q => q.Number == first);
        var b = document.Questions.Single(q => q.Number == second);

        Assert.Equal([first, second], a.AnsweredWith);
        Assert.Equal(a.AnsweredWith, b.AnsweredWith);
        Assert.False(string.IsNullOrWhiteSpace(a.Answer));
        Assert.Equal(a.Answer, b.Answer);
    }

    /// <summary>The header sentence as it stands in the text: from its first line up to its closing date, lines joined.</summary>
    private static string Header(string file, string start)
    {
        var lines = File.ReadAllLines(RepoPaths.CorpusFile("limburg", file)).Select(l => l.Trim()).ToList();
        var from = lines.FindIndex(l => l.StartsWith(start, StringComparison.Ordinal));
        Assert.True(from >= 0, $"{start} not in {file}");
        var to = lines.FindIndex(from, l => l.Contains("(ingezonden", StringComparison.Ordinal) || l.Contains("(ontvangen", StringComparison.Ordinal));
        return string.Join(' ', lines.Skip(from).Take(to - from + 1));
    }
}
