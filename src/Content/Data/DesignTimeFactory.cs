using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CchcSite.Content.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the web host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CchcDbContext>
{
    public CchcDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CchcDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
