using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CchcSite.Content.Data.Migrations;

/// <summary>
/// Applies the migrations a database lacks. An empty database gets them all at once, from the SQL the migrations themselves
/// generate (<c>dotnet ef migrations script</c>, stored per provider beside its migrations by scripts/compiled-models.sh):
/// <c>Migrate</c> first builds every migration's target model from its designer file, 3.5 s of CPU on a new site, only to
/// write these statements. The script holds the same statements in the same transactions and the history rows, so a
/// database it made takes later migrations as usual; a script older than the last migration only leaves the newer ones
/// to <c>Migrate</c>. MigrationScriptTests keeps the scripts current and compares the schemas both ways give.
/// </summary>
public static class MigrationScripts
{
    /// <summary>EF Core's history table: the contexts keep its default name.</summary>
    private const string HistoryTable = "__EFMigrationsHistory";

    /// <returns>Whether anything was applied.</returns>
    public static async Task<bool> ApplyPendingAsync(CchcDbContext db, CancellationToken ct)
    {
        var applied = await AppliedAsync(db, ct);
        var scripted = applied.Count == 0;
        if (scripted)
        {
            await ExecuteAsync(db, Read(ProviderOf(db)), ct);
            applied = await AppliedAsync(db, ct);
        }
        // The context's migrations by id, found by reflection over this assembly, as Migrate finds them.
        if (db.GetService<IMigrationsAssembly>().Migrations.Keys.All(applied.Contains))
            return scripted;
        await db.Database.MigrateAsync(ct);
        return true;
    }

    /// <summary>
    /// The ids in the history table, none when it does not exist yet. Read with one command rather than EF Core's
    /// <c>GetAppliedMigrations</c>, whose history repository first builds a model of its own for the table: a third of a
    /// second of an existing database's start, which spends no other time on migrations.
    /// </summary>
    private static async Task<HashSet<string>> AppliedAsync(CchcDbContext db, CancellationToken ct)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            // The table as an unqualified name finds it, in the schema the migrations created it in.
            command.CommandText = db.Database.IsNpgsql()
                ? $"SELECT to_regclass('\"{HistoryTable}\"') IS NOT NULL"
                : $"SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = '{HistoryTable}'";
            if (!Convert.ToBoolean(await command.ExecuteScalarAsync(ct)))
                return applied;
            command.CommandText = $"""SELECT "MigrationId" FROM "{HistoryTable}" """;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                applied.Add(reader.GetString(0));
            return applied;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The folder (and resource) name of the context's provider: Sqlite or Postgres.</summary>
    public static string ProviderOf(CchcDbContext db) => db.Database.IsNpgsql() ? "Postgres" : "Sqlite";

    /// <summary>The stored script of one provider, as <c>dotnet ef migrations script</c> wrote it.</summary>
    public static string Read(string provider)
    {
        using var stream = typeof(MigrationScripts).Assembly.GetManifestResourceStream($"CchcSite.Content.Data.Migrations.{provider}.sql")
                           ?? throw new InvalidOperationException($"The migration script of {provider} is not embedded.");
        // The reader drops the byte order mark dotnet ef writes.
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// One command of many statements: the script's own BEGIN and COMMIT make its transactions, as Migrate's do. Read
    /// through each statement's result: SQLite's ExecuteNonQuery ends quietly at a statement that fails.
    /// </summary>
    private static async Task ExecuteAsync(CchcDbContext db, string script, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = script;
            command.CommandTimeout = 0;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.NextResultAsync(ct))
            {
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
