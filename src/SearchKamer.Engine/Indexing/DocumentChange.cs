using SearchKamer.Domain;

namespace SearchKamer.Indexing;

/// <summary>
/// Whether a document indexed again carries news for its readers. Renditions of one document differ in
/// layout, hyphenation and white space, so the text is not compared: what counts is what a follower would
/// want to hear about (an answer where there was none, a nader antwoord, a notice, more questions).
/// </summary>
public static class DocumentChange
{
    /// <summary>Null when nothing a reader would call new happened; otherwise the change in words.</summary>
    public static string? Between(KamervraagDocument before, KamervraagDocument after)
    {
        if (after.Kind != before.Kind)
        {
            return after.Kind == DocumentKind.NaderAntwoord ? "nader antwoord" : $"nu {Kinds.Name(after.Kind)}";
        }

        if (after.NoticeKind != before.NoticeKind)
        {
            return "nieuwe mededeling";
        }

        if (Answered(after) > Answered(before))
        {
            return "nieuw antwoord";
        }

        return after.Questions.Count > before.Questions.Count ? "nieuwe vragen" : null;
    }

    private static int Answered(KamervraagDocument d) => d.Questions.Count(q => !string.IsNullOrWhiteSpace(q.Answer));
}
