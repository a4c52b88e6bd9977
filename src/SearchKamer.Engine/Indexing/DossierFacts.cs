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
    /// The key and facts of every doc record that holds <paramref name="term"/>, in index order. Read from the
    /// term's postings directly: one search per hit through the query machinery (a weight, a scorer and a
    /// conjunction with the records' long posting list) was most of a dossier state's cost, and so was advancing
    /// through that posting list here (its skip data read anew per segment and zaak); the records' bits are cached.
    /// </summary>
    public static List<(string Key, KamervraagDocument Doc)> RecordsWith(IndexSearcher searcher, Term term)
    {
        var collector = new Collector(searcher);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            if (leaf.AtomicReader.GetTermDocsEnum(term) is not { } docs)
            {
                continue;
            }

            // The term sits on a document's pairs and on its record; only the record is a member.
            var records = ParentBits.For(leaf.AtomicReader);
            collector.SetNextReader(leaf);
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                if (records.Get(doc))
                {
                    collector.Collect(doc);
                }
            }
        }

        return collector.Read;
    }

    private sealed class Collector(IndexSearcher searcher) : ICollector
    {
        private readonly BytesRef _bytes = new();
        private BinaryDocValues? _facts;
        private IBits? _hasFacts;
        private SortedDocValues? _keys;
        private int _base;

        public List<(string Key, KamervraagDocument Doc)> Read { get; } = [];

        public bool AcceptsDocsOutOfOrder => false;

        public void SetNextReader(AtomicReaderContext context)
        {
            _base = context.DocBase;
            _facts = context.AtomicReader.GetBinaryDocValues(Fields.DossierFacts);
            _hasFacts = context.AtomicReader.GetDocsWithField(Fields.DossierFacts);
            _keys = context.AtomicReader.GetSortedDocValues(Fields.DocId);
        }

        public void SetScorer(Scorer scorer)
        {
        }

        public void Collect(int doc)
        {
            if (_facts is null || _hasFacts?.Get(doc) != true || _keys is null)
            {
                // An over-long record: the whole stored record, stripped the same way.
                var stored = StoredRecord.Load(searcher, _base + doc);
                Read.Add((stored.Key, Of(stored.Document)));
                return;
            }

            _facts.Get(doc, _bytes);
            var document = JsonSerializer.Deserialize<KamervraagDocument>(_bytes.Bytes.AsSpan(_bytes.Offset, _bytes.Length), StoredJson.Options)
                ?? throw new InvalidDataException($"record {_base + doc} of the index holds no dossier facts");
            _keys.Get(doc, _bytes);
            Read.Add((_bytes.Utf8ToString(), document));
        }
    }
}
