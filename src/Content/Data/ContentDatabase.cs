using CchcSite.Content.Posts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CchcSite.Content.Data;

public enum DatabaseProvider
{
    /// <summary>One file on one machine: the embedded default for a unit or a trial.</summary>
    Sqlite,
    /// <summary>A PostgreSQL server shared by several web nodes: a province's deployment.</summary>
    Postgres,
}

/// <summary>
/// Which database the content lives in and how to reach it: <c>Database:Provider</c> and <c>ConnectionStrings:Cchc</c>.
/// The one place that knows a provider's context type; everything else asks for <see cref="CchcDbContext"/>.
/// </summary>
public sealed class ContentDatabase
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "Cchc";

    private readonly Action<IServiceCollection> _register;

    private ContentDatabase(DatabaseProvider provider, Action<IServiceCollection> register)
    {
        Provider = provider;
        _register = register;
    }

    public DatabaseProvider Provider { get; }

    public static ContentDatabase Sqlite(string connectionString) =>
        new(DatabaseProvider.Sqlite, services => AddContext<SqliteContentContext>(services, (_, options) => options.UseSqlite(connectionString)));

    /// <summary>On a connection the caller owns and keeps open, e.g. an in-memory database that lives as long as it does.</summary>
    public static ContentDatabase Sqlite(SqliteConnection connection)
    {
        VietnameseCollation.AddTo(connection);
        return new(DatabaseProvider.Sqlite, services => AddContext<SqliteContentContext>(services, (_, options) => options.UseSqlite(connection)));
    }

    /// <summary>
    /// One <see cref="NpgsqlDataSource"/> per site, shared by the contexts, the change notifications and the locks, so that
    /// they draw on one pool.
    /// </summary>
    public static ContentDatabase Postgres(string connectionString) =>
        new(DatabaseProvider.Postgres, services =>
        {
            services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
            AddContext<PostgresContentContext>(services, (provider, options) => options.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>()));
        });

    /// <summary>The database an operator configured; SQLite unless <c>Database:Provider</c> says Postgres.</summary>
    /// <param name="sqliteConnectionString">Turns the configured SQLite connection string into the one to use (a relative path made absolute).</param>
    public static ContentDatabase FromConfiguration(IConfiguration configuration, Func<string, string>? sqliteConnectionString = null)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
                               ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not set.");
        var provider = configuration[ProviderKey] is { Length: > 0 } name
            ? Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new InvalidOperationException($"{ProviderKey} must be Sqlite or Postgres; it is '{name}'.")
            : DatabaseProvider.Sqlite;
        return provider == DatabaseProvider.Postgres
            ? Postgres(connectionString)
            : Sqlite(sqliteConnectionString?.Invoke(connectionString) ?? connectionString);
    }

    internal void Register(IServiceCollection services)
    {
        services.AddSingleton(this);
        _register(services);
    }

    private static void AddContext<TContext>(IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> configure)
        where TContext : CchcDbContext =>
        services.AddDbContext<CchcDbContext, TContext>((provider, options) =>
        {
            configure(provider, options);
            options.AddInterceptors(provider.GetRequiredService<ContentChangeTracker>(), provider.GetRequiredService<StoredPostBodies>());
            if (typeof(TContext) == typeof(SqliteContentContext))
                options.AddInterceptors(new SqliteVietnameseCollation());
        });
}
