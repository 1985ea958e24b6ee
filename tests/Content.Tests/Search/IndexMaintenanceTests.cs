using CchcSite.Content.Posts;
using CchcSite.Content.Search;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Tests.Search;

public class IndexMaintenanceTests
{
    [Fact]
    public async Task Adding_editing_attaching_tagging_and_deleting_each_write_an_outbox_row_in_the_same_save()
    {
        await using var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("so-a");
        var post = await site.AddPostAsync(unit, "Bài đầu tiên");
        await using var db = site.Database.NewContext();
        async Task<List<int>> NewRowsAsync(long after) =>
            await db.SearchOutbox.Where(o => o.Id > after).Select(o => o.PostId!.Value).ToListAsync();
        var last = await db.SearchOutbox.MaxAsync(o => o.Id);
        Assert.Equal([post.Id], await db.SearchOutbox.Select(o => o.PostId!.Value).ToListAsync());

        var tracked = await db.Posts.Include(p => p.Tags).SingleAsync(p => p.Id == post.Id);
        tracked.Title = "Bài đã sửa";
        await db.SaveChangesAsync();
        Assert.Equal([post.Id], await NewRowsAsync(last));
        last = await db.SearchOutbox.MaxAsync(o => o.Id);

        tracked.Tags.Add(new Tag { Slug = "moi", Name = "mới" });
        await db.SaveChangesAsync();
        Assert.Equal([post.Id], await NewRowsAsync(last));
        last = await db.SearchOutbox.MaxAsync(o => o.Id);

        db.Units.Single(u => u.Id == unit.Id).Name = "Đổi tên đơn vị";
        await db.SaveChangesAsync();
        Assert.Empty(await NewRowsAsync(last));

        db.Posts.Remove(tracked);
        db.SaveChanges();
        Assert.Equal([post.Id], await NewRowsAsync(last));
    }

    [Fact]
    public async Task A_failed_save_writes_no_outbox_row()
    {
        await using var site = await SearchTestSite.CreateAsync();
        await using var db = site.Database.NewContext();
        db.Posts.Add(new Post { UnitId = 999, Slug = "x", Title = "Không có đơn vị", Version = Guid.NewGuid() });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        await using var fresh = site.Database.NewContext();
        Assert.Empty(await fresh.SearchOutbox.ToListAsync());
    }

    [Fact]
    public async Task Applying_the_outbox_adds_updates_and_removes_documents()
    {
        await using var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("so-a");
        var post = await site.AddPostAsync(unit, "Niêm yết thủ tục hành chính");
        await site.ApplyOutboxAsync();
        Assert.Single(await site.TitlesAsync("niêm yết"));

        await using (var db = site.Database.NewContext())
        {
            (await db.Posts.FindAsync(post.Id))!.Status = PostStatus.Unpublished;
            await db.SaveChangesAsync();
        }
        Assert.Equal(1, await site.ApplyOutboxAsync());
        Assert.Empty(await site.TitlesAsync("niêm yết"));

        await using (var db = site.Database.NewContext())
        {
            db.Posts.Remove((await db.Posts.FindAsync(post.Id))!);
            await db.SaveChangesAsync();
        }
        await site.ApplyOutboxAsync();
        Assert.Equal(0, await site.ApplyOutboxAsync());
    }

