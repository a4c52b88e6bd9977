using SearchKamer.Dossiers;
using SearchKamer.Indexing;
using SearchKamer.Ingestion;
using SearchKamer.Sync;

namespace SearchKamer.Tests.Dossiers;

/// <summary>/open-vragen reads the index's dossiers and adds what only the sync store knows, once.</summary>
public sealed class OpenQuestionsFromDossiersTests
{
    private static readonly DateOnly Today = new(2024, 12, 31);

    private static Dossier DossierOf(params string[] files)
    {
        var docs = files.Select(f => DocumentReader.Read(RepoPaths.CorpusFile("limburg", f)).Document!).Select(d => (DocumentMapper.KeyOf(d), d));
        return DossierBuilder.Build("zaak", docs, LatenessTerms.Default, Today) with { Zaak = DocumentReader.Read(RepoPaths.CorpusFile("limburg", files[0])).Document!.ZaakNumbers[0] };
    }

    [Fact]
    public void Open_sets_come_from_the_index_and_sync_only_sets_are_added_once()
    {
        var open = DossierOf("Wachttijden_voor_stroomaansluitingen.pdf.txt");
        var answered = DossierOf("De_ontkoppeling_van_ontwikkelingshulp.pdf.txt", "Antwoord_op_vragen_van_het_lid_Boswijk_o.docx.txt");
        var syncOnly = new OpenQuestionSet("2024Z99999", "alleen in sync", new DateOnly(2024, 12, 1), [], [], [], false, new DateOnly(2024, 12, 22), 30, true);
        var alsoIndexed = syncOnly with { Zaak = open.Zaak, Subject = "dubbel" };
        var synced = new OpenQuestionsReport(Today, [syncOnly, alsoIndexed], [], [], []);

        var report = OpenQuestions.FromDossiers([open, answered], Today, synced);

        Assert.Equal([open.Zaak, "2024Z99999"], report.Open.Select(o => o.Zaak).Order(StringComparer.Ordinal));
        Assert.Equal(open.Subject, report.Open.Single(o => o.Zaak == open.Zaak).Subject);
        Assert.Equal(["2024Z18792"], report.Answered.Select(a => a.Zaak));
        Assert.Equal(1, report.Answered.Single().Days);
    }
}
