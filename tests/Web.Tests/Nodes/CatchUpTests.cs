using System.Diagnostics;
using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CchcSite.Web.Tests.Nodes;

/// <summary>
/// A node that was down while another published catches up before it serves. Prints how long a cold node and a late node
/// take to be ready, for docs/perf.md ("Several nodes"); the test asserts what they found, never how fast.
/// </summary>
public sealed class CatchUpTests(ITestOutputHelper output)
{
    private const int Changes = 1000;

    [Fact]
    public async Task A_node_started_after_1000_changes_on_another_serves_all_of_them()
    {
        await using var shared = await SharedDatabase.CreateAsync();
        using var a = new NodeSite(shared, "a");

        var cold = Stopwatch.StartNew();
        new NodeSite(shared, "b").Dispose();
        output.WriteLine($"Cold node (empty index, seeded site of {await a.WithDbAsync(db => db.Posts.CountAsync(p => p.Status == PostStatus.Published))} published posts): ready in {cold.Elapsed.TotalSeconds:F1} s");

        // Posts a citizen can find now: published, and inside their publication window.
        var now = DateTime.UtcNow;
        var ids = await a.WithDbAsync(db => db.Posts
            .Where(p => p.Status == PostStatus.Published && p.PublishAt <= now && (p.UnpublishAt == null || p.UnpublishAt > now))
            .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        var run = Guid.NewGuid().ToString("N")[..6];
        string Word(int change) => $"muon{run}x{change:D4}";
        var lastWordOf = new Dictionary<int, string>();
        for (var change = 0; change < Changes; change++)
        {
            var id = ids[change % ids.Count];
            lastWordOf[id] = Word(change);
            await a.WithDbAsync(async db =>
            {
                var post = await db.Posts.SingleAsync(p => p.Id == id);
                post.Summary = $"Cập nhật lần thứ {change} {Word(change)}";
                return await db.SaveChangesAsync();
            });
        }

        var late = Stopwatch.StartNew();
        using var b = new NodeSite(shared, "b");
        output.WriteLine($"Late node ({Changes} outbox rows behind): ready in {late.Elapsed.TotalSeconds:F1} s");

        using var browser = new NodeBrowser();
        var atB = browser.At(b.Origin);
        var missing = new List<int>();
        foreach (var (id, word) in lastWordOf)
        {
            if (await NodeBrowser.SearchCountAsync(atB, word) != 1)
                missing.Add(id);
        }
        Assert.True(missing.Count == 0, $"The late node's index lacks the last change to posts {string.Join(", ", missing)}.");
        // The first change was overwritten by a later one to the same post: its words are gone from the index.
        Assert.Equal(0, await NodeBrowser.SearchCountAsync(atB, Word(0)));
    }
}
