using System.Diagnostics;
using CchcSite.Content.Nodes;
using CchcSite.Content.Subscriptions;
using CchcSite.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CchcSite.Web.Subscriptions;

/// <summary>
/// The background sender, on every node. Each round: one node at a time queues new alerts for their subscribers (and
/// forgets expired addresses); then each node claims a batch of due deliveries under a lease of its own and sends them on
/// one SMTP connection, at the configured rate, recording each message as it goes (see <see cref="DeliveryQueue"/> for
/// what "exactly once" means and the one window it cannot close).
/// </summary>
public sealed class SubscriptionSender(IServiceScopeFactory scopes, INodeLocks locks, IOptions<SubscriptionOptions> options,
    AlertWakeup wakeup, BackgroundStart start, ILogger<SubscriptionSender> logger) : BackgroundService
{
    public const string QueueLock = "cchc:subscription-queue";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await start.WaitAsync(stoppingToken);
        if (!options.Value.SendInBackground)
            return;
        // Woken by each commit (AlertWakeup); the poll finds what time alone makes due: digests, retries.
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch means more is waiting: go on at once.
                while (await RunOnceAsync(stoppingToken) >= options.Value.BatchSize)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Sending subscription mail failed; retrying at the next round.");
            }
            await wakeup.WaitAsync(poll, stoppingToken);
        }
    }

    /// <summary>One round; returns the messages attempted. Public for the tests and the benchmark, which drive rounds themselves.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await using (var held = await locks.TryAcquireAsync(QueueLock, ct))
        {
            if (held is not null)
            {
                await services.GetRequiredService<SubscriptionAlerts>().QueueAsync(ct);
                await services.GetRequiredService<SubscriptionBook>().ForgetExpiredAsync(ct);
            }
        }
        var mailer = services.GetRequiredService<SubscriptionMailer>();
        if (!mailer.Configured)
            return 0;
        var queue = services.GetRequiredService<DeliveryQueue>();
        var claim = Guid.NewGuid();
        var batch = await queue.ClaimAsync(claim, ct);
        if (batch.Count == 0)
            return 0;
        var messages = services.GetRequiredService<SubscriptionMessages>();
        var pace = TimeSpan.FromSeconds(1.0 / options.Value.MessagesPerSecond);
        var started = Stopwatch.StartNew();
        MailKit.Net.Smtp.SmtpClient? client = null;
        var next = 0;
        try
        {
            for (; next < batch.Count; next++)
            {
                var message = batch[next];
                // The rate holds across the batch: message n goes no earlier than n × (1 / rate) after the start.
                var wait = pace * next - started.Elapsed;
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, ct);
                try
                {
                    var rendered = await messages.AlertAsync(message);
                    client ??= await mailer.ConnectAsync(ct);
                    await client.SendAsync(mailer.Build(rendered), ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "A subscription message could not be sent; it will be retried.");
                    await queue.FailedAsync(claim, message.DeliveryIds, e.Message, ct);
                    // A broken connection is not reused; the next message opens a new one.
                    client?.Dispose();
                    client = null;
                    continue;
                }
                if (!await queue.SentAsync(claim, message.DeliveryIds, ct))
                    logger.LogWarning("A subscription message was sent after its lease ran out; another node may send it too.");
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: what was not attempted yet goes back at once. The message in flight keeps its lease (it may
            // have reached the server); when the lease runs out it is sent again — the documented window.
            var untouched = batch.Skip(next + 1).SelectMany(m => m.DeliveryIds).ToList();
            if (untouched.Count > 0)
                await queue.ReleaseAsync(claim, untouched, CancellationToken.None);
            throw;
        }
        finally
        {
            if (client is not null)
            {
                if (client.IsConnected && !ct.IsCancellationRequested)
                    await client.DisconnectAsync(quit: true, CancellationToken.None);
                client.Dispose();
            }
        }
        return batch.Count;
    }
}
