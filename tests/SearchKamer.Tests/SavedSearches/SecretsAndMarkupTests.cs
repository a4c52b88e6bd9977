using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using SearchKamer.SavedSearches;
using SearchKamer.Storage;

namespace SearchKamer.Tests.SavedSearches;

/// <summary>What an attacker could get from the database file or from a saved-search name: no secrets, no markup.</summary>
[Collection(SavedSearchHost.Collection)]
public sealed class SecretsAndMarkupTests
{
    private const string HostileName = "<script>alert(1)</script><a href=\"javascript:alert(2)\">x</a><img src=x onerror=alert(3)>";

    [Fact]
    public async Task Personal_tokens_and_session_ids_are_stored_only_as_their_sha256()
    {
        using var host = new SavedSearchHost();
        var (_, token, user) = host.NewUser("geheim@example.nl");
        var browser = host.Anonymous();
        var signIn = await SavedSearchHost.SignIn(browser, token);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sk_sessie=", StringComparison.Ordinal));
        var session = Uri.UnescapeDataString(cookie["sk_sessie=".Length..cookie.IndexOf(';', StringComparison.Ordinal)]);
        Assert.True(session.Length >= 40, "the session id should be a long random value");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/mijn/zoekopdrachten")).StatusCode);

        var db = host.Get<SqliteStore>().Path;
        using (var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            c.Open();
            Assert.Equal(Secrets.Hash(token), Scalar(c, $"SELECT token_hash FROM users WHERE id = {user.Id}"));
            Assert.Equal(1L, Scalar(c, $"SELECT count(*) FROM sessions WHERE id_hash = '{Secrets.Hash(session)}'"));
            Assert.Equal(64, ((string)Scalar(c, "SELECT token_hash FROM users")!).Length);
        }

        // Neither secret appears anywhere in the database, its WAL or its shared memory file.
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(db)!, Path.GetFileName(db) + "*"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(token)) < 0, $"token in plain text in {file}");
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(session)) < 0, $"session id in plain text in {file}");
        }
    }

    [Fact]
    public async Task A_saved_search_named_with_markup_is_shown_as_text_on_every_page_and_feed()
    {
        using var host = new SavedSearchHost();
        var (api, token, _) = host.NewUser("markup@example.nl");
        var id = await SavedSearchHost.SaveSearch(api, HostileName, "q=" + Uri.EscapeDataString(HostileName));
        var browser = await host.Browser(token);
        foreach (var url in new[] { "/mijn/zoekopdrachten", $"/mijn/zoekopdrachten/{id}", $"/mijn/zoekopdrachten/{id}/uitvoeren" })
        {
            using var response = await browser.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", html);
        }

        var feed = await host.Anonymous().GetStringAsync(await SavedSearchHost.FeedPath(api, $"/api/zoekopdrachten/{id}"));
        Assert.DoesNotContain("<script>alert", feed);
        Assert.DoesNotContain("<img src=x", feed);
    }

    private static object? Scalar(SqliteConnection c, string sql)
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
