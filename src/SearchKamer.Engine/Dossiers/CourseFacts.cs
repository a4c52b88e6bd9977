using System.Text.Json;
using SearchKamer.Domain;
using SearchKamer.Indexing;

namespace SearchKamer.Dossiers;

/// <summary>
/// The part of a record's dossier facts that its course needs (kind, notice, dates, and the ids and source its key is
/// made of), deserialised alone: the askers, answerers and titles of the whole facts are skipped, not built.
/// The property names are those of <see cref="KamervraagDocument"/> in <see cref="StoredJson"/>.
/// </summary>
internal sealed class CourseFacts
{
    public DocumentKind Kind { get; init; }

    public NoticeKind? NoticeKind { get; init; }

    public string? OfficialId { get; init; }

    public string? DocumentNumber { get; init; }

    public DateOnly? DateSubmitted { get; init; }

    public DateOnly? DateReceived { get; init; }

    public SourcePath? Source { get; init; }

    public static CourseMember Read(ReadOnlySpan<byte> facts)
    {
        var f = JsonSerializer.Deserialize<CourseFacts>(facts, StoredJson.Options) ?? throw new InvalidDataException("no document in them");
        var path = f.Source?.Path ?? throw new InvalidDataException("no source path in them");
        return new CourseMember(DocumentMapper.KeyOf(f.OfficialId, f.DocumentNumber, path), f.Kind, f.NoticeKind, f.DateSubmitted, f.DateReceived);
    }

    internal sealed class SourcePath
    {
        public string? Path { get; init; }
    }
}