    [Fact]
    public async Task Unpublished_and_deleted_posts_leave_the_hits_and_the_counts_of_a_word_already_searched_for()
    {
        await using var site = await SearchTestSite.CreateAsync();
        var first = await site.AddUnitAsync("so-a");
        var second = await site.AddUnitAsync("so-b");
        await site.AddPostAsync(first, "Cải cách tại sở A");
        await site.AddPostAsync(first, "Tin cải cách thứ hai");
        var practice = await site.AddPostAsync(second, "Mô hình cải cách hay", kind: PostKind.Practice);
        var other = await site.AddPostAsync(second, "Bản tin cải cách của sở B");
        await site.ApplyOutboxAsync();
        // The first search reads the words' documents once and keeps them for the segment, deleted documents included.
        AssertCounts(await site.SearchAsync("cải cách"), total: 4, articles: 3, practices: 1, inSecond: 2);
        Assert.Contains(practice.Id, IndexHitIds(site, "cải cách"));

        await SetStatusAsync(site, practice.Id, PostStatus.Unpublished);
        await site.ApplyOutboxAsync();
        // The segment that held the post is still there, with the post marked deleted: its kept sets still have it.
        Assert.Equal(1, site.Index.Search(searcher => searcher.IndexReader.NumDeletedDocs));
        AssertCounts(await site.SearchAsync("cải cách"), total: 3, articles: 3, practices: 0, inSecond: 1);
        Assert.DoesNotContain(practice.Id, IndexHitIds(site, "cải cách"));
        Assert.Equal(0, (await site.SearchAsync("cải cách", new PostFilter(Kind: PostKind.Practice))).Hits.TotalCount);

        await SetStatusAsync(site, practice.Id, PostStatus.Published);
        await site.ApplyOutboxAsync();
        AssertCounts(await site.SearchAsync("cải cách"), total: 4, articles: 3, practices: 1, inSecond: 2);
        Assert.Contains(practice.Id, IndexHitIds(site, "cải cách"));

        await using (var db = site.Database.NewContext())
        {
            db.Posts.Remove((await db.Posts.FindAsync(other.Id))!);
            await db.SaveChangesAsync();
        }
        await site.ApplyOutboxAsync();
        AssertCounts(await site.SearchAsync("cải cách"), total: 3, articles: 2, practices: 1, inSecond: 1);
        Assert.DoesNotContain(other.Id, IndexHitIds(site, "cải cách"));

        void AssertCounts(SearchResults results, int total, int articles, int practices, int inSecond)
        {
            Assert.Equal(total, results.Hits.TotalCount);
            Assert.Equal(total, results.Hits.Items.Count);
            Assert.Equal(articles, results.Kinds.SingleOrDefault(k => k.Kind == PostKind.Article)?.Count ?? 0);
            Assert.Equal(practices, results.Kinds.SingleOrDefault(k => k.Kind == PostKind.Practice)?.Count ?? 0);
            Assert.Equal(total - inSecond, results.Units.SingleOrDefault(u => u.Unit.Id == first.Id)?.Count ?? 0);
            Assert.Equal(inSecond, results.Units.SingleOrDefault(u => u.Unit.Id == second.Id)?.Count ?? 0);
        }
    }

    /// <summary>The post ids the index alone finds, before the database drops what it no longer shows.</summary>
    private static List<int> IndexHitIds(SearchTestSite site, string text)
    {
        Assert.True(UserQuery.TryParse(text, out var query, out _));
        return IndexSearch.Find(site.Index, new IndexCriteria(query, site.Now)).Hits.Select(h => h.Id).ToList();
    }

