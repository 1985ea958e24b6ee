using System.Threading.Channels;
using CchcSite.Content.Data;

namespace CchcSite.Web.Search;

/// <summary>
/// Wakes the <see cref="SearchIndexWorker"/> when a commit has enqueued search outbox rows, here or on another node (its
/// notice), so that the index follows a change at once rather than at the next poll. Holds nothing but the signal: it is built with the first database
/// context, also in the command-line tools, which must not open the index.
/// </summary>
public sealed class IndexWakeup : IContentChangeListener
{
    // One pending wake-up is enough: the worker applies every outbox row there is when it wakes.
    private readonly Channel<bool> _wakeups = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public ValueTask ContentChangedAsync(ContentChangeSet changes, CancellationToken ct)
    {
        if (changes.TouchesSearch)
            _wakeups.Writer.TryWrite(true);
        return ValueTask.CompletedTask;
    }

    /// <summary>Returns when woken, or after <paramref name="poll"/> (rows written by another process or node).</summary>
    public async Task WaitAsync(TimeSpan poll, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(poll);
        try
        {
            await _wakeups.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
        }
    }
}
