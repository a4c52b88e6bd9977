using System.Globalization;
using System.Text;
using SearchKamer.Domain;
using SearchKamer.Dossiers;
using SearchKamer.Indexing;
using SearchKamer.Search;

namespace SearchKamer.Host.Web.Pages;

/// <summary>GET /document/{id}: all metadata, every question with its answer, footnotes, notice and similar questions.</summary>
internal static class DocumentPage
{
    private const int SimilarCount = 5;

    public static IResult Handle(string id, HttpRequest request, SearchEngine engine, DossierReader dossiers, TimeProvider clock)
    {
        if (engine.Get(id) is not { } doc)
        {
            return Layout.Message("Document niet gevonden", $"Er is geen document met id \"{id}\". Controleer het nummer of zoek op onderwerp.", StatusCodes.Status404NotFound);
        }

        var similarFor = doc.Questions.Count > 0 ? doc.Questions[0].Number : 0;
        if (request.Query["vraag"].LastOrDefault() is { Length: > 0 } asked)
        {
            if (!int.TryParse(asked, NumberStyles.None, CultureInfo.InvariantCulture, out similarFor) || doc.Questions.All(q => q.Number != similarFor))
            {
                return Layout.Message("Ongeldige vraag",
                    $"Ongeldige waarde voor vraag (parameter vraag): dit document heeft geen vraag \"{asked}\".", StatusCodes.Status400BadRequest);
            }
        }

        var similar = similarFor > 0 ? engine.Similar(id, similarFor, SimilarCount) ?? [] : [];
        var dossier = dossiers.For(doc, DossierEndpoints.Today(clock));
        var answer = doc.Kind == DocumentKind.Vragen && dossier?.AnswerKey is { } key ? engine.Get(key) : null;
        var view = new View(id, doc, dossier, answer, similarFor, similar);
        var follow = request.HttpContext.RequestServices.GetService<DocumentFollow>()?.Render(request.HttpContext, id, doc, answer is not null) ?? "";
        var feed = dossier is null ? null : SavedSearches.Feeds.DossierHref(dossier.Zaak);
        var feedLink = feed is null ? "" : $"<p class=\"feed\"><a href=\"{Html.E(feed)}\" type=\"application/atom+xml\">Feed van dit dossier</a> (Atom)</p>\n";
        return Layout.Page(DocumentTitle.Of(doc), Render(view, follow + feedLink), headerQuery: "", feed: feed, feedTitle: "Atom-feed van dit dossier");
    }

    /// <param name="Answer">For a question set: the answer its dossier holds, shown per question.</param>
    private sealed record View(string Id, KamervraagDocument Doc, Dossier? Dossier, KamervraagDocument? Answer, int SimilarFor, IReadOnlyList<DocumentHit> Similar);

    /// <param name="follow">The follow button (<see cref="DocumentFollow"/>), under the title.</param>
    private static string Render(View v, string follow)
    {
        var (id, doc, similarFor, similar) = (v.Id, v.Doc, v.SimilarFor, v.Similar);
        var html = new StringBuilder("<article class=\"document\">\n");
        html.Append("<p class=\"kind\">").Append(Html.E(Html.KindLabel(Kinds.Name(doc.Kind)))).Append("</p>\n<h1>")
            .Append(Html.E(DocumentTitle.Of(doc))).Append("</h1>\n");
        if (doc.Inherited.Contains(Inheritance.Subject))
        {
            html.Append("<p class=\"inherited\">Onderwerp overgenomen uit de vragen van dit dossier: de brief zelf noemt het niet.</p>\n");
        }

        if (v.Dossier is { } dossier)
        {
            html.Append(DossierView.Timeline(dossier, DocumentMapper.KeyOf(doc)));
        }

        html.Append(follow);

        html.Append(Sources(id, doc)).Append(DocumentMeta.Render(doc));
        if (doc.Notice is { Length: > 0 } notice)
        {
            html.Append("<section class=\"notice-text\" aria-label=\"Mededeling\"><h2>").Append(Html.E(NoticeTitle(doc.NoticeKind))).Append("</h2>")
                .Append(Html.Paragraphs(notice)).Append("</section>\n");
        }

        if (doc.Questions.Count > 0)
        {
            html.Append("<section class=\"questions\"><h2>").Append(Html.Plural(doc.Questions.Count, "vraag", "vragen")).Append("</h2>\n");
            for (var i = 0; i < doc.Questions.Count; i++)
            {
                html.Append(Question(doc.Questions, i, similarFor, v));
            }

            html.Append("</section>\n");
        }

        html.Append(Footnotes(doc.Footnotes)).Append(Similar(similarFor, similar, doc.DateSubmitted ?? v.Dossier?.Submitted)).Append(Warnings(doc.Warnings));
        return html.Append("</article>\n").ToString();
    }