    private static async Task SetStatusAsync(SearchTestSite site, int postId, PostStatus status)
    {
        await using var db = site.Database.NewContext();
        (await db.Posts.FindAsync(postId))!.Status = status;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task After_a_crash_a_new_process_catches_up_from_the_outbox()
    {
        var path = System.IO.Directory.CreateTempSubdirectory("cchc-index-").FullName;
        try
        {
            await using var site = await SearchTestSite.CreateAsync(FSDirectory.Open(path));
            var unit = await site.AddUnitAsync("so-a");
            await site.AddPostAsync(unit, "Đường dây nóng tiếp nhận phản ánh");
            await site.ApplyOutboxAsync();
            var applied = site.Index.AppliedOutboxId;

            // The process dies after these commits to the database and before the worker applies them.
            await site.AddPostAsync(unit, "Đường dây nóng của sở");
            site.Index.Dispose();

            // Written with the site's codec, and found by its name when read again.
            var segments = new SegmentInfos();
            segments.Read(FSDirectory.Open(path));
            Assert.All(segments.Segments, segment => Assert.Equal("CchcStoredText46", segment.Info.Codec.Name));

            site.OpenIndex(FSDirectory.Open(path));
            Assert.False(site.Index.NeedsRebuild);
            Assert.Equal(applied, site.Index.AppliedOutboxId);
            Assert.Single(await site.TitlesAsync("đường dây nóng"));
            Assert.Equal(1, await site.ApplyOutboxAsync());
            Assert.Equal(2, (await site.TitlesAsync("đường dây nóng")).Count);
        }
        finally
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
    }

    [Theory]
    [InlineData("deleted")]
    [InlineData("emptied")]
    [InlineData("corrupt")]
    [InlineData("an older schema")]
    public async Task A_missing_or_corrupt_index_is_rebuilt_from_the_database(string damage)
    {
        var path = System.IO.Directory.CreateTempSubdirectory("cchc-index-").FullName;
        try
        {
            await using var site = await SearchTestSite.CreateAsync(FSDirectory.Open(path));
            var unit = await site.AddUnitAsync("so-a");
            await site.AddPostAsync(unit, "Chỉ số hài lòng SIPAS");
            await site.AddPostAsync(unit, "Chỉ số PAPI", status: PostStatus.Draft);
            await site.ApplyOutboxAsync();
            site.Index.Dispose();

            switch (damage)
            {
                case "deleted":
                    System.IO.Directory.Delete(path, recursive: true);
                    break;
                case "emptied":
                    foreach (var file in System.IO.Directory.GetFiles(path))
                        File.Delete(file);
                    break;
                case "corrupt":
                    foreach (var file in System.IO.Directory.GetFiles(path))
                        await File.WriteAllBytesAsync(file, [1, 2, 3, 4, 5, 6, 7, 8]);
                    break;
                default:
                    // A readable index as schema 9 wrote it (no title pairs), with its cursor.
                    foreach (var file in System.IO.Directory.GetFiles(path))
                        File.Delete(file);
                    using (var writer = new IndexWriter(FSDirectory.Open(path), new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.Keywords)))
                    {
                        writer.SetCommitData(new Dictionary<string, string> { ["schema"] = "9", ["outboxCursor"] = "1" });
                        writer.Commit();
                    }
                    break;
            }

            site.OpenIndex(FSDirectory.Open(path));
            Assert.True(site.Index.NeedsRebuild);
            Assert.Empty(await site.TitlesAsync("chỉ số"));

            var reports = new List<RebuildProgress>();
            await using (var db = site.Database.NewContext())
                await site.Indexer.RebuildAsync(db, new SynchronousProgress(reports), CancellationToken.None);

            Assert.False(site.Index.NeedsRebuild);
            Assert.Equal(new RebuildProgress(1, 1), reports[^1]);
            Assert.Equal(["Chỉ số hài lòng SIPAS"], await site.TitlesAsync("chỉ số"));
            Assert.Equal(0, await site.ApplyOutboxAsync());
        }
        finally
        {
            if (System.IO.Directory.Exists(path))
                System.IO.Directory.Delete(path, recursive: true);
        }
    }

    [Fact]
    public async Task A_rebuild_on_every_core_indexes_each_post_once_and_reports_rising_progress()
    {
        await using var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("so-a");
        const int posts = 450; // more than two batches of the rebuild, shared by the indexing threads
        for (var i = 1; i <= posts; i++)
            await site.AddPostAsync(unit, $"Đường dây nóng số {i}", $"Phản ánh, kiến nghị về thủ tục hành chính số {i}.");

        var reports = new List<RebuildProgress>();
        await using (var db = site.Database.NewContext())
            await site.Indexer.RebuildAsync(db, new SynchronousProgress(reports), CancellationToken.None);

        Assert.Equal(new RebuildProgress(posts, posts), reports[^1]);
        Assert.True(reports.Zip(reports.Skip(1), (a, b) => a.Indexed < b.Indexed).All(rising => rising));
        Assert.Equal(posts, (await site.SearchAsync("đường dây nóng")).Hits.TotalCount);
        Assert.Equal(["Đường dây nóng số 321"], await site.TitlesAsync("\"thủ tục hành chính số 321\""));
    }

    private sealed class SynchronousProgress(List<RebuildProgress> reports) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value) => reports.Add(value);
    }

    [Fact]
    public async Task Pruning_deletes_only_outbox_rows_the_index_has_applied_and_that_are_old_enough()
    {
        await using var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("so-a");
        var applied = await site.AddPostAsync(unit, "Bài đã vào chỉ mục");
        await site.ApplyOutboxAsync();
        var pending = await site.AddPostAsync(unit, "Bài chưa vào chỉ mục");
        await using var db = site.Database.NewContext();

        Assert.Equal(0, await site.Indexer.PruneOutboxAsync(db, site.Now.AddDays(-1), default));
        Assert.Equal(1, await site.Indexer.PruneOutboxAsync(db, site.Now.AddMinutes(1), default));

        Assert.Equal([pending.Id], await db.SearchOutbox.Select(o => o.PostId).ToListAsync());
        Assert.NotEqual(applied.Id, pending.Id);
    }
}
