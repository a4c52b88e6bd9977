using Microsoft.Data.Sqlite;
using SearchKamer.Storage;

namespace SearchKamer.SavedSearches;

/// <param name="Confirmed">The address proved to be the user's (double opt-in, or made by the operator); only then is mail sent to it.</param>
public sealed record User(long Id, string Email, string? WebhookUrl, string? WebhookSecret, bool EmailAlerts, DateTimeOffset CreatedAt, bool Confirmed);

/// <summary>A new account or a renewed token: <see cref="Token"/> is shown once and never stored.</summary>
public sealed record IssuedToken(User User, string Token);

public sealed class UserException(string message) : Exception(message);

/// <summary>
/// Accounts without passwords: a long random personal token signs in (once, via the link, into a
/// session cookie) and authorises the API; feeds have read-only keys of their own (<see cref="FeedKeys"/>). Only hashes
/// of tokens, session ids and confirmation codes are kept.
/// </summary>
public sealed class Users(SqliteStore store, TimeProvider clock)
{
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(30);

    internal const string Columns = "id, email, webhook_url, webhook_secret, email_alerts, created_at, confirmed";

    /// <summary>
    /// The operator's way in (<c>users add</c>): creates a confirmed account, or with <paramref name="renew"/> gives an
    /// existing one a new token (the old one stops working) and counts its address as confirmed.
    /// </summary>
    public IssuedToken Add(string email, bool renew)
    {
        var address = NormaliseEmail(email);
        var token = Secrets.NewToken();
        using var c = store.Open();
        var existing = Sql.Query(c, $"SELECT {Columns} FROM users WHERE email = $e", Read, ("$e", address)).SingleOrDefault();
        if (existing is not null)
        {
            if (!renew)
            {
                throw new UserException($"er is al een account voor {address}");
            }

            return Renew(c, existing.Id, token);
        }

        var id = (long)Sql.Scalar(c, "INSERT INTO users (email, token_hash, created_at) VALUES ($e, $h, $t) RETURNING id",
            ("$e", address), ("$h", Secrets.Hash(token)), ("$t", clock.GetUtcNow().UtcTicks))!;
        return new IssuedToken(Get(c, id)!, token);
    }

    /// <summary>A new token for the account (old token and sessions stop working); its address counts as confirmed.</summary>
    internal static IssuedToken Renew(SqliteConnection c, long userId, string token)
    {
        Sql.Exec(c, "UPDATE users SET token_hash = $h, confirmed = 1 WHERE id = $id", ("$h", Secrets.Hash(token)), ("$id", userId));
        Sql.Exec(c, "DELETE FROM sessions WHERE user_id = $id", ("$id", userId));
        return new IssuedToken(Get(c, userId)!, token);
    }

    /// <summary>
    /// The signed-in user's own renewal (from /mijn): a new token, every session ended (other browsers, and whoever
    /// signed in with the old token), a new session for the browser that asked, so it stays signed in, and with
    /// <paramref name="feeds"/> new feed keys. One write transaction: a double click or a second tab cannot interleave,
    /// and the session that asked must still be alive inside it, so of two renewals with one session only the first
    /// happens and the second is refused (<see cref="UserException"/>) instead of ending the first one's new session.
    /// Only a confirmed account has a token anyone knows, so the confirming in <see cref="Renew"/> changes nothing here.
    /// </summary>
    public (IssuedToken Issued, string Session) RenewToken(long userId, string? session, bool feeds)
    {
        using var c = store.Open();
        using var tx = c.BeginTransaction();
        if (string.IsNullOrEmpty(session) || session.Length > 200 || Sql.Scalar(c, "SELECT 1 FROM sessions WHERE id_hash = $h AND user_id = $u AND expires_at > $now",
                ("$h", Secrets.Hash(session)), ("$u", userId), ("$now", clock.GetUtcNow().UtcTicks)) is null)
        {
            throw new UserException("deze sessie is al beëindigd, waarschijnlijk doordat u zojuist al een nieuwe link maakte (bijvoorbeeld met een dubbele klik)");
        }

        var issued = Renew(c, userId, Secrets.NewToken());
        if (feeds)
        {
            FeedKeys.RenewAll(c, userId);
        }

        var renewed = InsertSession(c, userId);
        tx.Commit();
        return (issued, renewed);
    }

