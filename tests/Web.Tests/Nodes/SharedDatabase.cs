namespace CchcSite.Web.Tests.Nodes;

/// <summary>
/// What the web nodes of one site share: a PostgreSQL database and a media folder. Each node keeps its own search index
/// in a folder of its own. The node tests always run on PostgreSQL, whatever the rest of the suite runs on: without a
/// server (<see cref="TestPostgres.ServerVariable"/>) they fail with the reason.
/// </summary>
public sealed class SharedDatabase : IAsyncDisposable
{
    private SharedDatabase(string name, string connectionString, string directory)
    {
        Name = name;
        ConnectionString = connectionString;
        Directory = directory;
    }

    public string Name { get; }
    public string ConnectionString { get; }
    /// <summary>The media folder and every node's index folder.</summary>
    public string Directory { get; }
    public string MediaPath => Path.Combine(Directory, "media");

    public static async Task<SharedDatabase> CreateAsync()
    {
        _ = TestPostgres.Server;
        var name = TestPostgres.NewName("cchc_nodes");
        var connectionString = await TestPostgres.CreateDatabaseAsync(name);
        return new SharedDatabase(name, connectionString, System.IO.Directory.CreateTempSubdirectory("cchc-nodes-").FullName);
    }

    public string IndexPath(string node) => Path.Combine(Directory, "index-" + node);

    /// <summary>The settings of one node, by configuration key.</summary>
    public Dictionary<string, string> NodeSettings(string node) => new()
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Cchc"] = ConnectionString,
        ["Site:MediaPath"] = MediaPath,
        ["Search:IndexPath"] = IndexPath(node),
    };

    public async ValueTask DisposeAsync()
    {
        await TestPostgres.DropDatabaseAsync(Name);
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { /* a file still open on a slow runner; the OS cleans temp */ }
    }
}
