using CchcSite.Content.Categories;
using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Search;
using CchcSite.Content.Units;
using Lucene.Net.Store;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Tests.Search;

/// <summary>A small controlled corpus: an in-memory database, an index on a directory of the test's choosing, the real indexer.</summary>
public sealed class SearchTestSite : IAsyncDisposable
{
    private SearchTestSite(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }
    public SearchIndex Index { get; private set; } = null!;
    public SearchIndexer Indexer { get; private set; } = null!;
    public DateTime Now => Database.Clock.GetUtcNow().UtcDateTime;

    public static async Task<SearchTestSite> CreateAsync(Lucene.Net.Store.Directory? directory = null)
    {
        var site = new SearchTestSite(await TestDatabase.CreateAsync());
        site.OpenIndex(directory ?? new RAMDirectory());
        return site;
    }

    /// <summary>
    /// Opens an index on the directory, as a new process would after the previous one stopped; the services that use
    /// it come from the site's registrations with this index in place of the configured one.
    /// </summary>
    public void OpenIndex(Lucene.Net.Store.Directory directory)
    {
        Index = SearchIndex.Open(directory);
        Indexer = ActivatorUtilities.CreateInstance<SearchIndexer>(Database.Services, Index);
    }

    public async Task<Unit> AddUnitAsync(string slug, Unit? parent = null) => await Database.AddUnitAsync(slug, parent);

    public async Task<Category> AddCategoryAsync(string slug)
    {
        await using var db = Database.NewContext();
        var category = new Category { Slug = slug, Name = $"Lĩnh vực {slug}" };
        db.Categories.Add(category);
        await db.SaveChangesAsync();
        return category;
    }

    public async Task<Post> AddPostAsync(Unit unit, string title, string body = "Nội dung bài viết.", string? summary = null,
        PostKind kind = PostKind.Article, string? number = null, DateTime? publishAt = null, DateTime? unpublishAt = null,
        PostStatus status = PostStatus.Published, Category? category = null, DateOnly? issuedOn = null)
    {
        await using var db = Database.NewContext();
        var post = new Post
        {
            UnitId = unit.Id, Slug = Text.Slug.From(title) + "-" + Guid.NewGuid().ToString("N")[..6], Title = title, Summary = summary,
            BodyMarkdown = body, Kind = kind, Status = status, PublishAt = publishAt ?? Now.AddDays(-1), UnpublishAt = unpublishAt,
            CategoryId = category?.Id, CreatedAt = Now, UpdatedAt = Now, Version = Guid.NewGuid(),
            Document = number is null ? null : new DocumentInfo { Number = number, Type = DocumentType.Plan, Issuer = "Ủy ban nhân dân tỉnh", IssuedOn = issuedOn },
        };
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return post;
    }

    public async Task<int> ApplyOutboxAsync()
    {
        await using var db = Database.NewContext();
        return await Indexer.ApplyOutboxAsync(db, CancellationToken.None);
    }

    public async Task<SearchResults> SearchAsync(string text, PostFilter? filter = null, SearchSort sort = SearchSort.Relevance)
    {
        Assert.True(UserQuery.TryParse(text, out var query, out var error), error);
        await using var db = Database.NewContext();
        var search = ActivatorUtilities.CreateInstance<PostSearch>(Database.Get<IServiceProvider>(db), Index);
        return await search.SearchAsync(query, filter ?? new PostFilter { Page = new PageRequest(1, PageRequest.MaxSize) }, sort, CancellationToken.None);
    }

    public async Task<List<string>> TitlesAsync(string text, PostFilter? filter = null, SearchSort sort = SearchSort.Relevance) =>
        (await SearchAsync(text, filter, sort)).Hits.Items.Select(h => h.Post.Title).ToList();

    public async ValueTask DisposeAsync()
    {
        Index.Dispose();
        await Database.DisposeAsync();
    }
}
