using System.Threading.Channels;
using CchcSite.Content.Data;
using CchcSite.Content.Nodes;
using Npgsql;

namespace CchcSite.Web.Hosting.Nodes;

/// <summary>
/// On PostgreSQL, hands the change sets committed on any node (<see cref="ChangeNotices"/>) to this node's
/// <see cref="IContentChangeListener"/>s: its output cache drops what went stale and its search index wakes. Listens on a
/// connection of its own from the site's data source, and reconnects when it drops; notices sent while it was not
/// listening are lost, so after a reconnect it treats everything as changed. A node's own commits were told in-process by
/// its change tracker: their notices are passed over, so each listener hears of a change once.
/// </summary>
public sealed class ChangeNoticeListener(ContentDatabase database, ContentChangeTracker tracker, IServiceProvider services,
    IEnumerable<IContentChangeListener> listeners, DatabaseReadiness setup, ILogger<ChangeNoticeListener> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    /// <summary>How long the connection may stay silent before a round trip checks that it is still there.</summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(30);

    private readonly IContentChangeListener[] _listeners = [.. listeners];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Provider != DatabaseProvider.Postgres)
            return;
        // The host starts beside the database setup, which may be creating the database; nothing is served before it ends.
        await setup.Completion.WaitAsync(stoppingToken);
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var listenedBefore = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                var notices = Channel.CreateUnbounded<string>();
                connection.Notification += (_, e) => notices.Writer.TryWrite(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ChangeNotices.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                if (listenedBefore)
                {
                    logger.LogWarning("Listening for content changes again; treating everything as changed.");
                    await TellAsync(ContentChangeSet.Everything);
                }
                listenedBefore = true;
                while (true)
                {
                    if (!await connection.WaitAsync(KeepAlive, stoppingToken))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteNonQueryAsync(stoppingToken);
                    }
                    while (notices.Reader.TryRead(out var payload))
                    {
                        var (node, changes) = ChangeNotices.Decode(payload);
                        if (node != tracker.Node)
                            await TellAsync(changes);
                    }
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Listening for content changes from other nodes failed; reconnecting.");
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    private async Task TellAsync(ContentChangeSet changes)
    {
        foreach (var listener in _listeners)
        {
            try
            {
                await listener.ContentChangedAsync(changes, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Content change listener {Listener} failed on a change from another node.", listener.GetType().Name);
            }
        }
    }
}
