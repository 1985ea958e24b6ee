using System.Diagnostics;
using CchcSite.Content.Accounts;
using CchcSite.Web.Hosting;
using CchcSite.Web.Search;
using Microsoft.Extensions.Hosting;
using CchcSite.Content.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Testing;

/// <summary>
/// Runs the real site on its own database and media folder in a temporary directory, seeded from the repository's seed/
/// folder, exactly as a first start does. Each factory is an independent site. The database is a SQLite file in that
/// directory, or, when the tests run on PostgreSQL (<see cref="TestPostgres"/>), a database named after the directory.
/// </summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    private readonly bool _ownsDirectory;

    public SiteFactory()
    {
        DataDirectory = Directory.CreateTempSubdirectory("cchc-test-").FullName;
        _ownsDirectory = true;
    }

    protected SiteFactory(string dataDirectory) => DataDirectory = dataDirectory;

    /// <summary>A site on a directory the caller owns and deletes, so that it can be started again on the same data.</summary>
    public static SiteFactory OnDirectory(string dataDirectory) => new(dataDirectory);

    public string DataDirectory { get; }

    /// <summary>
    /// Whether the site has created or migrated its database: on SQLite the file exists; on PostgreSQL (where the test
    /// creates the empty database itself, as an operator would) it holds a table, e.g. the migrations history.
    /// </summary>
    public bool DatabaseCreated => TestPostgres.Enabled
        ? TestPostgres.HasTables(PostgresDatabaseOf(DataDirectory))
        : File.Exists(Path.Combine(DataDirectory, "cchc.db"));

    /// <summary>The site's PostgreSQL database: one per data directory, so that a site started again on it finds its data.</summary>
    public static string PostgresDatabaseOf(string dataDirectory) => "cchc_" + Path.GetFileName(dataDirectory.TrimEnd('/')).Replace('-', '_').ToLowerInvariant();

    /// <summary>The settings that put a site on the test database of <paramref name="dataDirectory"/>, for a test that starts the site as a process.</summary>
    public static IDictionary<string, string?> DatabaseSettings(string dataDirectory) => TestPostgres.Enabled
        ? new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Cchc"] = TestPostgres.CreateDatabase(PostgresDatabaseOf(dataDirectory)),
        }
        : new Dictionary<string, string?>
        {
            ["ConnectionStrings:Cchc"] = $"Data Source={Path.Combine(dataDirectory, "cchc.db")};Pooling=False",
        };

    /// <summary>Settings a test wants on top of the defaults, e.g. another seed folder.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in DatabaseSettings(DataDirectory))
            builder.UseSetting(key, value);
        builder.UseSetting("Site:MediaPath", Path.Combine(DataDirectory, "media"));
        builder.UseSetting("Search:IndexPath", Path.Combine(DataDirectory, "search-index"));
        // The test client's own address; a test of absolute links sets another one in Settings.
        builder.UseSetting("Site:PublicUrl", "http://localhost");
        // The index is built at once, as CreateHost waits for it before the first request.
        builder.UseSetting("BackgroundJobs:DelaySeconds", "0");
        // A test site left quiet would otherwise collect the whole test process's memory now and then.
        builder.UseSetting("IdleTrim:QuietSeconds", "0");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
    }

    /// <summary>Whether the start waits for the search index and the seed's later parts and sample data (<see cref="CreateHost"/>); false for a test of the start itself.</summary>
    protected virtual bool WaitsForSearchIndex => true;

    /// <summary>
    /// Returns once the seed's later parts are in, the search index is built and current, and the seed's sample data added:
    /// the site serves while these happen in the background (the index after the later parts), and tests search, and read
    /// the seeded questions, procedures, reports, surveys and contests with their sample rows, at once.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        // The host starts beside the database setup: a test reads the database as soon as it has the site.
        host.Services.GetRequiredService<DatabaseReadiness>().Completion.WaitAsync(TimeSpan.FromMinutes(2)).GetAwaiter().GetResult();
        if (!WaitsForSearchIndex)
            return host;
        var readiness = host.Services.GetRequiredService<SearchReadiness>();
        var waited = Stopwatch.StartNew();
        while (!readiness.CaughtUp)
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(2))
                throw new TimeoutException("The search index was not built within two minutes of the start.");
            Thread.Sleep(20);
        }
        if (!host.Services.GetRequiredService<SeedReadiness>().Completion.Wait(TimeSpan.FromMinutes(2)))
            throw new TimeoutException("The seed's later parts and sample data were not added within two minutes of the start.");
        return host;
    }

    /// <summary>Runs a query or change on the site's own database, in a scope of its own.</summary>
    public async Task<T> WithDbAsync<T>(Func<CchcDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<CchcDbContext>());
    }

    /// <summary>Removes the data directory of a factory that did not own it, once every user is done.</summary>
    public static void DeleteDirectory(string path)
    {
        if (TestPostgres.Enabled)
            TestPostgres.DropDatabase(PostgresDatabaseOf(path));
        try { Directory.Delete(path, recursive: true); }
        catch (IOException) { /* a file still open on a slow runner; the OS cleans temp */ }
    }

    /// <summary>Creates an active account holding one role in each named unit, through the site's own user manager.</summary>
    public async Task<string> AddUserAsync(string email, string password, params (string UnitSlug, UnitRole Role)[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorUser>>();
        var db = scope.ServiceProvider.GetRequiredService<CchcDbContext>();
        var user = new EditorUser { UserName = email, Email = email, FullName = $"Cán bộ {email}" };
        foreach (var (slug, role) in roles)
            user.Memberships.Add(new UnitMembership { UserId = user.Id, UnitId = (await db.Units.SingleAsync(u => u.Slug == slug)).Id, Role = role });
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        return user.Id;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDirectory)
        {
            DeleteDirectory(DataDirectory);
        }
    }
}
