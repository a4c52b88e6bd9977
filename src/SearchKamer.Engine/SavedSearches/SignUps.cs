using SearchKamer.Storage;

namespace SearchKamer.SavedSearches;

/// <summary>What a sign-up leads to: a code to mail, to a new address or to the owner of a known one; null code means "mailed recently, not again".</summary>
/// <param name="Existing">The address already had a confirmed account: the mail tells its owner, and confirming gives that account a new link.</param>
public sealed record SignUp(string Email, string? Code, bool Existing);

/// <summary>
/// Self-service sign-up with double opt-in: nothing is shown or sent until the address's owner follows the
/// mailed link. A known address is answered exactly like a new one (the owner gets the mail instead), so the
/// form neither tells who has an account nor lets anyone take one over.
/// </summary>
public sealed class SignUps(SqliteStore store, TimeProvider clock)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromDays(1);

    /// <summary>One mail per address per this interval, whoever asks: the form cannot be used to flood a mailbox.</summary>
    public static readonly TimeSpan MailInterval = TimeSpan.FromMinutes(5);

    public SignUp Start(string email)
    {
        var address = Users.NormaliseEmail(email);
        var now = clock.GetUtcNow();
        using var c = store.Open();
        using var tx = c.BeginTransaction();
        // Sign-ups never confirmed are forgotten once their link has expired.
        Sql.Exec(c, "DELETE FROM users WHERE confirmed = 0 AND created_at < $old", ("$old", (now - CodeLifetime).UtcTicks));
        var user = Sql.Query(c, $"SELECT {Users.Columns} FROM users WHERE email = $e", Users.Read, ("$e", address)).SingleOrDefault();
        var id = user?.Id ?? (long)Sql.Scalar(c, "INSERT INTO users (email, token_hash, created_at, confirmed) VALUES ($e, $h, $t, 0) RETURNING id",
            ("$e", address), ("$h", Secrets.Hash(Secrets.NewToken())), ("$t", now.UtcTicks))!;
        var last = Sql.Scalar(c, "SELECT MAX(created_at) FROM confirmations WHERE user_id = $u", ("$u", id)) as long?;
        if (last is { } ticks && now.UtcTicks - ticks < MailInterval.Ticks)
        {
            tx.Commit();
            return new SignUp(address, null, user?.Confirmed == true);
        }

        var code = Secrets.NewToken();
        Sql.Exec(c, "DELETE FROM confirmations WHERE expires_at < $now", ("$now", now.UtcTicks));
        Sql.Exec(c, "INSERT INTO confirmations (code_hash, user_id, created_at, expires_at) VALUES ($h, $u, $t, $x)",
            ("$h", Secrets.Hash(code)), ("$u", id), ("$t", now.UtcTicks), ("$x", (now + CodeLifetime).UtcTicks));
        tx.Commit();
        return new SignUp(address, code, user?.Confirmed == true);
    }

    /// <summary>The account a code would confirm, to name it before the click; null when the code is unknown or expired.</summary>
    public User? Peek(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 200)
        {
            return null;
        }

        using var c = store.Open();
        return Sql.Query(c, $"SELECT {Prefixed("u")} FROM confirmations k JOIN users u ON u.id = k.user_id WHERE k.code_hash = $h AND k.expires_at > $now",
            Users.Read, ("$h", Secrets.Hash(code)), ("$now", clock.GetUtcNow().UtcTicks)).SingleOrDefault();
    }

    /// <summary>Confirms the address and issues the account's token (a known account gets a new one); the code is spent.</summary>
    public IssuedToken? Confirm(string? code)
    {
        if (Peek(code) is not { } user)
        {
            return null;
        }

        using var c = store.Open();
        using var tx = c.BeginTransaction();
        if (Sql.Exec(c, "DELETE FROM confirmations WHERE code_hash = $h", ("$h", Secrets.Hash(code!))) == 0)
        {
            return null;
        }

        Sql.Exec(c, "DELETE FROM confirmations WHERE user_id = $u", ("$u", user.Id));
        var issued = Users.Renew(c, user.Id, Secrets.NewToken());
        tx.Commit();
        return issued;
    }

    private static string Prefixed(string alias) => string.Join(", ", Users.Columns.Split(", ").Select(col => $"{alias}.{col}"));
}
