using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using SearchKamer.Domain;
using Directory = Lucene.Net.Store.Directory;

namespace SearchKamer.Indexing;

/// <summary>One file that holds a document.</summary>
public sealed record Rendition(string Path, string Sha256);

/// <summary>Another process holds the index for writing.</summary>
public sealed class IndexLockedException(string message) : Exception(message);

/// <summary>
/// The index on disk: a <see cref="MappedDirectory"/> (see there why not NIOFS, pread or Lucene.Net's MMap),
/// one writer per index guarded by an exclusive lock file (Lucene's write.lock does not keep a
/// second process out on Linux), and a SearcherManager for readers.
/// </summary>
public sealed partial class SearchIndex : IDisposable
{
    /// <summary>
    /// The analysis and field layout the index was written with, in every commit's data. 3: apostrophe plurals,
    /// dotted tokens and compound parts as marked terms (issue 20); 4: answers indexed with the askers and subject
    /// they inherit from their question set (issue 17); 5: dossier facts as doc values on the doc record (issue 21); 6: a person's facet value in one spelling
    /// (<see cref="Reference.PersonNames"/>); 7: a stem ending in z or v takes the singular's s or f (ziekenhuizen with
    /// ziekenhuis, <see cref="Analysis.SingularConsonantFilter"/>); 8: plurals in -s or -en after a vowel
    /// (organisaties, categorieën) and in -eren (kinderen) meet their singular. An index of another version is rebuilt on start.
    /// </summary>
    public const string SchemaVersion = "8";
    private const string GuardFile = "searchkamer.lock";
    private const string FirstCommit = "segments_1";

    // A file's path and hash only: the record's other stored fields hold the whole document, and this is asked per ingested file.
    private static readonly HashSet<string> RenditionFields = [Fields.SourcePath, Fields.Sha256];

    private readonly Directory _directory;
    private readonly FileStream? _guard;
    private readonly IndexWriter? _writer;
    private static readonly HashSet<string> IngestedAtAndChange = [Fields.IngestedAt, Fields.Change];

