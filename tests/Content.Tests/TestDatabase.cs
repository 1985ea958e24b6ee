using CchcSite.Content.Data;
using CchcSite.Content.Media;
using CchcSite.Content.Posts;
using CchcSite.Content.Search;
using CchcSite.Content.Units;
using Lucene.Net.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using CchcSite.Testing;

namespace CchcSite.Content.Tests;

/// <summary>
/// A database built by the real migrations — in-memory SQLite, or a PostgreSQL database of its own when the tests run on
/// PostgreSQL (<see cref="TestPostgres"/>) — and the content services over it as the site registers them
/// (<see cref="ContentServices.AddCchcContent"/>) on the test clock, with a media folder of their own; alive as long as
/// this object.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>On PostgreSQL every test database is a copy of one migrated in this test run, which is faster than migrating each.</summary>
    private static readonly Lazy<Task<string>> PostgresTemplate = new(CreatePostgresTemplateAsync);

    private readonly SqliteConnection? _connection;
    private readonly string? _postgresDatabase;
    private readonly ContentDatabase _database;
    private readonly string _media = System.IO.Directory.CreateTempSubdirectory("cchc-media-").FullName;
    private readonly ServiceProvider _services;
    /// <summary>The request scope each context came from, so that the services for that context share it.</summary>
    private readonly Dictionary<CchcDbContext, AsyncServiceScope> _scopes = new(ReferenceEqualityComparer.Instance);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2022, 6, 15, 3, 0, 0, TimeSpan.Zero));

    /// <summary>Every change set the contexts told their listeners, in the order the transactions committed.</summary>
    public List<ContentChangeSet> Committed { get; } = [];

    private TestDatabase(IReadOnlyDictionary<string, string?> settings, string? postgresDatabase)
    {
        if (postgresDatabase is null)
        {
            _connection = new SqliteConnection("Data Source=:memory:");
            _database = ContentDatabase.Sqlite(_connection);
        }
        else
        {
            _postgresDatabase = postgresDatabase;
            _database = ContentDatabase.Postgres(TestPostgres.ConnectionString(postgresDatabase));
        }
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Site:MediaPath"] = _media })
            .AddInMemoryCollection(settings)
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddCchcContent(_database);
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
        // The site's index is a folder; a test's lives in memory unless it opens one of its own (SearchTestSite).
        services.Replace(ServiceDescriptor.Singleton(_ => SearchIndex.Open(new RAMDirectory())));
        services.AddSingleton<IContentChangeListener>(new Recorder(Committed));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    /// <param name="settings">Configuration on top of the defaults, e.g. <c>["Questions:ResponseWorkingDays"] = "2"</c>.</param>
    public static async Task<TestDatabase> CreateAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        if (TestPostgres.Enabled)
        {
            var name = TestPostgres.NewName("cchc_test");
            await TestPostgres.CreateDatabaseAsync(name, await PostgresTemplate.Value);
            return new TestDatabase(settings ?? new Dictionary<string, string?>(), name);
        }
        return await CreateSqliteAsync(settings);
    }

    /// <summary>On SQLite whatever the tests run on: a test of SQLite's own migration history.</summary>
    public static async Task<TestDatabase> CreateSqliteAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = new TestDatabase(settings ?? new Dictionary<string, string?>(), null);
        await database._connection!.OpenAsync();
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        return database;
    }

    private static async Task<string> CreatePostgresTemplateAsync()
    {
        var name = TestPostgres.NewName("cchc_template");
        // No pooling: a template must have no connection left open when it is copied.
        var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(await TestPostgres.CreateDatabaseAsync(name)) { Pooling = false }.ConnectionString;
        await using var services = new ServiceCollection().AddLogging().AddCchcContent(ContentDatabase.Postgres(connectionString)).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CchcDbContext>().Database.MigrateAsync();
        return name;
    }

    /// <summary>
    /// A context on this database outside the container, with only the given interceptors: a test of what a context does
    /// with another tracker, or without one.
    /// </summary>
    public CchcDbContext NewContextWith(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors) => _connection is not null
        ? new SqliteContentContext(new DbContextOptionsBuilder<SqliteContentContext>().UseSqlite(_connection).AddInterceptors(interceptors).Options)
        : new PostgresContentContext(new DbContextOptionsBuilder<PostgresContentContext>()
            .UseNpgsql(TestPostgres.ConnectionString(_postgresDatabase!)).AddInterceptors(interceptors).Options);

    /// <summary>The site's singletons: settings, the media store, the indexer.</summary>
    public IServiceProvider Services => _services;

    public MediaStore Media => _services.GetRequiredService<MediaStore>();

    /// <summary>A context in a scope of its own, as one request has; <see cref="Get{T}"/> gives the services of that scope.</summary>
    public CchcDbContext NewContext()
    {
        var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CchcDbContext>();
        _scopes.Add(db, scope);
        return db;
    }

    /// <summary>A content service working on this context, built by the container as the site builds it.</summary>
    public T Get<T>(CchcDbContext db) where T : notnull => _scopes[db].ServiceProvider.GetRequiredService<T>();

    public PostEditing NewPostEditing(CchcDbContext db) => Get<PostEditing>(db);

    public PublishedPosts NewPublishedPosts(CchcDbContext db) => Get<PublishedPosts>(db);

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

    public async ValueTask DisposeAsync()
    {
        foreach (var scope in _scopes.Values)
            await scope.DisposeAsync();
        await _services.DisposeAsync();
        if (_connection is not null)
            await _connection.DisposeAsync();
        if (_postgresDatabase is not null)
            await TestPostgres.DropDatabaseAsync(_postgresDatabase);
        System.IO.Directory.Delete(_media, recursive: true);
    }

    private sealed class Recorder(List<ContentChangeSet> committed) : IContentChangeListener
    {
        public ValueTask ContentChangedAsync(ContentChangeSet changes, CancellationToken ct)
        {
            committed.Add(changes);
            return ValueTask.CompletedTask;
        }
    }
}
