using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SearchKamer.Domain;
using SearchKamer.Host.Web.Pages;
using SearchKamer.Host.Web.SavedSearches;
using SearchKamer.Ingestion;
using SearchKamer.SavedSearches;

namespace SearchKamer.Tests.SavedSearches;

/// <summary>
/// A signed-in page asks who the visitor is in several places (header, "Bewaar deze zoekopdracht", "Volg deze
/// vragen"); the session is looked up once per request. Shown by ending the session in the store after the first
/// lookup: the rest of the same request still sees the visitor, the next request does not.
/// </summary>
[Collection(SavedSearchHost.Collection)]
public sealed class VisitorLookupTests
{
    [Fact]
    public void The_session_is_read_once_per_request_and_every_part_of_the_page_gets_that_answer()
    {
        using var host = new SavedSearchHost();
        var users = host.Get<Users>();
        var (_, token, user) = host.NewUser("eenmaal@example.nl");
        var session = users.StartSession(token)!;
        var request = Request(host, session);

        Assert.Equal(user.Id, Auth.Visitor(request, users)?.Id);
        users.EndSession(session);

        // Header and "Bewaar" ask through SignedInVisitor, "Volg" through the follow button: all still see the visitor.
        Assert.Equal(user.Email, host.Get<SignedInVisitor>().Email(request));
        var questions = (KamervraagDocument)DocumentReader.Read(RepoPaths.CorpusFile("limburg", SavedSearchHost.QuestionSetFile)).Document!;
        var follow = FollowButton.Render(request, SavedSearchHost.QuestionSetKey, questions, answered: false);
        Assert.Contains("action=\"/mijn/volgen\"", follow, StringComparison.Ordinal);
        Assert.DoesNotContain("/aanmelden", follow, StringComparison.Ordinal);

        // The next request reads the store again and finds the session gone.
        var next = Request(host, session);
        Assert.Null(Auth.Visitor(next, users));
        Assert.Contains("/aanmelden", FollowButton.Render(next, SavedSearchHost.QuestionSetKey, questions, answered: false), StringComparison.Ordinal);
    }

    private static DefaultHttpContext Request(SavedSearchHost host, string session)
    {
        var context = new DefaultHttpContext { RequestServices = host.Services };
        context.Request.Headers.Cookie = $"{Auth.SessionCookie}={session}";
        return context;
    }
}
