using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchKamer.Domain;

namespace SearchKamer.Indexing;

/// <summary>
/// A document record without its texts, kept as binary doc values on the doc record. A search hit shows its
/// dossier's state, and reading the members' stored records for it (a compressed block of 16 KB or more each,
/// texts and all) was two fifths of a rare word's time through HTTP; these few hundred bytes are read directly.
/// </summary>
public static class DossierFacts
{
    /// <summary>Lucene 4.8 refuses binary doc values longer than this.</summary>
    private const int MaxBytes = 32766;

    /// <summary>What a dossier needs of a document: everything but questions, answers, footnotes and notice text.</summary>
    public static KamervraagDocument Of(KamervraagDocument doc) =>
        doc with { Questions = [], Footnotes = [], Notice = null, Warnings = [] };

    /// <summary>The field for a document's record; null when even the facts are too long (the reader then reads the stored record).</summary>
    public static BinaryDocValuesField? Field(KamervraagDocument doc)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(Of(doc), StoredJson.Options);
        return bytes.Length > MaxBytes ? null : new BinaryDocValuesField(Fields.DossierFacts, new BytesRef(bytes));
    }

    /// <summary>The key and facts of every doc record <paramref name="query"/> matches, in index order.</summary>
    public static List<(string Key, KamervraagDocument Doc)> Read(IndexSearcher searcher, Query query)
    {
        var collector = new Collector(searcher);
        searcher.Search(query, collector);
        return collector.Read;
    }

    /// <summary>
    /// Per term text of <paramref name="field"/>, the key and facts of every doc record that holds it, in index
    /// order. Read from the terms' postings directly, with one terms enumerator per segment for all of them: one
    /// search per hit through the query machinery (a weight, a scorer and a conjunction with the records' long
    /// posting list) was most of a dossier state's cost, and so was a fresh enumerator (its term block and
    /// postings buffer read anew) for each of a results page's ten dossiers. The records' bits are cached.
    /// </summary>
    public static Dictionary<string, List<(string Key, KamervraagDocument Doc)>> RecordsWith(IndexSearcher searcher, string field, IEnumerable<string> texts)
    {
        var found = texts.Distinct(StringComparer.Ordinal).ToDictionary(t => t, _ => new List<(string Key, KamervraagDocument Doc)>(), StringComparer.Ordinal);
        // In term order, so each seek moves forward through the term dictionary.
        var ordered = found.Keys.Select(t => new BytesRef(t)).Order().ToList();
        var collector = new Collector(searcher);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            if (leaf.AtomicReader.GetTerms(field)?.GetEnumerator() is not { } terms)
            {
                continue;
            }

            // A term sits on a document's pairs and on its record; only the record is a member.
            var records = ParentBits.For(leaf.AtomicReader);
            var live = leaf.AtomicReader.LiveDocs;
            collector.SetNextReader(leaf);
            DocsEnum? docs = null;
            foreach (var text in ordered)
            {
                if (!terms.SeekExact(text))
                {
                    continue;
                }

                collector.Into = found[text.Utf8ToString()];
                docs = terms.Docs(live, docs, DocsFlags.NONE);
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                {
                    if (records.Get(doc))
                    {
                        collector.Collect(doc);
                    }
                }
            }
        }

        return found;
    }

    private sealed class Collector(IndexSearcher searcher) : ICollector
    {
        private readonly BytesRef _bytes = new();
        private BinaryDocValues? _facts;
        private IBits? _hasFacts;
        private int _base;

        public List<(string Key, KamervraagDocument Doc)> Read { get; } = [];

        /// <summary>Where collected records go (<see cref="Read"/> unless set).</summary>
        public List<(string Key, KamervraagDocument Doc)>? Into { get; set; }

        public bool AcceptsDocsOutOfOrder => false;

        public void SetNextReader(AtomicReaderContext context)
        {
            _base = context.DocBase;
            _facts = context.AtomicReader.GetBinaryDocValues(Fields.DossierFacts);
            _hasFacts = context.AtomicReader.GetDocsWithField(Fields.DossierFacts);
        }

        public void SetScorer(Scorer scorer)
        {
        }

        public void Collect(int doc)
        {
            if (_facts is null || _hasFacts?.Get(doc) != true)
            {
                // An over-long record: the whole stored record, stripped the same way.
                var stored = StoredRecord.Load(searcher, _base + doc);
                (Into ?? Read).Add((stored.Key, Of(stored.Document)));
                return;
            }

            _facts.Get(doc, _bytes);
            var document = JsonSerializer.Deserialize<KamervraagDocument>(_bytes.Bytes.AsSpan(_bytes.Offset, _bytes.Length), StoredJson.Options)
                ?? throw new InvalidDataException($"record {_base + doc} of the index holds no dossier facts");
            // The key is made from what the facts keep (ids and source), as the record's was when it was written:
            // reading it from the key's sorted doc values cost two file reads per member.
            (Into ?? Read).Add((DocumentMapper.KeyOf(document), document));
        }
    }
}
