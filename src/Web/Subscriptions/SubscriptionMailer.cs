using CchcSite.Content.Site;
using CchcSite.Content.Subscriptions;
using CchcSite.Web.Hosting;
using CchcSite.Web.Mail;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CchcSite.Web.Subscriptions;

/// <summary>A message rendered and addressed, ready for SMTP.</summary>
public sealed record SubscriptionMessage(string To, string Subject, string Text, string Html, string? UnsubscribeUrl, string MessageId);

/// <summary>
/// Builds the subscription messages from the theme's templates and sends them through MailKit with the site's SMTP
/// settings (the receipts' settings). One connection carries a batch; every alert and digest has the RFC 8058 one-click
/// unsubscribe headers. No tracking: no pixel, no redirecting links, only the site's own addresses.
/// </summary>
public sealed class SubscriptionMailer(IOptions<SmtpOptions> smtp, SiteIdentity site, PublicUrls urls, MailTemplates templates)
{
    public bool Configured => !string.IsNullOrWhiteSpace(smtp.Value.Host);

    public async Task<SubscriptionMessage> RenderAsync(string template, string to, SubscriptionMailModel model, string messageKey)
    {
        var html = await templates.RenderAsync(template, model);
        var text = await templates.RenderAsync(template + ".text", model);
        return new SubscriptionMessage(to, model.Subject, text.Trim() + "\n", html, model.UnsubscribeUrl, $"{messageKey}@{urls.Base.IdnHost}");
    }

    public MimeMessage Build(SubscriptionMessage message)
    {
        var mime = new MimeMessage
        {
            Subject = $"[{site.Name}] {message.Subject}",
            MessageId = message.MessageId,
            Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody(),
        };
        mime.From.Add(new MailboxAddress(site.Name, smtp.Value.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        if (message.UnsubscribeUrl is { } unsubscribe)
        {
            mime.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            mime.Headers.Add("List-Id", $"{site.Name} <tin-cchc.{urls.Base.IdnHost}>");
            mime.Headers.Add("Precedence", "bulk");
        }
        return mime;
    }

    /// <summary>An open SMTP connection for a batch; fails fast when the server does not answer.</summary>
    public async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
        var settings = smtp.Value;
        var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Smtp:Host is not set."), settings.Port, SecureSocketOptions.Auto, ct);
            if (!string.IsNullOrEmpty(settings.UserName))
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>One message on a connection of its own: the confirmation, sent while the person waits on the page.</summary>
    public async Task SendNowAsync(SubscriptionMessage message, CancellationToken ct)
    {
        using var client = await ConnectAsync(ct);
        await client.SendAsync(Build(message), ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
