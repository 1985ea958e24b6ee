using CchcSite.Content;
using CchcSite.Content.Data;
using CchcSite.Content.Posts;
using CchcSite.Content.Search;
using CchcSite.Content.Units;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Web.Tests.Nodes;

/// <summary>
/// The content services of a site on the shared PostgreSQL database, as a node registers them, and the search indexers of
/// as many nodes as a test wants, each over an index of its own in memory.
/// </summary>
public sealed class ContentNodes : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ContentNodes(SharedDatabase shared)
    {
        Shared = shared;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Site:MediaPath"] = shared.MediaPath })
            .Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddCchcContent(ContentDatabase.Postgres(shared.ConnectionString))
            .BuildServiceProvider();
    }

    public SharedDatabase Shared { get; }

    public static async Task<ContentNodes> CreateAsync()
    {
        var nodes = new ContentNodes(await SharedDatabase.CreateAsync());
        await using var db = nodes.NewContext();
        await db.Context.Database.MigrateAsync();
        return nodes;
    }

    /// <summary>A context in a scope of its own, disposed with it.</summary>
    public ScopedContext NewContext() => new(_services.CreateAsyncScope());

    /// <summary>A node's indexer, over an empty index of its own, as the site builds it.</summary>
    public SearchIndexer NewIndexer() =>
        ActivatorUtilities.CreateInstance<SearchIndexer>(_services, SearchIndex.Open(new RAMDirectory()));

    public async Task<Unit> AddUnitAsync(string slug)
    {
        await using var db = NewContext();
        var unit = new Unit { Slug = slug, Name = $"Đơn vị {slug}", ShortName = slug, Kind = UnitKind.Department };
        db.Context.Units.Add(unit);
        await db.Context.SaveChangesAsync();
        return unit;
    }

    public static Post NewPost(Unit unit, string title) => new()
    {
        UnitId = unit.Id, Slug = CchcSite.Content.Text.Slug.From(title) + "-" + Guid.NewGuid().ToString("N")[..6], Title = title,
        BodyMarkdown = "Nội dung bài viết.", Kind = PostKind.Article, Status = PostStatus.Published,
        PublishAt = DateTime.UtcNow.AddDays(-1), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Version = Guid.NewGuid(),
    };

    public static bool Contains(SearchIndexer indexer, int postId) =>
        indexer.Index.Search(searcher => searcher.Search(new TermQuery(new Term(SearchFields.Id, SearchDocument.IdOf(postId))), 2).TotalHits) == 1;

    public async Task<int> ApplyAsync(SearchIndexer indexer)
    {
        await using var db = NewContext();
        return await indexer.ApplyOutboxAsync(db.Context, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Shared.DisposeAsync();
    }

    public sealed class ScopedContext(AsyncServiceScope scope) : IAsyncDisposable
    {
        public CchcDbContext Context { get; } = scope.ServiceProvider.GetRequiredService<CchcDbContext>();

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
