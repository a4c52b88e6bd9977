using System.Text;
using SearchKamer.Domain;

namespace SearchKamer.Host.Cli;

/// <summary>The readable form of a parsed document for the terminal.</summary>
public static class Summary
{
    public static string Of(KamervraagDocument d)
    {
        var s = new StringBuilder();
        s.AppendLine($"{d.Source.Path} [{d.Source.Format}]");
        s.AppendLine($"  soort:        {d.Kind}{(d.NoticeKind is { } n ? $" ({n})" : "")}");
        s.AppendLine($"  id:           {d.OfficialId ?? "-"}  vergaderjaar {d.Vergaderjaar ?? "-"}  nr {d.Aanhangselnummer?.ToString() ?? "-"}  zaak {string.Join(", ", d.ZaakNumbers)}");
        s.AppendLine($"  onderwerp:    {d.Subject ?? "-"}");
        s.AppendLine($"  indieners:    {string.Join("; ", d.Askers.Select(a => $"{a.Name} ({a.Party ?? "?"})"))}");
        s.AppendLine($"  aan:          {string.Join("; ", d.Addressees)}");
        s.AppendLine($"  beantwoord:   {string.Join("; ", d.Answerers.Select(a => $"{a.Role} {a.Name} ({a.Portfolio}) → {a.Ministry ?? "?"}"))}");
        if (d.OnBehalfOf.Count > 0)
        {
            s.AppendLine($"  mede namens:  {string.Join("; ", d.OnBehalfOf)}");
        }

        s.AppendLine($"  ingezonden:   {d.DateSubmitted:yyyy-MM-dd}  ontvangen: {d.DateReceived:yyyy-MM-dd}");
        s.AppendLine($"  vragen:       {d.Questions.Count}  voetnoten: {d.Footnotes.Count}");
        foreach (var q in d.Questions)
        {
            s.AppendLine($"    {q.Number,3}. {Cut(q.Question)}");
            s.AppendLine($"         → {(q.Answer is null ? "(geen antwoord)" : Cut(q.Answer))}");
        }

        if (d.Notice is not null)
        {
            s.AppendLine($"  mededeling:   {Cut(d.Notice)}");
        }

        foreach (var w in d.Warnings)
        {
            s.AppendLine($"  waarschuwing: {w}");
        }

        return s.ToString().TrimEnd();
    }

    private static string Cut(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 90 ? line : line[..90] + "…";
    }
}
