using CchcSite.Content.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Backups;

/// <summary>
/// SQLite: <c>VACUUM INTO</c> writes a compact copy from one read transaction, while other connections keep writing;
/// the restore copies it back page by page with SQLite's online backup API.
/// </summary>
public sealed class SqliteDatabaseCopy(IServiceScopeFactory scopes) : IDatabaseCopy
{
    public string FileName => "database.sqlite";

    public async Task BackupAsync(string file, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CchcDbContext>();
        await db.Database.ExecuteSqlAsync($"VACUUM INTO {file}", ct);
    }

    public async Task<int> CountTablesAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CchcDbContext>();
        return await db.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'table'").SingleAsync(ct);
    }

    public async Task RestoreAsync(string file, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CchcDbContext>();
        await db.Database.OpenConnectionAsync(ct);
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ConnectionString);
        await source.OpenAsync(ct);
        source.BackupDatabase((SqliteConnection)db.Database.GetDbConnection());
    }
}
