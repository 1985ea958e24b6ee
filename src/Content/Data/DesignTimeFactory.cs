using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Logging.Abstractions;

namespace CchcSite.Content.Data;

/// <summary>
/// Let `dotnet ef migrations add Name --context SqliteContentContext` (and PostgresContentContext) build each provider's
/// model without starting the web host or reaching a server.
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteContentContext>
{
    public SqliteContentContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteContentContext>().UseSqlite("Data Source=design-time.db").AddInterceptors(DesignTime.Tracker).Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresContentContext>
{
    public PostgresContentContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresContentContext>().UseNpgsql("Host=localhost;Database=design-time").AddInterceptors(DesignTime.Tracker).Options);
}

internal static class DesignTime
{
    public static ContentChangeTracker Tracker => new(TimeProvider.System, [], NullLogger<ContentChangeTracker>.Instance);
}