    public User? Get(long id)
    {
        using var c = store.Open();
        return Get(c, id);
    }

    public IReadOnlyList<User> All()
    {
        using var c = store.Open();
        return Sql.Query(c, $"SELECT {Columns} FROM users", Read);
    }

    public User? ByToken(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return null;
        }

        using var c = store.Open();
        return Sql.Query(c, $"SELECT {Columns} FROM users WHERE token_hash = $h", Read, ("$h", Secrets.Hash(token))).SingleOrDefault();
    }

    /// <summary>A new session for a valid token; the returned id goes into the cookie.</summary>
    public string? StartSession(string? token)
    {
        if (ByToken(token) is not { } user)
        {
            return null;
        }

        using var c = store.Open();
        return InsertSession(c, user.Id);
    }

    private string InsertSession(SqliteConnection c, long userId)
    {
        var session = Secrets.NewToken();
        Sql.Exec(c, "DELETE FROM sessions WHERE expires_at < $now", ("$now", clock.GetUtcNow().UtcTicks));
        Sql.Exec(c, "INSERT INTO sessions (id_hash, user_id, expires_at) VALUES ($h, $u, $x)",
            ("$h", Secrets.Hash(session)), ("$u", userId), ("$x", (clock.GetUtcNow() + SessionLifetime).UtcTicks));
        return session;
    }

    public User? BySession(string? session)
    {
        if (string.IsNullOrEmpty(session) || session.Length > 200)
        {
            return null;
        }

        using var c = store.Open();
        return Sql.Query(c, $"SELECT u.id, u.email, u.webhook_url, u.webhook_secret, u.email_alerts, u.created_at, u.confirmed FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = $h AND s.expires_at > $now",
            Read, ("$h", Secrets.Hash(session)), ("$now", clock.GetUtcNow().UtcTicks)).SingleOrDefault();
    }

    public void EndSession(string? session)
    {
        if (!string.IsNullOrEmpty(session))
        {
            using var c = store.Open();
            Sql.Exec(c, "DELETE FROM sessions WHERE id_hash = $h", ("$h", Secrets.Hash(session)));
        }
    }

    /// <summary>
    /// Sets the alert channels (one webhook per user); a new webhook URL gets a new signing secret, returned in the
    /// user. A URL that <paramref name="targets"/> refuses throws <see cref="WebhookRefusedException"/>.
    /// </summary>
    /// <param name="keepWebhook">True leaves the webhook as it is (a partial update that does not name it).</param>
    /// <param name="emailAlerts">Null leaves the e-mail choice as it is.</param>
    public async Task<User> UpdateChannelsAsync(long userId, string? webhookUrl, bool? emailAlerts, WebhookTargets targets, CancellationToken cancellationToken,
        bool keepWebhook = false)
    {
        var url = keepWebhook || string.IsNullOrWhiteSpace(webhookUrl) ? null : await targets.CheckAsync(webhookUrl.Trim(), cancellationToken);
        using var c = store.Open();
        var current = Get(c, userId) ?? throw new UserException("onbekende gebruiker");
        if (keepWebhook)
        {
            url = current.WebhookUrl;
        }

        var secret = url is null ? null : url == current.WebhookUrl && current.WebhookSecret is { } s ? s : Secrets.NewToken();
        Sql.Exec(c, "UPDATE users SET webhook_url = $u, webhook_secret = $s, email_alerts = $e WHERE id = $id",
            ("$u", url), ("$s", secret), ("$e", (emailAlerts ?? current.EmailAlerts) ? 1 : 0), ("$id", userId));
        return Get(c, userId)!;
    }

    internal static string NormaliseEmail(string email)
    {
        var address = email.Trim();
        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (address.Length > 254 || at < 1 || at == address.Length - 1 || address.Any(char.IsWhiteSpace) || address.IndexOfAny(['<', '>', ',', ';', '"']) >= 0)
        {
            throw new UserException($"\"{email}\" is geen e-mailadres");
        }

        return address;
    }

    internal static User? Get(SqliteConnection c, long id) =>
        Sql.Query(c, $"SELECT {Columns} FROM users WHERE id = $id", Read, ("$id", id)).SingleOrDefault();

    internal static User Read(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.NullableString(2), r.NullableString(3), r.GetInt64(4) != 0, r.Moment(5), r.GetInt64(6) != 0);
}
