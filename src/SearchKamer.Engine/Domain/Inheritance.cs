using SearchKamer.Domain;

namespace SearchKamer.Domain;

/// <summary>
/// An answer letter ("AH 616 / 2024Z15900 / Antwoord van …") prints neither subject nor askers: they are
/// those of the question set with the same zaak. Taken over when the document is indexed (so facets and
/// filters see them), marked in <see cref="KamervraagDocument.Inherited"/>; where both have them and they
/// differ, a warning says so. <see cref="Strip"/> undoes it, so a question set that arrives or changes later
/// is applied to the document's own values, not to those of an earlier question set.
/// </summary>
public static class Inheritance
{
    public const string Subject = "onderwerp";
    public const string Askers = "vragenstellers";
    public const string Addressees = "geadresseerden";

    private const string SubjectDiffers = "onderwerp wijkt af van de vragen ";
    private const string AskersDiffer = "vragenstellers wijken af van de vragen: ";

    /// <summary>Whether reading this document should look for its question set at all.</summary>
    public static bool Wants(KamervraagDocument doc) =>
        doc.Kind != DocumentKind.Vragen && doc.ZaakNumbers.Count > 0;

    public static KamervraagDocument Apply(KamervraagDocument doc, KamervraagDocument? questionSet)
    {
        if (questionSet is null || !Wants(doc))
        {
            return doc;
        }

        var inherited = new List<string>();
        var warnings = new List<string>();
        var subject = doc.Subject;
        if (string.IsNullOrWhiteSpace(subject) && questionSet.Subject is { Length: > 0 })
        {
            subject = questionSet.Subject;
            inherited.Add(Subject);
        }
        else if (subject is not null && questionSet.Subject is { } asked && Normal(subject) != Normal(asked))
        {
            warnings.Add($"{SubjectDiffers}{questionSet.OfficialId ?? questionSet.ZaakNumbers.FirstOrDefault()}: \"{asked}\"");
        }

        var askers = doc.Askers;
        if (askers.Count == 0 && questionSet.Askers.Count > 0)
        {
            askers = questionSet.Askers;
            inherited.Add(Askers);
        }
        else if (askers.Count > 0 && questionSet.Askers.Count > 0 && !SameNames(askers, questionSet.Askers))
        {
            warnings.Add($"{AskersDiffer}{string.Join(", ", questionSet.Askers.Select(a => a.Name))}");
        }

        var addressees = doc.Addressees;
        if (addressees.Count == 0 && questionSet.Addressees.Count > 0)
        {
            addressees = questionSet.Addressees;
            inherited.Add(Addressees);
        }

        return inherited.Count == 0 && warnings.Count == 0 ? doc : doc with
        {
            Subject = subject,
            Askers = askers,
            Addressees = addressees,
            Inherited = inherited,
            Warnings = [.. doc.Warnings, .. warnings],
        };
    }

    /// <summary>The document as its own text has it: what was inherited, and the warnings inheriting raised, taken out.</summary>
    public static KamervraagDocument Strip(KamervraagDocument doc) =>
        doc.Inherited.Count == 0 && !doc.Warnings.Any(FromInheritance) ? doc : doc with
        {
            Subject = doc.Inherited.Contains(Subject) ? null : doc.Subject,
            Askers = doc.Inherited.Contains(Askers) ? [] : doc.Askers,
            Addressees = doc.Inherited.Contains(Addressees) ? [] : doc.Addressees,
            Inherited = [],
            Warnings = [.. doc.Warnings.Where(w => !FromInheritance(w))],
        };

    /// <summary>
    /// Whether this document lacks what its question set would give it. Only then is the question set looked
    /// up while indexing: an answer that prints its own header (nearly all) costs no extra query.
    /// </summary>
    public static bool Lacks(KamervraagDocument doc) =>
        Wants(doc) && (string.IsNullOrWhiteSpace(doc.Subject) || doc.Askers.Count == 0);

    private static bool FromInheritance(string warning) =>
        warning.StartsWith(SubjectDiffers, StringComparison.Ordinal) || warning.StartsWith(AskersDiffer, StringComparison.Ordinal);

    /// <summary>Letters only, lower case: quotes («» or ‘’), spaces lost in extraction and case do not count.</summary>
    public static string Normal(string text) => string.Concat(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));

    private static bool SameNames(IReadOnlyList<Asker> a, IReadOnlyList<Asker> b) =>
        a.Select(x => Normal(x.Name)).Order().SequenceEqual(b.Select(x => Normal(x.Name)).Order());
}