    private static string Sources(string id, KamervraagDocument doc)
    {
        var links = new List<string>();
        if (OfficialLinks.Publication(doc.OfficialId) is { } publication)
        {
            links.Add($"<a href=\"{Html.E(publication)}\" rel=\"noopener noreferrer\">Officiële publicatie ({Html.E(doc.OfficialId)})</a>");
        }

        if (OfficialLinks.TweedeKamer(doc.DocumentNumber) is { } tk)
        {
            links.Add($"<a href=\"{Html.E(tk)}\" rel=\"noopener noreferrer\">Tweede Kamer ({Html.E(doc.DocumentNumber)})</a>");
        }

        links.Add($"<a href=\"{Html.E("/bestand/" + Uri.EscapeDataString(id))}\">Origineel bestand ({Html.E(DocumentFormats.Named(doc.Source.Format)?.Label ?? doc.Source.Format.ToUpperInvariant())})</a>");
        links.Add($"<a href=\"{Html.E("/api/documents/" + Uri.EscapeDataString(id))}\">Gegevens downloaden (JSON)</a>");
        return "<p class=\"sources\">" + string.Join(" · ", links) + "</p>\n";
    }

    private static string Question(IReadOnlyList<QuestionAnswer> questions, int i, int similarFor, View v)
    {
        var q = questions[i];
        var html = new StringBuilder();
        html.Append("<section class=\"qa\" id=\"vraag-").Append(q.Number).Append("\"><h3>Vraag ").Append(q.Number).Append("</h3>")
            .Append("<div class=\"q\">").Append(Html.Paragraphs(q.Question)).Append("</div>").Append(FootnoteRefs(q.Footnotes));

        // A combined answer is printed once, after the last question of its group, as in the publication.
        var group = q.AnsweredWith.Count > 1 ? q.AnsweredWith : [q.Number];
        var last = questions.Where(x => group.Contains(x.Number)).Select(x => x.Number).DefaultIfEmpty(q.Number).Last();
        if (q.Number == last && v.Doc.Kind != DocumentKind.Vragen)
        {
            var heading = group.Count > 1 ? $"Antwoord op vragen {JoinNumbers(group)}" : $"Antwoord {q.Number}";
            html.Append("<div class=\"a\" id=\"antwoord-").Append(q.Number).Append("\"><h4>").Append(Html.E(heading)).Append("</h4>")
                .Append(q.Answer is { Length: > 0 } a ? Html.Paragraphs(a) : "<p class=\"none\">(geen antwoord in dit document)</p>").Append("</div>");
        }
        else if (v.Doc.Kind != DocumentKind.Vragen && (i + 1 >= questions.Count || !group.Contains(questions[i + 1].Number)))
        {
            html.Append("<p class=\"see\"><a href=\"#antwoord-").Append(last).Append("\">Het antwoord staat bij vraag ").Append(last).Append("</a></p>");
        }

        html.Append(AnswerFromDossier(q, v));

        // The question the section below is about links down to it; the others load the page for themselves.
        var target = q.Number == similarFor ? "#vergelijkbaar" : $"?vraag={q.Number}#vergelijkbaar";
        html.Append("<p class=\"more\"><a href=\"").Append(target).Append("\">Vergelijkbare vragen</a></p>");

        return html.Append("</section>\n").ToString();
    }

    /// <summary>On a question set's page: what the answer in its dossier says to this question.</summary>
    private static string AnswerFromDossier(QuestionAnswer q, View v)
    {
        if (v.Answer is not { } answer || v.Dossier?.AnswerKey is not { } key || q.Answer is { Length: > 0 })
        {
            return "";
        }

        // A combined answer ("Antwoord op vragen 1 t/m 5") is shown once, after the last question it answers.
        var group = answer.Questions.FirstOrDefault(a => a.Number == q.Number)?.AnsweredWith is { Count: > 1 } with ? with : [q.Number];
        var last = group.Max();
        var when = Html.E(Html.Date(answer.DateReceived));
        if (q.Number != last && v.Doc.Questions.Any(x => x.Number == last))
        {
            return $"<p class=\"answer-from-dossier see\"><a href=\"#vraag-{last}\">Beantwoord op {when}, samen met vraag {last}</a></p>";
        }

        var text = answer.Questions.Where(a => group.Contains(a.Number) && a.Answer is { Length: > 0 }).Select(a => a.Answer).LastOrDefault();
        var href = Html.DocumentHref(key) + "#vraag-" + last;
        var heading = group.Count > 1 ? $"Antwoord op vragen {JoinNumbers(group)}" : "Antwoord";
        return text is null
            ? $"<p class=\"answer-from-dossier\"><a href=\"{Html.E(href)}\">Beantwoord op {when}</a> (antwoord op deze vraag niet apart gevonden)</p>"
            : $"<div class=\"answer-from-dossier\"><h4><a href=\"{Html.E(href)}\">{Html.E(heading)}, beantwoord op {when}</a></h4>{Html.Paragraphs(text)}</div>";
    }

