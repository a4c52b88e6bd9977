using Lucene.Net.Index;
using Lucene.Net.Util;
using SearchKamer.Indexing;
using SearchKamer.Search;

namespace SearchKamer.Tests.Search;

/// <summary>
/// The in-memory facet table of a segment must give each document record exactly the values its doc values hold,
/// whether its entries are 16-bit (every real corpus) or 32-bit (a segment with more than 65,536 values).
/// </summary>
[Collection(CorpusIndexCollection.Name)]
public class FacetTableTests(CorpusIndexFixture corpus)
{
    private static readonly IReadOnlyList<string> FacetFields = [.. IndexSchema.Filters.Select(f => f.Name)];

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(0)]
    public void Every_record_counts_exactly_the_values_its_doc_values_hold(int narrowValues)
    {
        var checkedRecords = 0;
        ForEachRecord(narrowValues, (reader, table, record, doc) =>
        {
            var counts = new int[table.ValueCount];
            table.CountAll(record, counts);
            Assert.Equal(DocValues(reader, doc), Counted(table, counts));
            checkedRecords++;
        });

        Assert.True(checkedRecords > 50, $"only {checkedRecords} records");
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(0)]
    public void Counting_many_records_at_once_adds_up_the_values_each_record_holds(int narrowValues)
    {
        // Per segment's table: its records, each twice (so that one call holds more than two batches), and the
        // oracle's tally of their doc values.
        var segments = new Dictionary<FacetTable, (List<int> Records, Dictionary<(int Facet, string Label), int> Expected)>();
        ForEachRecord(narrowValues, (reader, table, record, doc) =>
        {
            if (!segments.TryGetValue(table, out var segment))
            {
                segments[table] = segment = ([], []);
            }

            segment.Records.AddRange([record, record]);
            foreach (var value in DocValues(reader, doc))
            {
                segment.Expected[value] = segment.Expected.GetValueOrDefault(value) + 2;
            }
        });

        foreach (var (table, (records, expected)) in segments)
        {
            var counts = new int[table.ValueCount];
            table.CountRecords([.. records], counts);
            var counted = Enumerable.Range(0, counts.Length).Where(i => counts[i] > 0)
                .ToDictionary(i => ((int)table.FacetOf[i], table.Labels[table.FacetOf[i]][i - table.Offsets[table.FacetOf[i]]]), i => counts[i]);
            Assert.Equal(expected.OrderBy(e => e.Key).ToList(), counted.OrderBy(e => e.Key).ToList());
        }

        Assert.True(segments.Values.Max(s => s.Records.Count) > 128, "no segment with more than two batches of records");
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(0)]
    public void Counting_one_facet_of_a_record_counts_that_facets_values_only(int narrowValues)
    {
        ForEachRecord(narrowValues, (reader, table, record, doc) =>
        {
            for (var f = 0; f < FacetFields.Count; f++)
            {
                var counts = new int[table.ValueCount];
                table.CountFacet(record, f, counts);
                Assert.Equal(DocValues(reader, doc).Where(v => v.Facet == f).ToList(), Counted(table, counts));
            }
        });
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(0)]
    public void A_record_passes_a_facet_exactly_when_it_holds_one_of_the_values_selected_there(int narrowValues)
    {
        var passing = 0;
        var failing = 0;
        ForEachRecord(narrowValues, (reader, table, record, doc) =>
        {
            // Select in every facet its first value in label order, and a value no record holds.
            var selected = FacetFields.Select((_, f) => (IReadOnlyList<string>)[.. table.Labels[f].Take(1), "bestaat-niet"]).ToList();
            var bits = table.SelectionBits(selected);
            var passed = table.Passed(record, bits);
            var holds = DocValues(reader, doc);
            for (var f = 0; f < FacetFields.Count; f++)
            {
                var expected = holds.Any(v => v.Facet == f && selected[f].Contains(v.Label));
                Assert.Equal(expected, (passed & (1u << f)) != 0);
                if (expected)
                {
                    passing++;
                }
                else
                {
                    failing++;
                }
            }
        });

        Assert.True(passing > 0 && failing > 0, $"{passing} passing and {failing} failing facets");
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(0)]
    public void With_one_selected_facet_a_record_counts_there_always_and_elsewhere_only_when_it_passes(int narrowValues)
    {
        var outcomes = new HashSet<(int Facet, bool Passes)>();
        ForEachRecord(narrowValues, (reader, table, record, doc) =>
        {
            var holds = DocValues(reader, doc);
            for (var f = 0; f < FacetFields.Count; f++)
            {
                // The first value in label order of this facet only, and a value no record holds.
                var selected = FacetFields.Select((_, g) => (IReadOnlyList<string>)(g == f ? [.. table.Labels[f].Take(1), "bestaat-niet"] : [])).ToList();
                var counts = new int[table.ValueCount];
                var passes = table.CountSelectedFacet(record, f, table.SelectionBits(selected), counts);

                var expected = holds.Any(v => v.Facet == f && selected[f].Contains(v.Label));
                Assert.Equal(expected, passes);
                Assert.Equal(expected ? holds : [.. holds.Where(v => v.Facet == f)], Counted(table, counts));
                outcomes.Add((f, passes));
            }
        });

        // Every facet was seen both passing and failing, or the check above proved little.
        Assert.Equal(FacetFields.Count * 2, outcomes.Count);
    }

    private void ForEachRecord(int narrowValues, Action<AtomicReader, FacetTable, int, int> check)
    {
        var searcher = corpus.Index.Searchers.Acquire();
        try
        {
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var reader = leaf.AtomicReader;
                var table = FacetTable.Build(reader, FacetFields, narrowValues);
                var parents = ParentBits.For(reader);
                var record = 0;
                for (var doc = parents.NextSetBit(0); doc >= 0; doc = doc + 1 < parents.Length ? parents.NextSetBit(doc + 1) : -1)
                {
                    check(reader, table, record++, doc);
                }
            }
        }
        finally
        {
            corpus.Index.Searchers.Release(searcher);
        }
    }

    /// <summary>The record's values per facet, read from its doc values (the oracle), in facet and label order.</summary>
    private static List<(int Facet, string Label)> DocValues(AtomicReader reader, int doc)
    {
        var values = new List<(int Facet, string Label)>();
        var label = new BytesRef();
        for (var f = 0; f < FacetFields.Count; f++)
        {
            if (reader.GetSortedSetDocValues(FacetFields[f]) is not { } field)
            {
                continue;
            }

            field.SetDocument(doc);
            for (var ord = field.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = field.NextOrd())
            {
                field.LookupOrd(ord, label);
                values.Add((f, label.Utf8ToString()));
            }
        }

        return [.. values.OrderBy(v => v.Facet).ThenBy(v => v.Label, StringComparer.Ordinal)];
    }

    private static List<(int Facet, string Label)> Counted(FacetTable table, int[] counts)
    {
        var values = new List<(int Facet, string Label)>();
        for (var index = 0; index < counts.Length; index++)
        {
            Assert.InRange(counts[index], 0, 1);
            if (counts[index] == 1)
            {
                var facet = table.FacetOf[index];
                values.Add((facet, table.Labels[facet][index - table.Offsets[facet]]));
            }
        }

        return [.. values.OrderBy(v => v.Facet).ThenBy(v => v.Label, StringComparer.Ordinal)];
    }
}
