using CchcSite.Content.Search;
using CchcSite.Content.Site;
using Microsoft.Data.Sqlite;

namespace CchcSite.Web.Hosting;

/// <summary>
/// The settings' relative paths (the SQLite file, media, seed and index folders) are the content root's, as the README
/// documents them, whatever folder the site is started from.
/// </summary>
public static class ContentRoot
{
    public static IServiceCollection AddContentRootPaths(this IServiceCollection services, IHostEnvironment environment)
    {
        services.PostConfigure<SiteOptions>(site =>
        {
            site.MediaPath = At(environment, site.MediaPath);
            site.SeedPath = At(environment, site.SeedPath);
            site.MarkPath = string.IsNullOrWhiteSpace(site.MarkPath) ? null : At(environment, site.MarkPath);
        });
        services.PostConfigure<SearchOptions>(search => search.IndexPath = At(environment, search.IndexPath));
        return services;
    }

    /// <summary>A relative SQLite file path is taken from the content root, and its folder is created.</summary>
    public static string Sqlite(string connectionString, IHostEnvironment environment)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && !source.StartsWith("file:", StringComparison.Ordinal))
        {
            builder.DataSource = At(environment, source);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        return builder.ToString();
    }

    /// <summary>An empty path is left empty, for the settings' check to name it.</summary>
    private static string At(IHostEnvironment environment, string path) =>
        string.IsNullOrWhiteSpace(path) ? path : Path.GetFullPath(path, environment.ContentRootPath);
}
