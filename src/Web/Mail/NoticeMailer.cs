using CchcSite.Content.Site;
using CchcSite.Web.Hosting;
using CchcSite.Web.Subscriptions;

namespace CchcSite.Web.Mail;

/// <summary>
/// Sends notices to the people who work in the editor area (<see cref="NoticeMailModel"/>), rendered by the theme in
/// HTML and text, through the site's mail sender. Without SMTP there is no sender and nothing is sent.
/// </summary>
public sealed class NoticeMailer(IEnumerable<IMailSender> senders, MailTemplates templates, SiteIdentity site, PublicUrls urls, ILogger<NoticeMailer> logger)
{
    public bool Configured => senders.Any();

    /// <summary>A notice whose one link goes to <paramref name="path"/> on the configured public address.</summary>
    public NoticeMailModel Notice(string subject, string heading, IReadOnlyList<string> paragraphs, IReadOnlyList<NoticeFact> facts,
        string actionText, string path) =>
        new(site.Name, urls.Base.ToString(), subject, heading, paragraphs, facts, actionText, urls.Absolute(path));

    /// <summary>
    /// One message per address, so no one sees the others'. Returns how many addresses the server accepted; a failure is
    /// logged and the rest are still tried, as mail here is a courtesy on top of what the editor area shows.
    /// </summary>
    public async Task<int> SendAsync(IReadOnlyList<string> addresses, NoticeMailModel notice, CancellationToken ct)
    {
        if (!Configured || addresses.Count == 0)
            return 0;
        var html = await templates.RenderAsync("Notice", notice);
        var text = (await templates.RenderAsync("Notice.text", notice)).Trim() + "\n";
        var accepted = 0;
        foreach (var address in addresses)
        {
            var reached = false;
            foreach (var sender in senders)
            {
                try
                {
                    await sender.SendAsync(new OutgoingMail(address, notice.Subject, text, html), ct);
                    reached = true;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "The notice \"{Subject}\" could not be sent to one of its addresses.", notice.Subject);
                }
            }
            if (reached)
                accepted++;
        }
        return accepted;
    }
}
