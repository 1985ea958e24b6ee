using CchcSite.Content.Data;
using CchcSite.Content.Seeding;
using CchcSite.Content.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CchcSite.Web.Hosting;

/// <summary>Migrates and seeds explicitly at start-up (never from a DbContext constructor).</summary>
public static class DatabaseSetup
{
    public static async Task MigrateAndSeedAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CchcDbContext>();
        await db.Database.MigrateAsync(ct);
        var seedPath = scope.ServiceProvider.GetRequiredService<IOptions<SiteOptions>>().Value.SeedPath;
        await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(seedPath, ct);
    }
}
