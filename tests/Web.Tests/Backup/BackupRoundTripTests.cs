using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CchcSite.Content.Media;
using CchcSite.Testing;
using CchcSite.Web.Backups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Web.Tests.Backup;

/// <summary>
/// <c>--backup</c> and <c>--restore</c> as an operator runs them: the built site started as a process, on the database the
/// tests run on (SQLite, or PostgreSQL with pg_dump and pg_restore from CCHC_TEST_POSTGRES_BIN).
/// </summary>
public sealed class BackupRoundTripTests
{
    private const string NewTitle = "Sổ tay số hoá hồ sơ đã sửa trước khi sao lưu";

    [Fact]
    public async Task A_site_restored_into_an_empty_one_has_the_edited_post_the_uploaded_image_and_the_question()
    {
        var backup = Path.Combine(Path.GetTempPath(), "cchc-backup-" + Guid.NewGuid().ToString("N"));
        var target = Directory.CreateTempSubdirectory("cchc-restored-").FullName;
        try
        {
            int postId;
            MediaAsset image;
            byte[] imageBytes;
            string trackingCode;
            using (var source = new SiteFactory())
            {
                var client = source.CreateClient();
                postId = (await client.GetFromJsonAsync<JsonElement>("/api/v1/posts?pageSize=1")).GetProperty("items")[0].GetProperty("id").GetInt32();
                await source.WithDbAsync(async db =>
                {
                    (await db.Posts.SingleAsync(p => p.Id == postId)).Title = NewTitle;
                    return await db.SaveChangesAsync();
                });
                await using (var scope = source.Services.CreateAsyncScope())
                {
                    var unitId = await source.WithDbAsync(db => db.Units.Where(u => u.Slug == SeedFacts.Units.UbndThiXaNgaNam).Select(u => u.Id).SingleAsync());
                    var uploaded = await scope.ServiceProvider.GetRequiredService<MediaLibrary>()
                        .UploadAsync(unitId, "hoi-nghi.jpg", new MemoryStream(Media.MediaSite.Jpeg()), "Hội nghị triển khai sao lưu", CancellationToken.None);
                    image = Assert.IsType<Content.Outcomes.Outcome<MediaAsset>.Ok>(uploaded).Value;
                }
                imageBytes = await File.ReadAllBytesAsync(Path.Combine(source.DataDirectory, "media", image.StoragePath));
                var asked = await client.PostAsJsonAsync("/api/v1/questions", new
                {
                    unit = SeedFacts.Units.UbndThiXaNgaNam, name = "Lê Văn Sao", email = "sao@example.vn", category = "cai-cach-thu-tuc-hanh-chinh",
                    title = "Hồ sơ nộp trực tuyến có được lưu giữ bao lâu?", text = "Tôi muốn biết hồ sơ nộp qua cổng dịch vụ công được lưu bao lâu.",
                });
                Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
                trackingCode = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;

                // While the site is serving: the copy is taken online.
                var backedUp = await RunSiteAsync(source.DataDirectory, BackupServices.BackupCommand, backup);
                Assert.True(backedUp.ExitCode == 0, backedUp.Errors);
                Assert.Contains("Xong: bản sao lưu", backedUp.Output);
            }

            var manifest = await BackupManifest.ReadAsync(backup, CancellationToken.None);
            Assert.Equal(TestPostgres.Enabled ? "Postgres" : "Sqlite", manifest.Provider);
            Assert.NotEmpty(manifest.Migration);
            Assert.Contains(manifest.Media, f => f.Path == image.StoragePath && f.Length == imageBytes.Length);
            Assert.False(Directory.Exists(Path.Combine(backup, "search-index")));

            var restoredRun = await RunSiteAsync(target, BackupServices.RestoreCommand, backup);
            Assert.True(restoredRun.ExitCode == 0, restoredRun.Errors);
            Assert.Contains("Xong: chỉ mục tìm kiếm đã được xây dựng lại.", restoredRun.Output);
            Assert.Contains("Xong: trang đã được khôi phục", restoredRun.Output);

            using (var restored = SiteFactory.OnDirectory(target))
            {
                var client = restored.CreateClient();
                var post = await client.GetFromJsonAsync<JsonElement>($"/api/v1/posts/{postId}");
                Assert.Equal(NewTitle, post.GetProperty("card").GetProperty("title").GetString());
                var found = await client.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={Uri.EscapeDataString("\"sửa trước khi sao lưu\"")}");
                Assert.Equal([postId], found.GetProperty("hits").GetProperty("items").EnumerateArray().Select(h => h.GetProperty("post").GetProperty("id").GetInt32()));

                var asset = await restored.WithDbAsync(db => db.MediaAssets.SingleAsync(a => a.Id == image.Id));
                Assert.Equal(image.StoragePath, asset.StoragePath);
                Assert.Equal(imageBytes, await File.ReadAllBytesAsync(Path.Combine(target, "media", asset.StoragePath)));

                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/submissions/{trackingCode}")).StatusCode);
                Assert.Equal("Hồ sơ nộp trực tuyến có được lưu giữ bao lâu?",
                    await restored.WithDbAsync(db => db.Submissions.Where(s => s.TrackingCode == trackingCode).Select(s => s.Title).SingleAsync()));
            }

            // The restored site has data now: a second restore is refused, and says why.
            var again = await RunSiteAsync(target, BackupServices.RestoreCommand, backup);
            Assert.Equal(1, again.ExitCode);
            Assert.Contains("đã có dữ liệu", again.Errors);
        }
        finally
        {
            SiteFactory.DeleteDirectory(target);
            if (Directory.Exists(backup))
                Directory.Delete(backup, recursive: true);
        }
    }

