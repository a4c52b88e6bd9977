using System.Text.RegularExpressions;
using SearchKamer.Domain;
using SearchKamer.Ingestion.Extraction;

namespace SearchKamer.Ingestion.Parsing;

/// <summary>A file whose text is not a Kamervragen document; the message says why.</summary>
public sealed class NotKamervragenException(string reason) : Exception(reason);

/// <summary>Turns extracted text of any format into one <see cref="KamervraagDocument"/>.</summary>
public static partial class DocumentParser
{
    [GeneratedRegex(@"\(\s*ingezonden\s[^)]*\)", RegexOptions.IgnoreCase)]
    private static partial Regex SubmittedAnywhere();

    public static KamervraagDocument Parse(ExtractedText text, SourceInfo source)
    {
        var warnings = new List<string>(text.Warnings);
        var lines = text.Lines.Select(l => l.Length == 0 ? "" : TextCleanup.Collapse(l)).ToList();
        var zone = HeaderLocator.Locate(lines);
        if (zone.QuestionHeader is null && zone.AnswerHeader is null)
        {
            throw new NotKamervragenException("geen Kamervragen-document: geen kopregel \"Vragen van …\", \"Antwoord van …\" of \"Mededeling van …\" gevonden");
        }

        var answer = zone.AnswerHeader is null ? null : Letter(AnswerHeaderParser.Parse(zone.AnswerHeader, warnings), zone.Preface, warnings);
        var question = zone.QuestionHeader is null ? answer?.Questions : QuestionHeaderParser.Parse(zone.QuestionHeader, warnings);
        var body = lines.Skip(zone.BodyStart).ToList();
        var assembled = QuestionAssembler.Assemble(BodyBlocks.Split(body), warnings);

        var kind = Kind(text, answer, warnings);
        var questions = assembled.Questions;
        var notice = assembled.Notice;
        if (questions.Count == 0 && assembled.Unlabelled is not null)
        {
            if (kind == DocumentKind.Mededeling)
            {
                notice ??= assembled.Unlabelled;
            }
            else if (kind == DocumentKind.Vragen)
            {
                questions = QuestionAssembler.FromParagraphs(body);
            }
        }
        else if (assembled.Unlabelled is not null && kind != DocumentKind.Mededeling)
        {
            warnings.Add($"tekst vóór de eerste vraag niet toegewezen: \"{Shorten(assembled.Unlabelled)}\"");
        }

        // Oral questions are asked in the plenary: their document is the header alone.
        if (questions.Count == 0 && kind != DocumentKind.Mededeling && question is not { Oral: true })
        {
            throw new NotKamervragenException("geen vragen gevonden na de kopregels");
        }

        if (kind is DocumentKind.Antwoord or DocumentKind.NaderAntwoord && questions.Any(q => q.Answer is null))
        {
            warnings.Add("geen antwoord op vraag " + string.Join(", ", questions.Where(q => q.Answer is null).Select(q => q.Number)));
        }

        // A mededeling letter without a question header names its questions in its one sentence.
        question ??= kind == DocumentKind.Mededeling ? NoticeSentence.Read(notice, warnings) : null;
        var ids = Identifiers.Resolve(text, source.Path, zone.Preface.Append(notice ?? ""), warnings);
        var dateReceived = Dates.Received(text, answer?.Received, kind, warnings);
        var dateSubmitted = Dates.Submitted(text, question?.Submitted ?? PrefaceDate(zone.Preface), kind, warnings);
        ids = LetterIds.Complete(ids, kind, zone.Preface, dateReceived ?? dateSubmitted, warnings);
        return new KamervraagDocument
        {
            Kind = kind,
            NoticeKind = kind == DocumentKind.Mededeling ? Notices.Classify(notice) : null,
            OfficialId = ids.OfficialId,
            DocumentNumber = ids.DocumentNumber,
            ZaakNumbers = ids.ZaakNumbers,
            Vergaderjaar = ids.Vergaderjaar,
            Aanhangselnummer = ids.Aanhangselnummer,
            Subject = question?.Subject ?? SubjectFromMetadata(text),
            Askers = ApiActors.Askers(text.Metadata, question?.Askers ?? [], warnings),
            Addressees = ApiActors.Addressees(text.Metadata, question?.Addressees ?? [], warnings),
            Answerers = answer?.Answerers ?? [],
            OnBehalfOf = answer?.OnBehalfOf ?? [],
            DateSubmitted = dateSubmitted,
            DateReceived = dateReceived,
            SeeAlso = answer?.SeeAlso,
            Notice = notice,
            Questions = questions,
            Footnotes = text.Footnotes,
            Warnings = warnings,
            Source = source,
        };
    }

