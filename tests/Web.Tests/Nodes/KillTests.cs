using System.Collections.Concurrent;
using Npgsql;

namespace CchcSite.Web.Tests.Nodes;

public sealed class KillTests
{
    private const string Unit = SeedFacts.Units.SoTaiChinhSocTrang;
    private const int Posts = 200;

    [Fact]
    public async Task A_node_killed_while_publishing_catches_up_with_every_committed_post_exactly_once()
    {
        await using var shared = await SharedDatabase.CreateAsync();
        var settings = shared.NodeSettings("a");
        var run = Guid.NewGuid().ToString("N")[..6];
        string Word(int i) => $"kt{run}n{i:D3}";
        var attempted = new ConcurrentBag<int>();

        using (var node = NodeProcess.Start(settings))
        {
            await node.WaitReadyAsync(TimeSpan.FromMinutes(3));
            using var browser = new NodeBrowser();
            var editor = browser.At(node.Origin);
            await NodeBrowser.SignInAsync(editor);
            var published = 0;
            var publishing = Task.Run(async () =>
            {
                for (var i = 0; i < Posts; i++)
                {
                    attempted.Add(i);
                    try
                    {
                        await NodeBrowser.PublishAsync(editor, Unit, $"Bài kiểm tra tắt đột ngột {Word(i)}");
                        Interlocked.Increment(ref published);
                    }
                    catch (Exception e) when (e is HttpRequestException or IOException)
                    {
                        return;
                    }
                }
            });
            while (Volatile.Read(ref published) < Posts / 2)
                await Task.Delay(10);
            // kill -9 in the middle of the loop: a request may be anywhere between its first save and its commit.
            node.Kill();
            await publishing;
            Assert.True(attempted.Count < Posts, "The node was killed after the loop ended.");
        }

        using var restarted = NodeProcess.Start(settings);
        await restarted.WaitReadyAsync(TimeSpan.FromMinutes(3));
        var committed = await PublishedTitlesAsync(shared.ConnectionString, run);
        Assert.True(committed.Count >= Posts / 2, $"Only {committed.Count} posts were committed.");
        using var reader = new NodeBrowser();
        var citizen = reader.At(restarted.Origin);
        foreach (var i in attempted)
        {
            var expected = committed.Any(t => t.EndsWith(Word(i), StringComparison.Ordinal)) ? 1 : 0;
            Assert.True(expected == await NodeBrowser.SearchCountAsync(citizen, Word(i)),
                $"Post {Word(i)}: {(expected == 1 ? "committed, so it must be found exactly once" : "never committed, so it must not be found")}.");
        }
    }

    /// <summary>What the database says was published: the truth the restarted node's index must match.</summary>
    private static async Task<List<string>> PublishedTitlesAsync(string connectionString, string run)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("""SELECT "Title" FROM "Posts" WHERE "Status" = 'Published' AND "Title" LIKE @run""", connection);
        query.Parameters.AddWithValue("run", $"%kt{run}n%");
        var titles = new List<string>();
        await using var rows = await query.ExecuteReaderAsync();
        while (await rows.ReadAsync())
            titles.Add(rows.GetString(0));
        return titles;
    }
}
