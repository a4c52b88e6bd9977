using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SearchKamer.Storage;

/// <summary>
/// Parameterised statements without the command boilerplate, for every module on the store; values are never
/// spliced into SQL. The ADO.NET provider's types appear here and in <see cref="SqliteStore"/> only.
/// </summary>
internal static class Sql
{
    public static int Exec(SqliteConnection c, string sql, params (string Name, object? Value)[] args) => Exec(c, null, sql, args);

    public static int Exec(SqliteConnection c, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = Command(c, sql, args);
        // A new command already takes the connection's open transaction; null would take it away again.
        if (tx is not null)
        {
            cmd.Transaction = tx;
        }

        return cmd.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection c, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = Command(c, sql, args);
        var value = cmd.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public static List<T> Query<T>(SqliteConnection c, string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] args)
    {
        using var cmd = Command(c, sql, args);
        using var reader = cmd.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public static string? NullableString(this SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>Any column as text (numbers too), or null.</summary>
    public static string? Text(this SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetValue(i).ToString();

    /// <summary>The current moment as stored in text columns: ISO 8601 round-trip, UTC.</summary>
    public static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Moment(this SqliteDataReader r, int i) => new(r.GetInt64(i), TimeSpan.Zero);

    private static SqliteCommand Command(SqliteConnection c, string sql, (string Name, object? Value)[] args)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return cmd;
    }
}
