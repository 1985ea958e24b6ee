using CchcSite.Content.Data;
using CchcSite.Content.Media;
using CchcSite.Content.Text;
using CchcSite.Web.Hosting;
using CchcSite.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Backups;

/// <summary>
/// <c>--restore DIR</c>, with the site stopped: checks the whole backup against its manifest, refuses a site that already
/// has data, then restores the database and the media files, migrates the database to this version and builds the
/// search index.
/// </summary>
public sealed class SiteRestore(IServiceProvider services, ContentDatabase database, IDatabaseCopy copy, MediaStore media)
{
    public async Task RunAsync(string folder, TextWriter output, CancellationToken ct)
    {
        var source = Path.GetFullPath(folder);
        var manifest = await BackupManifest.ReadAsync(source, ct);
        output.WriteLine($"Khôi phục bản sao lưu {source} ({manifest.Provider}, tạo lúc {VietnamTime.FormatDateTime(manifest.CreatedAt.UtcDateTime)}, phiên bản {manifest.AppVersion}).");
        await CheckBackupAsync(manifest, source, ct);
        output.WriteLine($"Bản sao lưu nguyên vẹn: cơ sở dữ liệu và {manifest.Media.Count} tệp media khớp kích thước và mã băm.");
        await CheckSiteIsEmptyAsync(ct);

        await copy.RestoreAsync(Path.Combine(source, manifest.Database.Path), ct);
        output.WriteLine("Đã khôi phục cơ sở dữ liệu.");
        var mediaFolder = Path.Combine(source, BackupManifest.MediaFolder);
        var progress = new PercentProgress(output, manifest.Media.Count, "tệp media");
        foreach (var file in manifest.Media)
        {
            await using var content = File.OpenRead(Path.Combine(mediaFolder, file.Path));
            await media.PutAsync(file.Path, content, ct);
            progress.Advance();
        }

        // A backup of an older version gets this version's migrations; it has units, so nothing is seeded.
        await services.MigrateAndSeedAsync(services.GetRequiredService<IConfiguration>(), ct);
        await services.RebuildSearchIndexAsync(output, ct);
        output.WriteLine($"Xong: trang đã được khôi phục từ {source}.");
    }

    private async Task CheckBackupAsync(BackupManifest manifest, string source, CancellationToken ct)
    {
        if (manifest.Provider != database.Provider.ToString())
            throw new BackupFailure($"Bản sao lưu là của {manifest.Provider}, còn trang này dùng {database.Provider} (Database:Provider): chỉ khôi phục được vào cùng loại cơ sở dữ liệu.");
        await using (var scope = services.CreateAsyncScope())
        {
            var known = scope.ServiceProvider.GetRequiredService<CchcDbContext>().Database.GetMigrations();
            if (!known.Contains(manifest.Migration))
                throw new BackupFailure($"Bản sao lưu có migration {manifest.Migration}, phiên bản này không biết: nó được tạo bởi phiên bản mới hơn ({manifest.AppVersion}). Hãy khôi phục bằng phiên bản đó.");
        }
        var mediaFolder = Path.Combine(source, BackupManifest.MediaFolder);
        var broken = manifest.Media.Where(f => !f.IsIntactIn(mediaFolder)).Select(f => $"{BackupManifest.MediaFolder}/{f.Path}")
            .Prepend(manifest.Database.IsIntactIn(source) ? null : manifest.Database.Path)
            .OfType<string>().ToList();
        ct.ThrowIfCancellationRequested();
        if (broken.Count > 0)
            throw new BackupFailure($"Bản sao lưu bị thiếu hoặc hỏng ({broken.Count} tệp không khớp kích thước hay mã băm trong {BackupManifest.FileName}): {string.Join(", ", broken.Take(5))}{(broken.Count > 5 ? ", …" : "")}. Không có gì được khôi phục.");
    }

    private async Task CheckSiteIsEmptyAsync(CancellationToken ct)
    {
        if (await copy.CountTablesAsync(ct) is var tables and > 0)
            throw new BackupFailure($"Cơ sở dữ liệu của trang đã có dữ liệu ({tables} bảng): chỉ khôi phục vào một trang trống. Hãy tạo một cơ sở dữ liệu mới (SQLite: một tệp mới) và trỏ ConnectionStrings__Cchc tới nó. Không có gì được khôi phục.");
        if (media.List().Any())
            throw new BackupFailure($"Thư mục media {media.Root} đã có tệp: chỉ khôi phục vào một trang trống. Hãy dùng một thư mục trống (Site__MediaPath). Không có gì được khôi phục.");
    }
}
