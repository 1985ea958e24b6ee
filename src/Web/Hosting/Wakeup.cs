using System.Threading.Channels;

namespace CchcSite.Web.Hosting;

/// <summary>
/// A background worker's doorbell: whoever gives it work rings (<see cref="Wake"/>), and the worker, between rounds, waits
/// for a ring or for its poll, which is left only for work it cannot be told of (written by another node, or falling due
/// with time). An idle site then wakes its workers rarely instead of every few seconds.
/// </summary>
public abstract class Wakeup
{
    // One pending ring is enough: a worker takes all the work there is when it wakes.
    private readonly Channel<bool> _rings = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _rings.Writer.TryWrite(true);

    /// <summary>Returns when woken, or after <paramref name="poll"/>.</summary>
    public async Task WaitAsync(TimeSpan poll, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(poll);
        try
        {
            await _rings.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
        }
    }
}
