using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchKamer.Domain;
using SearchKamer.Dossiers;
using SearchKamer.Indexing;
using SearchKamer.Ingestion;
using SearchKamer.Tests.Search;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Tests.Dossiers;

/// <summary>
/// Issue 21: dossiers are read from the small facts kept beside each record, not from the stored records. The
/// oracle is the dossier built the old way, from every member's whole stored record.
/// </summary>
[Collection(CorpusIndexCollection.Name)]
public sealed class DossierFactsTests(CorpusIndexFixture corpus)
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    [Fact]
    public void Every_dossier_of_the_corpus_reads_the_same_from_facts_as_from_the_stored_records()
    {
        var zaken = corpus.Documents.SelectMany(d => d.ZaakNumbers).Select(z => DossierReader.Normalise(z)!).Distinct().ToList();
        var reader = new DossierReader(corpus.Index);

        Assert.True(zaken.Count > 50, $"only {zaken.Count} zaken in the corpus");
        foreach (var zaak in zaken)
        {
            Assert.Equal(Json(FromStoredRecords(corpus.Index, zaak)), Json(reader.Get(zaak, Today)));
        }
    }

    [Fact]
    public void The_dossiers_of_a_results_page_read_in_one_pass_are_those_built_from_the_stored_records()
    {
        var asked = AskedLikeHits();

        var read = new DossierReader(corpus.Index).ForZaken(asked, Today);

        AssertNoneForTheLastTwo(asked, read);
        foreach (var zaak in asked.SkipLast(2))
        {
            Assert.Equal(Json(FromStoredRecords(corpus.Index, DossierReader.Normalise(zaak)!)), Json(read[zaak]));
        }
    }

    [Fact]
    public void The_state_beside_each_hit_read_from_the_course_alone_is_the_state_of_the_whole_dossier()
    {
        var asked = AskedLikeHits();

        var states = new DossierReader(corpus.Index).StatesFor(asked, Today);

        AssertNoneForTheLastTwo(asked, states);
        // Answered and open, late and in time, postponed and not: a course that misreads any of them shows here.
        var shown = states.Values.OfType<DossierState>().ToList();
        Assert.Equal([DossierStatuses.Answered, DossierStatuses.Open], shown.Select(s => s.Status).Distinct().Order());
        Assert.Equal([false, true], shown.Select(s => s.Late).Distinct().Order());
        Assert.Equal([false, true], shown.Select(s => s.Postponed).Distinct().Order());
        foreach (var zaak in asked.SkipLast(2))
        {
            Assert.Equal(DossierStates.Of(FromStoredRecords(corpus.Index, DossierReader.Normalise(zaak)!)!), states[zaak]);
        }
    }

    [Fact]
    public void Every_record_s_course_facts_hold_its_key_kind_notice_and_dates()
    {
        var checkedRecords = corpus.Index.Read(searcher =>
        {
            var records = searcher.Search(new TermQuery(new Term(Fields.Level, Fields.LevelDoc)), int.MaxValue).ScoreDocs;
            foreach (var hit in records)
            {
                var leaf = searcher.IndexReader.Leaves[ReaderUtil.SubIndex(hit.Doc, searcher.IndexReader.Leaves)];
                var facts = new Lucene.Net.Util.BytesRef();
                leaf.AtomicReader.GetBinaryDocValues(Fields.DossierFacts).Get(hit.Doc - leaf.DocBase, facts);
                var stored = StoredRecord.Load(searcher, hit.Doc);

                Assert.Equal(CourseMember.Of(stored.Key, stored.Document), CourseFacts.Read(facts.Bytes.AsSpan(facts.Offset, facts.Length)));
            }

            return records.Length;
        });

        Assert.Equal(corpus.Documents.Count, checkedRecords);
    }

    [Fact]
    public void A_record_whose_facts_are_too_long_for_doc_values_is_read_from_its_stored_record()
    {
        var data = Directory.CreateTempSubdirectory("searchkamer-facts-").FullName;
        try
        {
            using var index = SearchIndex.OpenForWriting(Path.Combine(data, "index"));
            var letter = DocumentReader.Read(RepoPaths.CorpusFile("limburg", "De_ontkoppeling_van_ontwikkelingshulp.pdf.txt")).Document!;
            // Lucene 4.8 keeps at most 32,766 bytes of binary doc values per record; this subject alone is longer.
            var subject = string.Concat(Enumerable.Repeat("de ontkoppeling van ontwikkelingshulp ", 1000));
            var zaak = DossierReader.Normalise(letter.ZaakNumbers[0])!;
            index.Upsert(letter with { Subject = subject }, DateTimeOffset.UnixEpoch);
            index.Commit();

            var dossier = new DossierReader(index).Get(zaak, Today);

            Assert.NotNull(dossier);
            Assert.Equal(subject, dossier.Subject);
            Assert.Equal(Json(FromStoredRecords(index, zaak)), Json(dossier));
            Assert.Equal(DossierStates.Of(dossier), new DossierReader(index).StatesFor([zaak], Today)[zaak]);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Every zaak of the corpus as hits carry them (any case), then a zaak no document has and text that is no zaak at all.</summary>
    private List<string> AskedLikeHits() =>
        [.. corpus.Documents.SelectMany(d => d.ZaakNumbers).Select(z => DossierReader.Normalise(z)!).Distinct()
            .Select((z, i) => i % 2 == 0 ? z.ToLowerInvariant() : z), "2099Z99999", "geen zaak"];

    private static void AssertNoneForTheLastTwo<T>(List<string> asked, Dictionary<string, T?> read)
        where T : class
    {
        Assert.Equal(asked.Count, read.Count);
        Assert.Null(read[asked[^2]]);
        Assert.Null(read[asked[^1]]);
    }

    private static Dossier? FromStoredRecords(SearchIndex index, string zaak) => index.Read(searcher =>
    {
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(Fields.Zaak, zaak.ToLowerInvariant())), Occur.MUST },
            { new TermQuery(new Term(Fields.Level, Fields.LevelDoc)), Occur.MUST },
        };
        var members = searcher.Search(query, 100).ScoreDocs.Select(h => StoredRecord.Load(searcher, h.Doc)).Select(r => (r.Key, r.Document)).ToList();
        return members.Count == 0 ? null : DossierBuilder.Build(zaak, members, LatenessTerms.Default, Today);
    });

    private static string Json(Dossier? dossier) => JsonSerializer.Serialize(dossier, StoredJson.Options);
}
