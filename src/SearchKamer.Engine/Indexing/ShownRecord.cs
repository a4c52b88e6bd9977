using System.Buffers;
using System.Text.Json;
using SearchKamer.Domain;

namespace SearchKamer.Indexing;

/// <summary>
/// A document record as a results page shows it: the metadata, and the texts of the pairs the page shows only.
/// A record holds the question and answer of every pair (6–10 KB), and a page shows one or two of them per
/// document: turning every text of ten records into strings was most of the page's allocations and a tenth of a
/// rare word's search. The record's JSON is read once to find each pair's bytes; the metadata and the shown pairs
/// are deserialised, the other pairs only passed over.
/// </summary>
/// <param name="Header">The document without pairs, footnotes and warnings (a page shows none of them).</param>
/// <param name="Pairs">Per pair of the record, in order (the pairs' doc ids follow it): its question and answer when asked for, else null.</param>
/// <param name="QuestionCount">The document's numbered questions (none for a notice, which is still indexed as one pair).</param>
public sealed record ShownRecord(string Key, KamervraagDocument Header, IReadOnlyList<QuestionAnswer?> Pairs, int QuestionCount)
{
    // The record's property names as StoredJson writes them.
    private static readonly byte[] QuestionsName = Name(nameof(KamervraagDocument.Questions));
    private static readonly byte[] FootnotesName = Name(nameof(KamervraagDocument.Footnotes));
    private static readonly byte[] WarningsName = Name(nameof(KamervraagDocument.Warnings));

    /// <summary>A shown pair, by how far its doc id lies before the record's (the last pair is 1; see <see cref="Of(string, byte[], IReadOnlyCollection{int})"/>).</summary>
    public QuestionAnswer Shown(int back) =>
        back >= 1 && back <= Pairs.Count && Pairs[Pairs.Count - back] is { } pair
            ? pair
            : throw new InvalidOperationException($"pair {back} before record {Key} was not read");

    /// <param name="shownBack">The pairs whose texts are wanted, by how far their doc id lies before the record's: a block
    /// is the pairs in order, then the record (<see cref="DocumentMapper.ToBlock"/>), so the last pair is 1.</param>
    public static ShownRecord Of(string key, byte[] json, IReadOnlyCollection<int> shownBack)
    {
        var header = ArrayPool<byte>.Shared.Rent(json.Length);
        KamervraagDocument document;
        List<Range> ranges;
        try
        {
            (var length, ranges) = Split(json, header);
            document = JsonSerializer.Deserialize<KamervraagDocument>(header.AsSpan(0, length), StoredJson.Options)
                ?? throw new InvalidDataException($"record {key} holds no document");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(header);
        }

        if (ranges.Count == 0)
        {
            // Indexed as one pair made of the notice or subject, which the header keeps.
            var notice = DocumentMapper.Pairs(document);
            return new ShownRecord(key, document, [.. notice.Select((p, i) => shownBack.Contains(notice.Count - i) ? p : null)], document.Questions.Count);
        }

        var pairs = new QuestionAnswer?[ranges.Count];
        foreach (var back in shownBack.Where(b => b >= 1 && b <= ranges.Count))
        {
            var range = ranges[ranges.Count - back];
            pairs[ranges.Count - back] = JsonSerializer.Deserialize<QuestionAnswer>(json.AsSpan(range.Start, range.Length), StoredJson.Options);
        }

        return new ShownRecord(key, document, pairs, ranges.Count);
    }

    /// <summary>A whole document, every pair shown (records stored before the JSON was kept as bytes).</summary>
    public static ShownRecord Of(string key, KamervraagDocument document) =>
        new(key, document with { Questions = [], Footnotes = [], Warnings = [] }, [.. DocumentMapper.Pairs(document)], document.Questions.Count);

    /// <summary>Writes the record's JSON with empty questions, footnotes and warnings into <paramref name="header"/> (at least as
    /// long as the record), and finds where each question element lies.</summary>
    private static (int HeaderLength, List<Range> Pairs) Split(byte[] json, byte[] header)
    {
        var pairs = new List<Range>();
        var reader = new Utf8JsonReader(json);
        var copiedTo = 0;
        var written = 0;
        void Copy(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(header.AsSpan(written));
            written += bytes.Length;
        }

        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new InvalidDataException("a document record is not a JSON object");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var questions = reader.ValueTextEquals(QuestionsName);
            var dropped = questions || reader.ValueTextEquals(FootnotesName) || reader.ValueTextEquals(WarningsName);
            reader.Read();
            if (!dropped || reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            var arrayStart = (int)reader.TokenStartIndex;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                if (questions)
                {
                    pairs.Add(new Range(start, (int)reader.BytesConsumed - start));
                }
            }

            Copy(json.AsSpan(copiedTo, arrayStart - copiedTo));
            Copy("[]"u8);
            copiedTo = (int)reader.BytesConsumed;
        }

        Copy(json.AsSpan(copiedTo));
        return (written, pairs);
    }

    private static byte[] Name(string property) =>
        System.Text.Encoding.UTF8.GetBytes(StoredJson.Options.PropertyNamingPolicy?.ConvertName(property) ?? property);

    private readonly record struct Range(int Start, int Length);
}
