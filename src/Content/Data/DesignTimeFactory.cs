using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Logging.Abstractions;

namespace CchcSite.Content.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the web host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CchcDbContext>
{
    public CchcDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CchcDbContext>().UseSqlite("Data Source=design-time.db")
            .AddInterceptors(new ContentChangeTracker(TimeProvider.System, [], NullLogger<ContentChangeTracker>.Instance)).Options);
}
