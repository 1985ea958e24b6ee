using CchcSite.Content.Data;
using CchcSite.Content.Posts;
using CchcSite.Content.Rendering;
using CchcSite.Content.Units;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CchcSite.Content.Tests;

/// <summary>An in-memory SQLite database built by the real migrations, alive as long as this object.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2022, 6, 15, 3, 0, 0, TimeSpan.Zero));

    /// <summary>Every change set the contexts told their listeners, in the order the transactions committed.</summary>
    public List<ContentChangeSet> Committed { get; } = [];

    private readonly ContentChangeTracker _tracker;

    private TestDatabase() => _tracker = new ContentChangeTracker(Clock, [new Recorder(Committed)], NullLogger<ContentChangeTracker>.Instance);

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await database._connection.OpenAsync();
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public CchcDbContext NewContext() => new(new DbContextOptionsBuilder<CchcDbContext>().UseSqlite(_connection).AddInterceptors(_tracker).Options);

    public PostEditing NewPostEditing(CchcDbContext db) => new(db, Clock, new Audit.AuditLog(db, Clock));

    public PublishedPosts NewPublishedPosts(CchcDbContext db) => new(db, new UnitDirectory(db), new MarkdownRenderer(), Clock);

    public async Task<Unit> AddUnitAsync(string slug, Unit? parent = null)
    {
        await using var db = NewContext();
        var unit = new Unit { Slug = slug, Name = $"Đơn vị {slug}", ShortName = slug, Kind = UnitKind.Department, ParentId = parent?.Id };
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        return unit;
    }

    public async Task<Post> AddPostAsync(Unit unit, string slug, PostStatus status, DateTime? publishAt,
        DateTime? unpublishAt = null, PostKind kind = PostKind.Article)
    {
        await using var db = NewContext();
        var post = new Post
        {
            UnitId = unit.Id, Slug = slug, Title = $"Bài {slug}", Kind = kind, Status = status,
            PublishAt = publishAt, UnpublishAt = unpublishAt, BodyMarkdown = "Nội dung **cải cách hành chính**.",
            CreatedAt = Clock.GetUtcNow().UtcDateTime, UpdatedAt = Clock.GetUtcNow().UtcDateTime, Version = Guid.NewGuid(),
        };
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return post;
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private sealed class Recorder(List<ContentChangeSet> committed) : IContentChangeListener
    {
        public ValueTask ContentChangedAsync(ContentChangeSet changes, CancellationToken ct)
        {
            committed.Add(changes);
            return ValueTask.CompletedTask;
        }
    }
}
