using System.Diagnostics;
using CchcSite.Content.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CchcSite.Web.Backups;

/// <summary>
/// PostgreSQL: <c>pg_dump</c> in its custom format (one snapshot, taken while the nodes keep serving) and
/// <c>pg_restore</c> in one transaction. Ownership and grants are left out, so the copy restores under whichever
/// role the site uses on the other server.
/// </summary>
public sealed class PostgresDatabaseCopy(IServiceScopeFactory scopes, IConfiguration configuration, IOptions<BackupOptions> options) : IDatabaseCopy
{
    public string FileName => "database.pgdump";

    private NpgsqlConnectionStringBuilder Connection =>
        new(configuration.GetConnectionString(ContentDatabase.ConnectionStringName));

    public Task BackupAsync(string file, CancellationToken ct) =>
        RunAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", file], ct);

    public async Task<int> CountTablesAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CchcDbContext>();
        return await db.Database.SqlQuery<int>(
                $"SELECT count(*)::int AS \"Value\" FROM pg_catalog.pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
            .SingleAsync(ct);
    }

    public Task RestoreAsync(string file, CancellationToken ct) =>
        RunAsync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname", Connection.Database!, file], ct);

    private async Task RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(Find(tool)) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // The connection goes in libpq's variables: a password on the command line would be in every `ps` listing.
        foreach (var (name, value) in Environment(Connection))
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new BackupFailure($"Không chạy được {start.FileName}.");
        var errors = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new BackupFailure($"{tool} dừng với mã {process.ExitCode}: {errors.Trim()}");
    }

    private static IEnumerable<(string Name, string? Value)> Environment(NpgsqlConnectionStringBuilder connection)
    {
        yield return ("PGHOST", connection.Host);
        yield return ("PGPORT", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("PGDATABASE", connection.Database);
        yield return ("PGUSER", connection.Username);
        yield return ("PGPASSWORD", connection.Password);
        yield return ("PGPASSFILE", connection.Passfile);
        yield return ("PGSSLMODE", connection.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        });
    }

    /// <summary>The tool in Backup:PostgresBinPath, else on PATH, else in the newest /usr/lib/postgresql/*/bin (Debian's layout).</summary>
    private string Find(string tool)
    {
        if (options.Value.PostgresBinPath is { Length: > 0 } configured)
            return Path.Combine(configured, tool) is var path && File.Exists(path)
                ? path
                : throw new BackupFailure($"Không có {tool} trong {configured} (Backup:PostgresBinPath).");
        var onPath = (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, tool));
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(v => int.TryParse(Path.GetFileName(v), out var major) ? major : 0)
                .Select(version => Path.Combine(version, "bin", tool))
            : [];
        return onPath.Concat(debian).FirstOrDefault(File.Exists)
               ?? throw new BackupFailure($"Không tìm thấy {tool}: hãy cài gói postgresql-client (cùng phiên bản chính với máy chủ hoặc mới hơn) hoặc đặt Backup__PostgresBinPath.");
    }
}
