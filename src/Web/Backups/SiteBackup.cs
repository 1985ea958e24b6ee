using System.Reflection;
using CchcSite.Content.Data;
using CchcSite.Content.Media;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Backups;

/// <summary>
/// <c>--backup DIR</c>: the database, then the media files, then the manifest, into a new folder, while the site may be
/// serving. The database comes first: a stored file is never changed and is written before the row that names it, so
/// every file the copied database names is already there when the media are copied. The search index is not copied:
/// it is derived data, rebuilt by the restore.
/// </summary>
public sealed class SiteBackup(IServiceScopeFactory scopes, ContentDatabase database, IDatabaseCopy copy, IMediaStore media, TimeProvider clock)
{
    public async Task RunAsync(string folder, TextWriter output, CancellationToken ct)
    {
        var target = Path.GetFullPath(folder);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new BackupFailure($"Thư mục {target} đã có tệp. Hãy chọn một thư mục mới hoặc trống: bản sao lưu không ghi đè lên gì.");
        var migration = await LastMigrationAsync(ct)
                        ?? throw new BackupFailure("Cơ sở dữ liệu chưa được tạo (chưa có migration nào): không có gì để sao lưu.");
        Directory.CreateDirectory(target);
        var createdAt = clock.GetUtcNow();
        output.WriteLine($"Sao lưu trang ({database.Provider}, migration {migration}) vào {target}.");

        await copy.BackupAsync(Path.Combine(target, copy.FileName), ct);
        var databaseFile = BackupFile.Of(target, copy.FileName);
        output.WriteLine($"Đã sao lưu cơ sở dữ liệu ({MediaLibrary.FormatSize(databaseFile.Length)}).");

        var mediaFolder = Path.Combine(target, BackupManifest.MediaFolder);
        var paths = media.List().ToList();
        var files = new List<BackupFile>(paths.Count);
        var progress = new PercentProgress(output, paths.Count, "tệp media");
        foreach (var path in paths)
        {
            // Listed but gone: an unused file removed since; the copied database does not name it.
            await using var source = media.OpenRead(path);
            if (source is null)
                continue;
            var copyPath = Path.Combine(mediaFolder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(copyPath)!);
            await using (var file = File.Create(copyPath))
                await source.CopyToAsync(file, ct);
            files.Add(BackupFile.Of(mediaFolder, path));
            progress.Advance();
        }

        var manifest = new BackupManifest(BackupManifest.CurrentFormat, createdAt, database.Provider.ToString(), AppVersion, migration, databaseFile, files);
        await manifest.WriteAsync(target, ct);
        output.WriteLine($"Xong: bản sao lưu ở {target} (cơ sở dữ liệu và {files.Count} tệp media, {MediaLibrary.FormatSize(databaseFile.Length + files.Sum(f => f.Length))}).");
    }

    public static string AppVersion =>
        typeof(SiteBackup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private async Task<string?> LastMigrationAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CchcDbContext>();
        return (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault();
    }
}

/// <summary>Prints "n/total (p%)" at every tenth of the way, and at the end.</summary>
internal sealed class PercentProgress(TextWriter output, int total, string what)
{
    private int _done;
    private int _lastTenth = -1;

    public void Advance()
    {
        _done++;
        var percent = _done * 100 / total;
        if (percent / 10 == _lastTenth)
            return;
        _lastTenth = percent / 10;
        output.WriteLine($"Đã chép {_done}/{total} {what} ({percent}%).");
    }
}
