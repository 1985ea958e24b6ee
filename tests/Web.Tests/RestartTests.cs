using CchcSite.Testing;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests;

public class RestartTests
{
    [Fact]
    public async Task A_second_start_keeps_the_data_and_does_not_seed_twice()
    {
        var directory = Directory.CreateTempSubdirectory("cchc-restart-").FullName;
        int posts, units, files;
        using (var first = SiteFactory.OnDirectory(directory))
        {
            first.CreateClient();
            await first.WithDbAsync(async db =>
            {
                var post = await db.Posts.FirstAsync();
                post.Title = "Tiêu đề biên tập viên đã sửa";
                return await db.SaveChangesAsync();
            });
            posts = await first.WithDbAsync(db => db.Posts.CountAsync());
            units = await first.WithDbAsync(db => db.Units.CountAsync());
            files = Directory.GetFiles(Path.Combine(directory, "media"), "*", SearchOption.AllDirectories).Length;
        }
        try
        {
            using var second = SiteFactory.OnDirectory(directory);
            second.CreateClient();
            Assert.Equal(posts, await second.WithDbAsync(db => db.Posts.CountAsync()));
            Assert.Equal(units, await second.WithDbAsync(db => db.Units.CountAsync()));
            Assert.Equal(files, Directory.GetFiles(Path.Combine(directory, "media"), "*", SearchOption.AllDirectories).Length);
            Assert.True(await second.WithDbAsync(db => db.Posts.AnyAsync(p => p.Title == "Tiêu đề biên tập viên đã sửa")));
        }
        finally
        {
            SiteFactory.DeleteDirectory(directory);
        }
    }
}
