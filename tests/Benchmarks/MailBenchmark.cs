using System.Diagnostics;
using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Posts;
using CchcSite.Content.Subscriptions;
using CchcSite.Testing;
using CchcSite.Web.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;

namespace CchcSite.Benchmarks;

/// <summary>
/// One published post for many confirmed subscribers, through the site's own path: the alert written by the publish step,
/// the fan-out into the delivery queue, and the sender's rounds (claim under a lease, render the theme's mail templates,
/// send over one SMTP connection per batch, record each message) to an SMTP server in this process (netDumbster).
/// Reports the queueing time, messages per second, allocations and the process's peak memory.
/// </summary>
public static class MailBenchmark
{
    public static async Task RunAsync(string root, int subscribers)
    {
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
        using var smtp = SimpleSmtpServer.Start();
        var received = 0;
        smtp.MessageReceived += (_, _) => Interlocked.Increment(ref received);
        using var site = new MailSite(smtp.Configuration.Port, Path.Combine(root, "src", "Web"));
        _ = site.Server; // starts the host: migrate and seed
        var unitId = await site.WithDbAsync(db => db.Units.Where(u => u.Slug == "phong-gddt-nga-nam").Select(u => u.Id).SingleAsync());

        await site.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            foreach (var chunk in Enumerable.Range(1, subscribers).Chunk(2000))
            {
                db.AddRange(chunk.Select(i => new Subscription
                {
                    Email = $"nguoi-nhan-{i:D6}@example.vn", Status = SubscriptionStatus.Active, Frequency = SubscriptionFrequency.Immediately,
                    Stamp = Guid.NewGuid(), CreatedAt = now, ConfirmBy = now, ConfirmedAt = now,
                }));
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
            return 0;
        });
        Console.WriteLine($"{subscribers:N0} confirmed subscribers, every unit, field and kind, immediately.");

        await PublishAsync(site, unitId);
        var sender = site.Services.GetRequiredService<SubscriptionSender>();
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        // The fan-out, timed on its own (the sender's first round would do it before its first batch).
        var queued = Stopwatch.StartNew();
        await using (var scope = site.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SubscriptionAlerts>().QueueAsync(CancellationToken.None);
        queued.Stop();
        var attempted = 0;
        int round;
        while ((round = await sender.RunOnceAsync(CancellationToken.None)) > 0)
            attempted += round;
        // The server parses on its own threads: wait for the last messages to arrive.
        while (Volatile.Read(ref received) < attempted && clock.Elapsed < TimeSpan.FromMinutes(1))
            await Task.Delay(10);
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var sent = await site.WithDbAsync(db => db.SubscriptionDeliveries.CountAsync(d => d.Status == DeliveryStatus.Sent));
        var process = Process.GetCurrentProcess();
        Console.WriteLine($"Queued {sent:N0} deliveries in {queued.Elapsed.TotalSeconds:N1} s; "
            + $"{received:N0} messages received in {clock.Elapsed.TotalSeconds:N1} s in all = {received / clock.Elapsed.TotalSeconds:N0} messages/s");
        Console.WriteLine($"Allocated {allocated / 1048576.0:N0} MiB ({allocated / Math.Max(1, received) / 1024.0:N1} KiB a message); "
            + $"GC heap after {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:N0} MiB; peak working set {process.PeakWorkingSet64 / 1048576.0:N0} MiB "
            + "(site, SQLite and the SMTP server in one process)");
        if (received != subscribers || sent != subscribers)
            throw new InvalidOperationException($"Expected {subscribers} messages, received {received}, recorded {sent}.");
    }

    /// <summary>Creates and publishes a post the way an editor and an approver do, through the workflow's own services.</summary>
    private static async Task PublishAsync(SiteFactory site, int unitId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var editing = scope.ServiceProvider.GetRequiredService<PostEditing>();
        var writer = new UserGrants("bien-tap-vien", true, false, [(unitId, UnitRole.Editor)]);
        var approver = new UserGrants("lanh-dao", true, false, [(unitId, UnitRole.Approver)]);
        var title = "Ngã Năm công khai kết quả giải quyết hồ sơ trực tuyến quý IV";
        var draft = new PostDraft(title, null, "Tóm tắt: " + title, "Nội dung của bài.", null, Audience.All, [], null, null, null, null);
        var created = await editing.CreateAsync(unitId, PostKind.Article, draft, new Actor(writer.UserId, null, null), CancellationToken.None);
        var post = ((Outcome<Post>.Ok)created).Value;
        foreach (var (step, who) in new[] { (WorkflowStep.Submit, writer), (WorkflowStep.Publish, approver) })
        {
            post = (await editing.FindAsync(post.Id, CancellationToken.None))!;
            var outcome = await editing.StepAsync(post, post.Version, step, who, new Actor(who.UserId, null, null), null, CancellationToken.None);
            if (!outcome.IsOk)
                throw new InvalidOperationException(outcome.Problem);
        }
    }

    /// <summary>The site with its mail going to the local server, the sender idle between the rounds the benchmark drives.</summary>
    private sealed class MailSite(int smtpPort, string contentRoot) : SiteFactory
    {
        /// <summary>A test project finds the site's folder from the manifest Mvc.Testing writes for it; this console program says it.</summary>
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions.UseContentRoot(builder, contentRoot);
        }

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtpPort.ToString(),
            ["Smtp:From"] = "cchc@example.gov.vn",
            ["Subscriptions:SendInBackground"] = "false",
            // No pacing: the figure is what the site can push, not the configured courtesy rate.
            ["Subscriptions:MessagesPerSecond"] = "10000",
            ["Subscriptions:BatchSize"] = "1000",
        };
    }
}
