using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchKamer.Domain;

namespace SearchKamer.Indexing;

/// <summary>
/// Inheritance at index time: an answer letter that prints no subject or askers is indexed with those of its
/// question set (<see cref="Inheritance"/>), so the party and asker facets and filters find its pairs. Either
/// may arrive first: an answer looks for its question set when it is written, and a question set writes the
/// answers of its zaak again with what it gives them. The versions written since the last commit are kept
/// here, so two documents of one batch see each other before a searcher does.
/// </summary>
public sealed partial class SearchIndex
{
    private readonly Dictionary<string, Version> _pending = [];
    private readonly Dictionary<string, HashSet<string>> _pendingByZaak = new(StringComparer.OrdinalIgnoreCase);

    // Two writes of one key must reach Lucene in the order their versions were made; keys hashed over a few locks.
    private readonly object[] _writeLocks = [.. Enumerable.Range(0, 64).Select(_ => new object())];

    /// <summary>A document as it is (to be) indexed, with its files, its ingest time and what changed.</summary>
    private sealed record Version(KamervraagDocument? Document, List<Rendition> Renditions, DateTimeOffset? IngestedAt, string? Change);

    private void Register(string key, Version version)
    {
        _pending[key] = version;
        foreach (var zaak in version.Document?.ZaakNumbers ?? [])
        {
            if (!_pendingByZaak.TryGetValue(zaak, out var keys))
            {
                _pendingByZaak[zaak] = keys = [];
            }

            keys.Add(key);
        }
    }

    /// <summary>The document with what its question set gives it, when it lacks that and the set is indexed or pending.</summary>
    private KamervraagDocument WithQuestionSet(KamervraagDocument doc)
    {
        if (!Inheritance.Lacks(doc))
        {
            return doc;
        }

        var questionSet = doc.ZaakNumbers.Select(QuestionSetOf).FirstOrDefault(q => q is not null);
        return Inheritance.Apply(doc, questionSet);
    }

    private KamervraagDocument? QuestionSetOf(string zaak)
    {
        var pending = _pendingByZaak.TryGetValue(zaak, out var keys)
            ? keys.Select(k => _pending[k].Document).FirstOrDefault(d => d?.Kind == DocumentKind.Vragen)
            : null;
        return pending ?? StoredOfZaak(zaak, vragen: true).Select(k => Latest(k).Document).FirstOrDefault(d => d?.Kind == DocumentKind.Vragen);
    }

    /// <summary>The other documents of a question set's zaak, indexed again where what they inherit changes; their keys.</summary>
    private List<(string Key, Version Version)> RefreshAnswers(KamervraagDocument questionSet)
    {
        var refreshed = new List<(string, Version)>();
        foreach (var zaak in questionSet.ZaakNumbers)
        {
            var keys = StoredOfZaak(zaak, vragen: false).Concat(_pendingByZaak.TryGetValue(zaak, out var p) ? p : []).Distinct().ToList();
            foreach (var key in keys)
            {
                var version = Latest(key);
                if (version.Document is not { Kind: not DocumentKind.Vragen } current)
                {
                    continue;
                }

                var updated = WithQuestionSet(Inheritance.Strip(current));
                if (!SameInheritance(current, updated))
                {
                    // Not news: the answer keeps its ingest time and change, so no alert fires for it again.
                    var answer = version with { Document = updated };
                    Register(key, answer);
                    refreshed.Add((key, answer));
                }
            }
        }

        return refreshed;
    }

    private Version Latest(string key) => _pending.TryGetValue(key, out var pending) ? pending : Stored(key);

    /// <summary>Keys of the indexed documents of a zaak: its question sets, or every other kind.</summary>
    private List<string> StoredOfZaak(string zaak, bool vragen)
    {
        var searcher = Searchers.Acquire();
        try
        {
            var query = new BooleanQuery
            {
                { new TermQuery(new Term(Fields.Zaak, zaak.ToLowerInvariant())), Occur.MUST },
                { new TermQuery(new Term(Fields.Level, Fields.LevelDoc)), Occur.MUST },
                { new TermQuery(new Term(Fields.Kind, Kinds.Name(DocumentKind.Vragen))), vragen ? Occur.MUST : Occur.MUST_NOT },
            };
            return [.. searcher.Search(query, 100).ScoreDocs.Select(h => StoredRecord.Load(searcher, h.Doc).Key)];
        }
        finally
        {
            Searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Writes the newest version of a key, so a later version is never overwritten by an earlier one; the
    /// version made by the caller when a commit has emptied the pending ones since.
    /// </summary>
    private void Write(string key, Version made)
    {
        lock (_writeLocks[(key.GetHashCode() & int.MaxValue) % _writeLocks.Length])
        {
            Version version;
            lock (_pending)
            {
                version = _pending.GetValueOrDefault(key) ?? made;
            }

            if (version is { Document: { } doc })
            {
                // Analysis is the expensive part and runs outside the pending lock, so parallel indexing stays parallel.
                Writer.UpdateDocuments(new Term(Fields.DocId, key), DocumentMapper.ToBlock(doc, version.IngestedAt ?? DateTimeOffset.UtcNow, version.Renditions, version.Change));
            }
        }
    }

    private static bool SameInheritance(KamervraagDocument a, KamervraagDocument b) =>
        a.Subject == b.Subject && a.Askers.SequenceEqual(b.Askers) && a.Addressees.SequenceEqual(b.Addressees)
        && a.Inherited.SequenceEqual(b.Inherited) && a.Warnings.SequenceEqual(b.Warnings);
}
