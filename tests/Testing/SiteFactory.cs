using CchcSite.Content.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Testing;

/// <summary>
/// Runs the real site on its own SQLite file and media folder in a temporary directory, seeded from the
/// repository's seed/ folder, exactly as a first start does. Each factory is an independent site.
/// </summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("cchc-test-").FullName;

    public string DatabasePath => Path.Combine(DataDirectory, "cchc.db");

    /// <summary>Settings a test wants on top of the defaults, e.g. another seed folder.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Cchc", $"Data Source={DatabasePath};Pooling=False");
        builder.UseSetting("Site:MediaPath", Path.Combine(DataDirectory, "media"));
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
    }

    /// <summary>A scope over the site's own services, to arrange data the way the site stores it.</summary>
    public async Task WithDbAsync(Func<CchcDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<CchcDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try { Directory.Delete(DataDirectory, recursive: true); }
            catch (IOException) { /* a file still open on a slow runner; the OS cleans temp */ }
        }
    }
}
