using System.ComponentModel.DataAnnotations;
using CchcSite.Content;
using CchcSite.Content.Site;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CchcSite.Web.Mail;

/// <summary>One message from the site to one address: plain text, and an HTML version when <paramref name="Html"/> is given.</summary>
public sealed record OutgoingMail(string To, string Subject, string Body, string? Html = null);

/// <summary>
/// Sends the site's mail: receipts to citizens, notices to account owners. Without SMTP configured the site
/// registers none; callers treat mail as a courtesy and keep working.
/// </summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken ct);
}

/// <summary>Bound from the "Smtp" configuration section; mail is sent only when <see cref="Host"/> is set.</summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    [Range(1, 65535, ErrorMessage = "must be a TCP port from {1} to {2}")]
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Host) && !MailboxAddress.TryParse(From, out _))
            yield return new ValidationResult("must be the sender's address, e.g. cchc@example.gov.vn, when Smtp:Host is set", [nameof(From)]);
    }
}

public sealed class SmtpMailSender(IOptions<SmtpOptions> options, SiteIdentity site) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        var smtp = options.Value;
        var host = smtp.Host ?? throw new InvalidOperationException("Smtp:Host is not set.");
        var message = new MimeMessage
        {
            Subject = $"[{site.Name}] {mail.Subject}",
            Body = mail.Html is null ? new TextPart("plain") { Text = mail.Body }
                : new BodyBuilder { TextBody = mail.Body, HtmlBody = mail.Html }.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(site.Name, smtp.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        // A person may be waiting on a form while this runs: a mail server that does not answer must fail fast.
        using var client = new SmtpClient { Timeout = 15_000 };
        await client.ConnectAsync(host, smtp.Port, SecureSocketOptions.Auto, ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

public static class MailServices
{
    public static IServiceCollection AddSiteMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<SmtpOptions>(SmtpOptions.Section);
        // Without SMTP the site still works; the code on screen is the citizen's receipt. Whether there is a sender at
        // all decides what is registered, so this one value is read before the container exists.
        if (!string.IsNullOrWhiteSpace(configuration[$"{SmtpOptions.Section}:{nameof(SmtpOptions.Host)}"]))
            services.AddSingleton<IMailSender, SmtpMailSender>();
        return services;
    }
}
