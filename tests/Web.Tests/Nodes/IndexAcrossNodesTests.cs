using CchcSite.Content.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Nodes;

public sealed class IndexAcrossNodesTests
{
    [Fact]
    public async Task A_cursor_never_skips_outbox_rows_whose_transactions_commit_out_of_id_order()
    {
        await using var nodes = await ContentNodes.CreateAsync();
        var unit = await nodes.AddUnitAsync("so-thu-tu");
        var indexer = nodes.NewIndexer();
        var ids = new System.Collections.Concurrent.ConcurrentBag<int>();

        // Each writer saves a post (its outbox row gets an id) and commits only after a random pause, while other writers
        // save and commit: with ids from a sequence alone, a later id would often commit first and the tailing node would
        // move its cursor past the earlier one for good.
        var writers = Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            var random = new Random(writer);
            for (var i = 0; i < 15; i++)
            {
                await using var db = nodes.NewContext();
                await using var transaction = await db.Context.Database.BeginTransactionAsync();
                var post = ContentNodes.NewPost(unit, $"Bài {writer}-{i} của người viết song song");
                db.Context.Posts.Add(post);
                await db.Context.SaveChangesAsync();
                await Task.Delay(random.Next(0, 25));
                await transaction.CommitAsync();
                ids.Add(post.Id);
            }
        })).ToList();
        var all = Task.WhenAll(writers);
        while (!all.IsCompleted)
            await nodes.ApplyAsync(indexer);
        await all;
        await nodes.ApplyAsync(indexer);

        Assert.Equal(120, ids.Count);
        Assert.All(ids, id => Assert.True(ContentNodes.Contains(indexer, id), $"Post {id} was skipped by the cursor."));
    }

    [Fact]
    public async Task A_rebuild_started_on_one_node_raises_the_generation_and_the_other_node_rebuilds()
    {
        await using var nodes = await ContentNodes.CreateAsync();
        var unit = await nodes.AddUnitAsync("so-the-he");
        int postId;
        await using (var db = nodes.NewContext())
        {
            var post = ContentNodes.NewPost(unit, "Bài viết trước khi xây lại");
            db.Context.Posts.Add(post);
            await db.Context.SaveChangesAsync();
            postId = post.Id;
        }
        var a = nodes.NewIndexer();
        var b = nodes.NewIndexer();
        await nodes.ApplyAsync(a);
        await nodes.ApplyAsync(b);
        // B's index has drifted (say, a document lost): only a rebuild brings it back, the outbox has nothing new.
        b.Index.Delete(SearchDocument.IdOf(postId));
        b.Index.Commit(b.Index.AppliedOutboxId);
        Assert.False(ContentNodes.Contains(b, postId));

        await using (var db = nodes.NewContext())
            await a.RebuildAsync(db.Context, null, CancellationToken.None);
        await using (var db = nodes.NewContext())
            Assert.Equal(1, (await db.Context.SearchState.SingleAsync()).Generation);
        Assert.Equal(1, a.Index.Generation);
        Assert.Equal(0, b.Index.Generation);

        await nodes.ApplyAsync(b);
        Assert.Equal(1, b.Index.Generation);
        Assert.True(ContentNodes.Contains(b, postId));
    }

    [Fact]
    public async Task A_node_whose_cursor_is_behind_the_cleaned_up_outbox_rebuilds()
    {
        await using var nodes = await ContentNodes.CreateAsync();
        var unit = await nodes.AddUnitAsync("so-don-dep");
        var a = nodes.NewIndexer();
        var b = nodes.NewIndexer();
        await nodes.ApplyAsync(a);
        await nodes.ApplyAsync(b);
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            await using var db = nodes.NewContext();
            var post = ContentNodes.NewPost(unit, $"Bài viết khi máy B dừng {i}");
            db.Context.Posts.Add(post);
            await db.Context.SaveChangesAsync();
            ids.Add(post.Id);
        }
        await nodes.ApplyAsync(a);
        long pruned;
        await using (var db = nodes.NewContext())
        {
            Assert.Equal(3, await a.PruneOutboxAsync(db.Context, DateTime.UtcNow.AddMinutes(1), CancellationToken.None));
            pruned = (await db.Context.SearchState.SingleAsync()).PrunedThroughOutboxId;
        }
        Assert.Equal(a.Index.AppliedOutboxId, pruned);

        await nodes.ApplyAsync(b);
        Assert.True(b.Index.AppliedOutboxId >= pruned);
        Assert.All(ids, id => Assert.True(ContentNodes.Contains(b, id), $"Post {id} missed by the node that was behind."));
    }
}
