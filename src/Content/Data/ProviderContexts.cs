using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Data;

/// <summary>The model on SQLite, the embedded default: its migrations are in Data/Migrations/Sqlite.</summary>
public sealed class SqliteContentContext(DbContextOptions<SqliteContentContext> options) : CchcDbContext(options);

/// <summary>The model on PostgreSQL, for a province's several nodes: its migrations are in Data/Migrations/Postgres.</summary>
public sealed class PostgresContentContext(DbContextOptions<PostgresContentContext> options) : CchcDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // ICU's Vietnamese order, so that a list sorted by name puts "Đ" after "D"; SQLite gets the same order from
        // .NET's (ICU) comparer, registered on each connection (SqliteVietnameseCollation).
        modelBuilder.HasCollation(VietnameseCollation.Name, locale: "vi-VN", provider: "icu", deterministic: true);
    }
}
