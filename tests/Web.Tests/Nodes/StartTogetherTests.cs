using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Nodes;

public sealed class StartTogetherTests
{
    /// <summary>
    /// Without the set-up lock both would migrate and seed: the second seeding fails on the units' unique slugs and that
    /// node does not start, or the posts are there twice.
    /// </summary>
    [Fact]
    public async Task Two_nodes_started_at_once_on_an_empty_database_both_start_and_seed_it_once()
    {
        await using var shared = await SharedDatabase.CreateAsync();

        var starting = new[] { "a", "b" }.Select(node => Task.Run(() => new NodeSite(shared, node))).ToList();
        var nodes = await Task.WhenAll(starting);
        try
        {
            var counts = await nodes[0].WithDbAsync(async db => (
                Units: await db.Units.CountAsync(),
                DistinctPosts: await db.Posts.Select(p => new { p.UnitId, p.Slug }).Distinct().CountAsync(),
                Posts: await db.Posts.CountAsync()));
            // Every unit of seed/units.json, once.
            Assert.Equal(SeedUnitCount(), counts.Units);
            Assert.Equal(counts.DistinctPosts, counts.Posts);
            using var browser = new NodeBrowser();
            foreach (var node in nodes)
                Assert.True((await browser.At(node.Origin).GetAsync("/healthz/ready")).IsSuccessStatusCode);
        }
        finally
        {
            foreach (var node in nodes)
                node.Dispose();
        }
    }

    private static int SeedUnitCount()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CchcSite.sln")))
            dir = dir.Parent;
        var path = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("CchcSite.sln not found above the test binaries."), "seed", "units.json");
        return System.Text.Json.JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetArrayLength();
    }
}
