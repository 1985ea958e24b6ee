using System.Data.Common;
using CchcSite.Content.Data;
using CchcSite.Content.Data.Migrations;
using CchcSite.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Tests.Databases;

/// <summary>
/// A new database is made by each provider's stored script of every migration (<see cref="MigrationScripts"/>), not by
/// replaying them: the script must be what the migrations generate now, and must give the schema and the history they give.
/// </summary>
public class MigrationScriptTests
{
    private const string Regenerate = "run scripts/compiled-models.sh (it writes src/Content/Data/Migrations/<provider>/script.sql for both providers)";

    public static TheoryData<string> Providers => ["Sqlite", "Postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_stored_script_is_what_the_migrations_generate(string provider)
    {
        // The design-time factories are those `dotnet ef migrations script` uses; generating a script reaches no server.
        using CchcDbContext db = provider == "Sqlite" ? new SqliteDesignTimeFactory().CreateDbContext([]) : new PostgresDesignTimeFactory().CreateDbContext([]);
        var generated = db.GetService<IMigrator>().GenerateScript();

        Assert.True(Lines(MigrationScripts.Read(provider)).SequenceEqual(Lines(generated)), $"The {provider} migration script is stale: {Regenerate}.");
    }

    [Fact]
    public async Task On_Sqlite_the_script_gives_the_schema_and_history_the_migrations_give()
    {
        await using var migrated = new SqliteConnection("Data Source=:memory:");
        await using var scripted = new SqliteConnection("Data Source=:memory:");

        await CreateAsync(ContentDatabase.Sqlite(migrated), byScript: false);
        await CreateAsync(ContentDatabase.Sqlite(scripted), byScript: true);

        // EF Core's own lock table, which Migrate creates for itself and leaves empty, is not the content's schema.
        const string schema = """SELECT type || ' ' || name || ' ' || tbl_name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE name <> '__EFMigrationsLock' ORDER BY type, name""";
        var expected = await ReadAsync(migrated, schema);
        Assert.True(expected.Count > 100, $"The migrated database has only {expected.Count} schema objects.");
        Assert.Equal(expected, await ReadAsync(scripted, schema));
        await AssertSameHistoryAndRowsAsync(migrated, scripted);
    }

    [Fact]
    public async Task On_Postgres_the_script_gives_the_schema_and_history_the_migrations_give()
    {
        if (!TestPostgres.Enabled)
            return;
        var (migratedName, scriptedName) = (TestPostgres.NewName("cchc_migrated"), TestPostgres.NewName("cchc_scripted"));
        try
        {
            await CreateAsync(ContentDatabase.Postgres(await TestPostgres.CreateDatabaseAsync(migratedName)), byScript: false);
            await CreateAsync(ContentDatabase.Postgres(await TestPostgres.CreateDatabaseAsync(scriptedName)), byScript: true);

            await using var migrated = new Npgsql.NpgsqlConnection(TestPostgres.ConnectionString(migratedName));
            await using var scripted = new Npgsql.NpgsqlConnection(TestPostgres.ConnectionString(scriptedName));
            string[] schema =
            [
                """
                SELECT table_name || '.' || column_name || ' #' || ordinal_position || ' ' || data_type || ' ' || coalesce(character_maximum_length::text, '')
                       || ' ' || is_nullable || ' ' || coalesce(column_default, '') || ' ' || coalesce(collation_name, '') || ' ' || is_identity
                FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1
                """,
                "SELECT tablename || ' ' || indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1",
                """
                SELECT c.conrelid::regclass::text || ' ' || c.conname || ': ' || pg_get_constraintdef(c.oid)
                FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public' ORDER BY 1
                """,
                "SELECT collname || ' ' || collprovider::text || ' ' || collisdeterministic::text FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace WHERE n.nspname = 'public' ORDER BY 1",
                "SELECT sequence_name || ' ' || data_type || ' ' || start_value FROM information_schema.sequences WHERE sequence_schema = 'public' ORDER BY 1",
            ];
            foreach (var query in schema)
            {
                var expected = await ReadAsync(migrated, query);
                Assert.Equal(expected, await ReadAsync(scripted, query));
            }
            Assert.True((await ReadAsync(migrated, schema[0])).Count > 500, "The migrated database has hardly any columns.");
            await AssertSameHistoryAndRowsAsync(migrated, scripted);
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await TestPostgres.DropDatabaseAsync(migratedName);
            await TestPostgres.DropDatabaseAsync(scriptedName);
        }
    }

    [Fact]
    public async Task A_database_the_script_made_takes_only_what_is_pending_later()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await using var services = new ServiceCollection().AddLogging().AddCchcContent(ContentDatabase.Sqlite(connection)).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CchcDbContext>();
        await db.Database.OpenConnectionAsync();

        Assert.True(await MigrationScripts.ApplyPendingAsync(db, CancellationToken.None));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        // Nothing pending: nothing runs, not even Migrate (which would create EF Core's lock table).
        Assert.False(await MigrationScripts.ApplyPendingAsync(db, CancellationToken.None));
        Assert.Empty(await ReadAsync(connection, "SELECT name FROM sqlite_master WHERE name = '__EFMigrationsLock'"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_database_behind_the_code_gets_the_migrations_it_lacks(string provider)
    {
        if (provider == "Postgres" && !TestPostgres.Enabled)
            return;
        await using var connection = new SqliteConnection("Data Source=:memory:");
        var name = TestPostgres.NewName("cchc_behind");
        var database = provider == "Sqlite" ? ContentDatabase.Sqlite(connection) : ContentDatabase.Postgres(await TestPostgres.CreateDatabaseAsync(name));
        try
        {
            await using var services = new ServiceCollection().AddLogging().AddCchcContent(database).BuildServiceProvider();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CchcDbContext>();
            await db.Database.OpenConnectionAsync();
            var all = db.Database.GetMigrations().ToList();
            // A site last run by an older version: its history lacks the newest migration.
            await db.GetService<IMigrator>().MigrateAsync(all[^2]);

            Assert.True(await MigrationScripts.ApplyPendingAsync(db, CancellationToken.None));
            Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
            Assert.False(await MigrationScripts.ApplyPendingAsync(db, CancellationToken.None));
        }
        finally
        {
            if (provider == "Postgres")
            {
                Npgsql.NpgsqlConnection.ClearAllPools();
                await TestPostgres.DropDatabaseAsync(name);
            }
        }
    }

    private static async Task CreateAsync(ContentDatabase database, bool byScript)
    {
        await using var services = new ServiceCollection().AddLogging().AddCchcContent(database).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CchcDbContext>();
        // An in-memory SQLite database lives as long as its connection: keep it open past this context.
        if (db.Database.IsSqlite())
            await db.Database.GetDbConnection().OpenAsync();
        if (byScript)
            Assert.True(await MigrationScripts.ApplyPendingAsync(db, CancellationToken.None));
        else
            await db.Database.MigrateAsync();
    }

    /// <summary>Every migration listed, and the rows migrations insert (the search state's one row) alike.</summary>
    private static async Task AssertSameHistoryAndRowsAsync(DbConnection migrated, DbConnection scripted)
    {
        const string history = """SELECT "MigrationId" || ' ' || "ProductVersion" FROM "__EFMigrationsHistory" ORDER BY 1""";
        Assert.Equal(await ReadAsync(migrated, history), await ReadAsync(scripted, history));
        const string searchState = """SELECT "Id" || ' ' || "Generation" || ' ' || "PrunedThroughOutboxId" FROM "SearchState" ORDER BY 1""";
        Assert.Equal(await ReadAsync(migrated, searchState), await ReadAsync(scripted, searchState));
    }

    private static async Task<List<string>> ReadAsync(DbConnection connection, string sql)
    {
        if (connection.State != System.Data.ConnectionState.Open)
            await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        return rows;
    }

    private static IEnumerable<string> Lines(string script) =>
        script.TrimStart('\uFEFF').ReplaceLineEndings("\n").TrimEnd().Split('\n');
}