    private SearchIndex(string path, bool writable)
    {
        Path = path;
        System.IO.Directory.CreateDirectory(path);
        if (writable)
        {
            _guard = TakeGuard(path);
        }

        IndexCodec.Register();
        _directory = new MappedDirectory(new DirectoryInfo(path));
        if (writable && FirstCommitTorn(_directory))
        {
            // Nothing was ever durable, and this process holds the guard: drop the stub and start empty.
            _directory.DeleteFile(FirstCommit);
            if (_directory.ListAll().Contains(IndexFileNames.SEGMENTS_GEN))
            {
                _directory.DeleteFile(IndexFileNames.SEGMENTS_GEN);
            }
        }

        if (writable)
        {
            var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, FieldAnalyzers.Index)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                // A larger buffer writes fewer, larger segments, so a bulk load merges less (issue 21, docs/benchmarks.md);
                // it only fills while a batch waits for its commit, so the host's small commits do not use it.
                RAMBufferSizeMB = 256,
                MergeScheduler = new GentleMergeScheduler(),
                // A flushed segment is written once, not once and again into a compound file: the bulk load's
                // merges read plain files, and the index of a finished bulk load is one plain segment anyway.
                UseCompoundFile = false,
                Codec = new IndexCodec(),
            };
            _writer = new IndexWriter(_directory, config);
            Searchers = new SearcherManager(_writer, true, null);
        }
        else
        {
            if (!HasCommit(_directory))
            {
                _directory.Dispose();
                throw new DirectoryNotFoundException($"geen index in {path}: voer eerst 'searchkamer ingest' uit");
            }

            Searchers = new SearcherManager(_directory, null);
        }
    }

    public string Path { get; }

    public SearcherManager Searchers { get; }

    /// <summary>
    /// Runs <paramref name="read"/> on the current searcher and releases it whatever happens: the one place that
    /// pairs Acquire with Release (a searcher not released keeps its index files open).
    /// </summary>
    public T Read<T>(Func<IndexSearcher, T> read)
    {
        var searcher = Searchers.Acquire();
        try
        {
            return read(searcher);
        }
        finally
        {
            Searchers.Release(searcher);
        }
    }

    public static SearchIndex OpenForWriting(string path) => new(path, writable: true);

    public static SearchIndex OpenReadOnly(string path) => new(path, writable: false);

    public static bool Exists(string path)
    {
        if (!System.IO.Directory.Exists(path))
        {
            return false;
        }

        using var directory = new MappedDirectory(new DirectoryInfo(path));
        return HasCommit(directory);
    }

    /// <summary>Whether anything was ever committed durably (a torn first commit counts as nothing).</summary>
    public bool HasCommitted => HasCommit(_directory);

    private static bool HasCommit(Directory directory) => DirectoryReader.IndexExists(directory) && !FirstCommitTorn(directory);

    /// <summary>
    /// Writes or replaces a document and all its pairs as one block: readers see either the old or the new.
    /// One document can come in several renditions (PDF, HTML, XML, text): all are remembered, so none is
    /// re-read as new, and the most structured one supplies the content.
    /// A document already indexed keeps its ingest time unless its substance changed (see
    /// <see cref="DocumentChange"/>): another rendition, the same file again or a sync update without
    /// news is not "new" to alerts or to "nieuw sinds uw laatste bezoek".
    /// An answer is indexed with what it inherits from its question set, and a question set indexes the
    /// answers of its zaak again (see SearchIndex.Inheritance.cs).
    /// </summary>
    public void Upsert(KamervraagDocument doc, DateTimeOffset ingestedAt)
    {
        var key = DocumentMapper.KeyOf(doc);
        List<(string Key, Version Version)> written = [];
        lock (_pending)
        {
            var (stored, renditions, previousAt, _) = Latest(key);
            var previous = stored is null ? null : Inheritance.Strip(stored);
            var merged = renditions.Where(r => r.Path != doc.Source.Path).Append(new Rendition(doc.Source.Path, doc.Source.Sha256)).ToList();
            var content = previous is not null && previous.Source.Path != doc.Source.Path && Rank(previous.Source.Format) > Rank(doc.Source.Format)
                ? previous
                : doc;
            var other = ReferenceEquals(content, doc) ? previous : doc;
            if (other is not null)
            {
                // Renditions differ in what they carry (OpenTK text has the TK document number, XML does not).
                content = content with
                {
                    DocumentNumber = content.DocumentNumber ?? other.DocumentNumber,
                    ZaakNumbers = content.ZaakNumbers.Union(other.ZaakNumbers).ToList(),
                };
            }

            content = WithQuestionSet(content);
            var change = previous is null ? null : DocumentChange.Between(previous, content);
            var at = previous is not null && change is null && previousAt is { } kept ? kept : ingestedAt;
            var version = new Version(content, merged, at, change);
            Register(key, version);
            written.Add((key, version));
            if (content.Kind == DocumentKind.Vragen)
            {
                written.AddRange(RefreshAnswers(content));
            }
        }

        foreach (var (k, v) in written)
        {
            Write(k, v);
        }
    }

    public void Delete(string docKey) => Writer.DeleteDocuments(new Term(Fields.DocId, docKey.ToLowerInvariant()));

    /// <summary>Empties the index (durable at the next commit), before it is built again from its files.</summary>
    public void DeleteAll() => Writer.DeleteAll();

    /// <summary>The schema version the last commit was written with; null for an index without commits or from before versions.</summary>
    public string? CommittedSchema() => LastCommitData().TryGetValue("schema", out var schema) ? schema : null;

    /// <summary>Makes everything written so far durable, with the watermark in the commit data.</summary>
    public void Commit(IDictionary<string, string>? watermark = null)
    {
        var data = new Dictionary<string, string>(watermark ?? new Dictionary<string, string>())
        {
            ["schema"] = SchemaVersion,
            ["committed"] = DateTimeOffset.UtcNow.ToString("O"),
        };
        Writer.SetCommitData(data);
        Writer.Commit();
        Searchers.MaybeRefreshBlocking();
        lock (_pending)
        {
            _pending.Clear();
            _pendingByZaak.Clear();
        }
    }

    /// <summary>
    /// After a bulk load (this run indexed at least a tenth of the documents), merges the index into one
    /// segment and commits. Every search pays per segment (term lookups, scorer set-up, cached tables):
    /// at a million pairs the 23 segments of a load cost a quarter of the host's throughput, and the
    /// merge took about 20 s. Searches still use every core (see Search/DocumentStretches). A trickle of
    /// new files (the inbox, sync) is left to Lucene's own merging.
    /// </summary>
    /// <returns>Whether it merged.</returns>
    public bool MergeAfterBulkLoad(int documentsThisRun)
    {
        if (SegmentCount() <= 1 || documentsThisRun == 0 || (long)documentsThisRun * 10 < DocumentCount())
        {
            return false;
        }

        Writer.ForceMerge(1);
        Commit(LastCommitData());
        return true;
    }

    /// <summary>Segments visible to searchers now.</summary>
    public int SegmentCount()
    {
        return Read(searcher => searcher.IndexReader.Leaves.Count);
    }

    public IDictionary<string, string> LastCommitData()
    {
        return Read(searcher => searcher.IndexReader is DirectoryReader r ? r.IndexCommit.UserData : new Dictionary<string, string>());
    }

    /// <summary>Number of documents (not pairs) visible to searchers now.</summary>
    public int DocumentCount()
    {
        return Read(searcher => LiveRecords(searcher.IndexReader));
    }

    /// <summary>Question–answer pairs (every live record that is not a document record) visible to searchers now.</summary>
    public int PairCount()
    {
        return Read(searcher => searcher.IndexReader.NumDocs - LiveRecords(searcher.IndexReader));
    }

    /// <summary>
    /// Live document records, counted per segment from its cached record bits. Searching for them scored every record:
    /// 1 ms a count at a million pairs, and /health asks two.
    /// </summary>
    private static int LiveRecords(IndexReader index) => index.Leaves.Sum(leaf => LiveRecords(leaf.AtomicReader));

    private static int LiveRecords(AtomicReader segment)
    {
        var records = ParentBits.For(segment);
        if (segment.LiveDocs is not { } live)
        {
            return records.Cardinality;
        }

        var count = 0;
        for (var doc = records.Length == 0 ? -1 : records.NextSetBit(0); doc >= 0; doc = doc + 1 < records.Length ? records.NextSetBit(doc + 1) : -1)
        {
            count += live.Get(doc) ? 1 : 0;
        }

        return count;
    }

    /// <summary>The sha256 stored for the document that came from <paramref name="sourcePath"/>, if any.</summary>
    public string? StoredSha(string sourcePath)
    {
        return Read(searcher =>
        {
            var hits = searcher.Search(new TermQuery(new Term(Fields.SourcePath, sourcePath)), 1);
            if (hits.TotalHits == 0)
            {
                return null;
            }

            var stored = searcher.Doc(hits.ScoreDocs[0].Doc, RenditionFields);
            return stored.GetValues(Fields.SourcePath).Zip(stored.GetValues(Fields.Sha256)).FirstOrDefault(r => r.First == sourcePath).Second;
        });
    }

    public void Dispose()
    {
        Searchers.Dispose();
        _writer?.Dispose();
        _directory.Dispose();
        _guard?.Dispose();
    }

    private static int Rank(string format) => DocumentFormats.Named(format)?.RenditionRank ?? 1;

    private Version Stored(string key)
    {
        return Read(searcher =>
        {
            var query = new BooleanQuery
            {
                { new TermQuery(new Term(Fields.DocId, key)), Occur.MUST },
                { new TermQuery(new Term(Fields.Level, Fields.LevelDoc)), Occur.MUST },
            };
            var hits = searcher.Search(query, 1);
            if (hits.TotalHits == 0)
            {
                return new Version(null, [], null, null);
            }

            var read = StoredRecord.Load(searcher, hits.ScoreDocs[0].Doc, renditions: true);
            var header = searcher.Doc(hits.ScoreDocs[0].Doc, IngestedAtAndChange);
            var ticks = header.GetField(Fields.IngestedAt)?.GetInt64Value();
            return new Version(read.Document, [.. read.Renditions], ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null, header.Get(Fields.Change));
        });
    }

    /// <summary>
    /// A process killed inside the index's very first commit leaves segments_1 cut short. Lucene falls back to
    /// the previous commit when a later one is torn, but before the first there is none, so every writer and
    /// reader would fail on the stub; it means "no index yet".
    /// </summary>
    private static bool FirstCommitTorn(Directory directory)
    {
        if (directory.ListAll().Where(f => f.StartsWith(IndexFileNames.SEGMENTS + "_", StringComparison.Ordinal)).ToList() is not [FirstCommit])
        {
            return false;
        }

        try
        {
            new SegmentInfos().Read(directory, FirstCommit);
            return false;
        }
        catch (Exception e) when (e is EndOfStreamException or CorruptIndexException)
        {
            return true;
        }
    }

    private IndexWriter Writer => _writer ?? throw new InvalidOperationException("index is read-only");

    private static FileStream TakeGuard(string path)
    {
        var file = System.IO.Path.Combine(path, GuardFile);
        try
        {
            return new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new IndexLockedException($"index in gebruik: {path} wordt al bijgewerkt door een ander proces (slot {file}); probeer het opnieuw als dat klaar is");
        }
    }
}