    [Fact]
    public async Task A_damaged_backup_is_refused_before_anything_is_restored()
    {
        var backup = Path.Combine(Path.GetTempPath(), "cchc-backup-" + Guid.NewGuid().ToString("N"));
        var target = Directory.CreateTempSubdirectory("cchc-restored-").FullName;
        try
        {
            using (var source = new SiteFactory())
            {
                source.CreateClient();
                Assert.Equal(0, (await RunSiteAsync(source.DataDirectory, BackupServices.BackupCommand, backup)).ExitCode);
            }
            var manifest = await BackupManifest.ReadAsync(backup, CancellationToken.None);
            await File.AppendAllTextAsync(Path.Combine(backup, BackupManifest.MediaFolder, manifest.Media[0].Path), "x");

            var refused = await RunSiteAsync(target, BackupServices.RestoreCommand, backup);

            Assert.Equal(1, refused.ExitCode);
            Assert.Contains($"Bản sao lưu bị thiếu hoặc hỏng (1 tệp", refused.Errors);
            Assert.Contains(manifest.Media[0].Path, refused.Errors);
            Assert.False(Directory.Exists(Path.Combine(target, "media")));
        }
        finally
        {
            SiteFactory.DeleteDirectory(target);
            if (Directory.Exists(backup))
                Directory.Delete(backup, recursive: true);
        }
    }

    /// <summary>Runs the built site (the dll beside the tests) with <paramref name="args"/> on the data of <paramref name="dataDirectory"/>.</summary>
    private static async Task<(int ExitCode, string Output, string Errors)> RunSiteAsync(string dataDirectory, params string[] args)
    {
        using var process = SiteProcess.Start(dataDirectory,
            new Dictionary<string, string?> { ["Backup:PostgresBinPath"] = Environment.GetEnvironmentVariable("CCHC_TEST_POSTGRES_BIN") }, args);
        // A guard against a hung process, not a measure of speed.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var output = process.StandardOutput.ReadToEndAsync(guard.Token);
        var errors = process.StandardError.ReadToEndAsync(guard.Token);
        await process.WaitForExitAsync(guard.Token);
        return (process.ExitCode, await output, await errors);
    }
}