    private static DocumentKind Kind(ExtractedText text, AnswerHeader? answer, ICollection<string> warnings)
    {
        var soort = Identifiers.First(text.Metadata, "opentk.soort") ?? "";
        var types = text.Metadata.TryGetValue("DC.type", out var t) ? string.Join(" ", t) : "";
        DocumentKind kind = answer switch
        {
            null => DocumentKind.Vragen,
            { IsNotice: true } => DocumentKind.Mededeling,
            { IsFollowUp: true } => DocumentKind.NaderAntwoord,
            _ => soort.Contains("nader", StringComparison.OrdinalIgnoreCase) ? DocumentKind.NaderAntwoord : DocumentKind.Antwoord,
        };

        if (kind == DocumentKind.Vragen && (soort.StartsWith("Antwoord", StringComparison.OrdinalIgnoreCase) || types.Contains("Antwoord", StringComparison.OrdinalIgnoreCase)))
        {
            warnings.Add($"metadata noemt dit een antwoord (\"{soort}{types}\") maar de tekst heeft geen antwoordkop");
        }

        var api = Identifiers.First(text.Metadata, ApiMetadata.Soort);
        if (KindOfSoort(api) is { } apiKind && apiKind != kind)
        {
            warnings.Add($"soort: API zegt \"{api}\", de tekst leest als {kind.ToString().ToLowerInvariant()}; API gebruikt");
            return apiKind;
        }

        return kind;
    }

    private static DocumentKind? KindOfSoort(string? soort) => soort?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "schriftelijke vragen" => DocumentKind.Vragen,
        var s when s.StartsWith("antwoord", StringComparison.Ordinal) && s.Contains("nader", StringComparison.Ordinal) => DocumentKind.NaderAntwoord,
        var s when s.StartsWith("antwoord", StringComparison.Ordinal) => DocumentKind.Antwoord,
        var s when s.StartsWith("mededeling", StringComparison.Ordinal) => DocumentKind.Mededeling,
        _ => null,
    };

    /// <summary>A ministry letter's heading names offices and no date: the signature and the "Datum" line of its head fill them.</summary>
    private static AnswerHeader Letter(AnswerHeader answer, IReadOnlyList<string> preface, ICollection<string> warnings)
    {
        if (answer.Questions is null)
        {
            return answer;
        }

        var date = answer.Received ?? MinistryLetter.Date(preface);
        if (answer.Received is null && date is not null)
        {
            warnings.Add($"datum ontvangen: niet gedrukt; de datum van de brief ({date:yyyy-MM-dd}) gebruikt");
        }

        return answer with { Answerers = MinistryLetter.Signed(answer.Answerers, preface, warnings), Received = date };
    }

    private static DateOnly? PrefaceDate(IReadOnlyList<string> preface) =>
        preface.Select(l => SubmittedAnywhere().Match(l)).FirstOrDefault(m => m.Success) is { } m ? DutchDates.Find(m.Value) : null;

    private static string? SubjectFromMetadata(ExtractedText text)
    {
        // Only a fallback: the TK Onderwerp is a clerk's summary, cut at 255 characters, not the printed title.
        var title = Identifiers.First(text.Metadata, ApiMetadata.Onderwerp) ?? Identifiers.First(text.Metadata, "opentk.onderwerp") ?? Identifiers.First(text.Metadata, "pdf.subject");
        var over = title?.IndexOf(" over ", StringComparison.OrdinalIgnoreCase) ?? -1;
        return over >= 0 ? title![(over + 6)..].Trim() : null;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
