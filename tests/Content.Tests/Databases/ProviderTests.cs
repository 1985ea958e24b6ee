using CchcSite.Content.Data;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CchcSite.Content.Tests.Databases;

/// <summary>What must hold on both database providers (the suite itself runs on each; see scripts/test.sh).</summary>
public class ProviderTests
{
    public static TheoryData<string> Providers => [nameof(SqliteContentContext), nameof(PostgresContentContext)];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_model_change_has_a_migration_for_each_provider(string context)
    {
        // The design-time factories are those `dotnet ef migrations add … --context …` uses; neither reaches a server.
        using CchcDbContext db = context == nameof(SqliteContentContext)
            ? new SqliteDesignTimeFactory().CreateDbContext([])
            : new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes without a migration for {context}: run `dotnet ef migrations add <Name> --context {context} " +
            $"--output-dir Data/Migrations/{context.Replace("ContentContext", "")}` in src/Content.");
    }

    [Fact]
    public async Task Units_sorted_by_name_follow_the_Vietnamese_alphabet()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            foreach (var (slug, name) in new[] { ("z", "Zê"), ("dd", "Đông Hải"), ("a", "Ấp Mới"), ("d", "Dân Thành"), ("e", "Ea Súp"), ("aa", "An Bình") })
                db.Units.Add(new Unit { Slug = slug, Name = name, ShortName = slug, Kind = UnitKind.Ward });
            await db.SaveChangesAsync();
        }

        await using var read = database.NewContext();
        var names = await read.Units.OrderBy(u => u.Name).Select(u => u.Name).ToListAsync();

        Assert.Equal(["An Bình", "Ấp Mới", "Dân Thành", "Đông Hải", "Ea Súp", "Zê"], names);
    }
}
