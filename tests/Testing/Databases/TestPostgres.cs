using Npgsql;

namespace CchcSite.Testing;

/// <summary>
/// Which database the database-facing tests run on: SQLite, unless <c>CCHC_TEST_DATABASE=Postgres</c>; then every test
/// site and test database is a database of its own on the PostgreSQL server whose connection string is in
/// <c>CCHC_TEST_POSTGRES</c> (scripts/test.sh starts a throwaway cluster and sets both). A missing server fails the
/// test with the reason, never skips it.
/// </summary>
public static class TestPostgres
{
    public const string ProviderVariable = "CCHC_TEST_DATABASE";
    public const string ServerVariable = "CCHC_TEST_POSTGRES";

    public static bool Enabled => string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The server's maintenance connection (database postgres).</summary>
    public static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException($"{ProviderVariable}=Postgres, but {ServerVariable} does not name a server: run the tests with scripts/test.sh, which starts one.");

    /// <summary>A new database name, unique to the run; PostgreSQL names stop at 63 bytes.</summary>
    public static string NewName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = database }.ConnectionString;

    /// <summary>Creates the database (a copy of <paramref name="template"/> when given) unless it exists; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string name, string? template = null)
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        if (await exists.ExecuteScalarAsync() is null)
        {
            // Two copies of one template at the same moment can collide on the template's lock; the second waits and retries.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var create = new NpgsqlCommand(
                        $"CREATE DATABASE \"{name}\"" + (template is null ? "" : $" TEMPLATE \"{template}\""), connection);
                    await create.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
                {
                    await Task.Delay(100 * attempt);
                }
            }
        }
        return ConnectionString(name);
    }

    public static string CreateDatabase(string name, string? template = null) => CreateDatabaseAsync(name, template).GetAwaiter().GetResult();

    /// <summary>Drops the database, closing whatever connections a finished test left open.</summary>
    public static async Task DropDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Whether the database exists and holds a table of its own (not the system catalogs).</summary>
    public static bool HasTables(string database)
    {
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (exists.ExecuteScalar() is null)
            return false;
        using var own = new NpgsqlConnection(ConnectionString(database));
        own.Open();
        using var tables = new NpgsqlCommand(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')", own);
        return (long)tables.ExecuteScalar()! > 0;
    }

    public static void DropDatabase(string name) => DropDatabaseAsync(name).GetAwaiter().GetResult();
}