    private static string FootnoteRefs(IReadOnlyList<int> numbers) => numbers.Count == 0 ? ""
        : "<p class=\"refs\">Voetnoot " + string.Join(", ", numbers.Select(n => $"<a href=\"#voetnoot-{n}\">{n}</a>")) + "</p>";

    private static string Footnotes(IReadOnlyList<Footnote> footnotes)
    {
        if (footnotes.Count == 0)
        {
            return "";
        }

        var html = new StringBuilder("<section class=\"footnotes\"><h2>Voetnoten</h2><ol>\n");
        foreach (var f in footnotes)
        {
            html.Append("<li id=\"voetnoot-").Append(f.Number).Append("\" value=\"").Append(f.Number).Append("\">").Append(Html.E(f.Text));
            if (Html.IsWebLink(f.Url))
            {
                html.Append(" <a href=\"").Append(Html.E(f.Url)).Append("\" rel=\"noopener noreferrer nofollow\">link</a>");
            }

            html.Append("</li>\n");
        }

        return html.Append("</ol></section>\n").ToString();
    }

    /// <param name="asked">When this document's questions were submitted (its dossier's date for a letter that prints none).</param>
    private static string Similar(int similarFor, IReadOnlyList<DocumentHit> similar, DateOnly? asked)
    {
        if (similarFor == 0)
        {
            return "";
        }

        var html = new StringBuilder("<section class=\"similar\" id=\"vergelijkbaar\"><h2>Vergelijkbare vragen</h2>");
        html.Append("<p class=\"hint\">Vragen uit andere documenten die lijken op <a href=\"#vraag-").Append(similarFor).Append("\">vraag ")
            .Append(similarFor).Append("</a>.</p>");
        if (similar.Count == 0)
        {
            return html.Append("<p>Geen vergelijkbare vragen gevonden.</p></section>\n").ToString();
        }

        html.Append("<ul>");
        foreach (var hit in similar)
        {
            var q = hit.Questions.FirstOrDefault();
            var href = Html.DocumentHref(hit.Id) + (q is null ? "" : "#vraag-" + q.Number);
            html.Append("<li><a href=\"").Append(Html.E(href)).Append("\">")
                .Append(Html.E(hit.Title)).Append("</a>")
                .Append(" <span class=\"meta\">").Append(Html.E(SimilarDate(hit))).Append("</span>");
            if (AskedBefore(hit, asked))
            {
                html.Append(" <span class=\"earlier\">eerder gevraagd</span>");
            }

            if (q is not null)
            {
                // Engine text, already encoded.
                html.Append("<p class=\"q\">Vraag ").Append(q.Number).Append(": ").Append(q.Question).Append("</p>");
            }

            html.Append("</li>");
        }

        return html.Append("</ul></section>\n").ToString();
    }

    private static string SimilarDate(DocumentHit hit) =>
        hit.DateSubmitted is { } submitted ? "gevraagd op " + Html.Date(submitted)
        : hit.DateReceived is { } received ? "beantwoord op " + Html.Date(received)
        : "datum onbekend";

    /// <summary>
    /// Asked before this document's questions: submitted earlier, or, for a letter that prints only its date of
    /// receipt, answered before these were even asked.
    /// </summary>
    private static bool AskedBefore(DocumentHit hit, DateOnly? asked) =>
        asked is { } current && (hit.DateSubmitted ?? hit.DateReceived) is { } other && other < current;

    private static string Warnings(IReadOnlyList<string> warnings) => warnings.Count == 0 ? ""
        : "<details class=\"warnings\"><summary>Opmerkingen bij het inlezen (" + warnings.Count + ")</summary><ul>" +
          string.Concat(warnings.Select(w => "<li>" + Html.E(w) + "</li>")) + "</ul></details>\n";

    private static string NoticeTitle(NoticeKind? kind) => kind switch
    {
        NoticeKind.Uitstel => "Mededeling: uitstel van beantwoording",
        NoticeKind.BeantwoordPerBrief => "Mededeling: beantwoord per brief",
        NoticeKind.Ingetrokken => "Mededeling: vragen ingetrokken",
        _ => "Mededeling",
    };

    private static string JoinNumbers(IReadOnlyList<int> numbers) =>
        numbers.Count == 1 ? numbers[0].ToString(CultureInfo.InvariantCulture)
        : string.Join(", ", numbers.Take(numbers.Count - 1)) + " en " + numbers[^1];
}
