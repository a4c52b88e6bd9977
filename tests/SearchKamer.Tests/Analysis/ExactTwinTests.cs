using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchKamer.Analysis;
using SearchKamer.Indexing;
using SearchKamer.Search;
using Fields = SearchKamer.Indexing.Fields;
using static SearchKamer.Tests.Analysis.AnalyzerProbe;

namespace SearchKamer.Tests.Analysis;

/// <summary>
/// The exact fields are indexed from the tokens the stemmed chain recorded (ExactTwin), not from a second
/// tokenization: what lands in the index must still be exactly what the exact chain makes of the text.
/// </summary>
public sealed class ExactTwinTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("searchkamer-twin-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public void The_replay_of_a_real_answer_is_the_exact_chain_token_for_token()
    {
        var text = File.ReadAllText(RepoPaths.CorpusFile("limburg", "Antwoord_op_vragen_van_de_leden_Beckerma.pdf.txt"));

        ExactTwin.Expect(text);
        Analyze(FieldAnalyzers.Index, Fields.Answer, text);
        var replayed = Replay(text);

        Assert.Equal(Analyze(FieldAnalyzers.Index, Fields.AnswerExact, text), replayed);
    }

    [Fact]
    public void Only_the_text_just_recorded_is_replayed()
    {
        var text = "De Staatssecretaris van Financiën – Fiscaliteit";
        ExactTwin.Expect(text);
        Analyze(FieldAnalyzers.Index, Fields.Question, text);

        Assert.Null(ExactTwin.Replay(new string(text.AsSpan())));
        Assert.Null(ExactTwin.Replay("iets anders"));
    }

    [Fact]
    public void Exact_fields_of_an_ingested_corpus_hold_the_exact_chain_of_their_text()
    {
        var files = Directory.GetFiles(RepoPaths.CorpusFile("limburg")).Order(StringComparer.Ordinal).Take(12).ToList();
        using var index = SearchIndex.OpenForWriting(Path.Combine(_data, "index"));
        IngestPipeline.Run(index, files, 2, _ => { });

        var checkedPairs = index.Read(searcher =>
        {
            var pairs = 0;
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var reader = leaf.AtomicReader;
                foreach (var (field, exact) in new[] { (Fields.Question, Fields.QuestionExact), (Fields.Answer, Fields.AnswerExact) })
                {
                    var indexed = Positions(reader, exact);
                    var records = ParentBits.For(reader);
                    for (var doc = 0; doc < reader.MaxDoc; doc++)
                    {
                        // Pairs store no text: it is read from their document's record, as results read it.
                        if (records.Get(doc))
                        {
                            continue;
                        }

                        var record = Documents.Load(searcher, leaf.DocBase + records.NextSetBit(doc));
                        var pair = Documents.PairOf(record, leaf.DocBase + doc);
                        var text = field == Fields.Question ? pair.Question : DocumentMapper.AnswerOf(record.Document, pair);

                        var expected = Expected(text, exact);
                        Assert.Equal(expected, indexed.GetValueOrDefault(doc, []).Order().ToList());
                        pairs++;
                    }
                }
            }

            return pairs;
        });

        Assert.True(checkedPairs > 50, $"only {checkedPairs} texts checked");
    }

    [Fact]
    public void Pairs_hold_their_records_key_and_leave_subject_names_ids_and_filter_values_to_the_record()
    {
        var files = Directory.GetFiles(RepoPaths.CorpusFile("limburg")).Order(StringComparer.Ordinal).Take(12).ToList();
        using var index = SearchIndex.OpenForWriting(Path.Combine(_data, "index"));
        IngestPipeline.Run(index, files, 2, _ => { });
        string[] repeated = [Fields.DocId];
        // What the schema marks for the queries to reach through the record is what the mapper leaves off the pairs.
        var recordOnly = IndexSchema.All.Where(f => f.DocumentOnly).Select(f => f.Name).ToList();
        HashSet<string> moved =
        [
            Fields.Subject, Fields.SubjectExact, Fields.MinisterText, Fields.MinistryText, Fields.AskerText, Fields.PartyText,
            Fields.OfficialId, Fields.DocumentNumber, Fields.Zaak, .. IndexSchema.MappedKeywords.Select(f => f.Name),
        ];
        Assert.Subset(recordOnly.ToHashSet(), moved);

        var (checkedPairs, recordValues) = index.Read(searcher =>
        {
            var (pairs, values) = (0, 0);
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var reader = leaf.AtomicReader;
                var level = reader.GetTermDocsEnum(new Term(Fields.Level, Fields.LevelDoc))!;
                var byField = repeated.Concat(recordOnly).ToDictionary(f => f, f => Positions(reader, f));
                var blockStart = 0;
                for (var record = level.NextDoc(); record != DocIdSetIterator.NO_MORE_DOCS; record = level.NextDoc())
                {
                    values += recordOnly.Count(f => byField[f].ContainsKey(record));
                    for (var pair = blockStart; pair < record; pair++, pairs++)
                    {
                        foreach (var field in repeated)
                        {
                            Assert.Equal(byField[field].GetValueOrDefault(record, []).Order(), byField[field].GetValueOrDefault(pair, []).Order());
                        }

                        Assert.All(recordOnly, field => Assert.False(byField[field].ContainsKey(pair), $"{field} on pair {pair}"));
                    }

                    blockStart = record + 1;
                }
            }

            return (pairs, values);
        });

        Assert.True(checkedPairs > 50, $"only {checkedPairs} pairs checked");
        Assert.True(recordValues > 12 * 5, $"only {recordValues} names, ids and filter values on the records");
    }

    private static List<Tok> Replay(string text)
    {
        var stream = ExactTwin.Replay(text);
        Assert.NotNull(stream);
        var tokens = new List<Tok>();
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var increment = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(new Tok(term.ToString(), increment.PositionIncrement, offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }

    /// <summary>"term@position" for every token the exact chain makes of the text.</summary>
    private static List<string> Expected(string text, string field)
    {
        var position = -1;
        return [.. Analyze(FieldAnalyzers.Index, field, text).Select(t => $"{t.Term}@{position += t.PositionIncrement}").Order()];
    }

    /// <summary>"term@position" per document from the field's postings ("term" alone for a field without positions).</summary>
    private static Dictionary<int, List<string>> Positions(AtomicReader reader, string field)
    {
        var byDoc = new Dictionary<int, List<string>>();
        var terms = reader.GetTerms(field)?.GetEnumerator();
        while (terms is not null && terms.MoveNext())
        {
            var term = terms.Term.Utf8ToString();
            var positions = terms.DocsAndPositions(null, null);
            DocsEnum postings = positions ?? terms.Docs(null, null);
            for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
            {
                var list = byDoc.TryGetValue(doc, out var l) ? l : byDoc[doc] = [];
                for (var i = 0; i < (positions is null ? 1 : postings.Freq); i++)
                {
                    list.Add(positions is null ? term : $"{term}@{positions.NextPosition()}");
                }
            }
        }

        return byDoc;
    }
}
