using CchcSite.Content.Accounts;
using CchcSite.Content.Reports;
using CchcSite.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CchcSite.Web.Reports;

/// <summary>
/// Reminds units of the reports they owe their overseeing unit: once when the due day is near, once when it has passed,
/// per report and period. Runs on every node; each reminder is claimed by inserting its unique row before it is sent
/// (<see cref="ReportReminders.ClaimAsync"/>), so a second node or a restart never sends it again. A reminder whose every
/// message failed is given back and tried at the next round; one interrupted while being sent is not sent again — at most
/// once is what a reminder should be.
/// </summary>
public sealed class ReportReminderJob(IServiceScopeFactory scopes, IOptions<ReportReminderOptions> options, TimeProvider clock,
    BackgroundStart start, ILogger<ReportReminderJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await start.WaitAsync(stoppingToken);
        if (!options.Value.SendInBackground)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.PollMinutes), clock);
        do
        {
            try
            {
                var sent = await RunOnceAsync(stoppingToken);
                if (sent > 0)
                    logger.LogInformation("Report reminders: {Sent} sent.", sent);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Sending report reminders failed; retrying at the next round.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round; returns the reminders sent. Public for the tests, which drive rounds themselves.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var notices = services.GetRequiredService<ReportNotices>();
        // Without SMTP nothing is claimed: the reminders go once mail is configured, while still due.
        if (!notices.Configured)
            return 0;
        var reminders = services.GetRequiredService<ReportReminders>();
        var contacts = services.GetRequiredService<ReportContacts>();
        var sent = 0;
        foreach (var reminder in await reminders.DueAsync(ct))
        {
            var addresses = await contacts.AddressesAsync(reminder.Unit.Id, EditorAction.SubmitReport, ct);
            // Nobody to write to yet: not claimed, so an approver added later is reminded while it is still due.
            if (addresses.Count == 0 || !await reminders.ClaimAsync(reminder, ct))
                continue;
            if (await notices.ReminderAsync(reminder, addresses, ct) > 0)
                sent++;
            else
                await reminders.ReleaseAsync(reminder, ct);
        }
        return sent;
    }
}
