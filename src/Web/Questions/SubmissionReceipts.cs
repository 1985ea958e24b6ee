using CchcSite.Content.Questions;
using CchcSite.Content.Site;
using CchcSite.Content.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CchcSite.Web.Questions;

/// <summary>Sends a citizen the receipt of a submission. None is registered when SMTP is not configured.</summary>
public interface ISubmissionReceiptSender
{
    Task SendAsync(string email, Submitted receipt, string trackingUrl, CancellationToken ct);
}

/// <summary>Bound from the "Smtp" configuration section; receipts are sent only when <see cref="Host"/> is set.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "";
}

public sealed class SmtpReceiptSender(IOptions<SmtpOptions> options, SiteIdentity site) : ISubmissionReceiptSender
{
    public async Task SendAsync(string email, Submitted receipt, string trackingUrl, CancellationToken ct)
    {
        var smtp = options.Value;
        var host = smtp.Host ?? throw new InvalidOperationException("Smtp:Host is not set.");
        var message = new MimeMessage
        {
            Subject = $"[{site.Name}] Mã tra cứu {receipt.TrackingCode}",
            Body = new TextPart("plain") { Text = Body(receipt, trackingUrl) },
        };
        message.From.Add(new MailboxAddress(site.Name, smtp.From));
        message.To.Add(MailboxAddress.Parse(email));
        // The citizen waits on the form while this runs: a mail server that does not answer must fail fast.
        using var client = new SmtpClient { Timeout = 15_000 };
        await client.ConnectAsync(host, smtp.Port, SecureSocketOptions.Auto, ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    private static string Body(Submitted receipt, string trackingUrl) => $"""
        {receipt.UnitName} đã tiếp nhận {(receipt.Kind == SubmissionKind.Question ? "câu hỏi" : "phản ánh, kiến nghị")} của bạn:
        “{receipt.Title}”.

        Mã tra cứu: {receipt.TrackingCode}
        Hạn trả lời: {VietnamTime.FormatDate(receipt.DueOn)}

        Xem tình trạng xử lý và nội dung trả lời tại: {trackingUrl}

        Thư này được gửi tự động, vui lòng không trả lời thư.
        """;
}

/// <summary>
/// Stores a submission, then — after it is committed — sends the receipt. A failed e-mail is logged and changes
/// nothing: the citizen has the code on screen and the submission is kept.
/// </summary>
public sealed class SubmissionIntake(CitizenSubmissions submissions, IEnumerable<ISubmissionReceiptSender> senders, ILogger<SubmissionIntake> logger)
{
    public async Task<(SubmissionResult Result, bool Emailed)> SubmitAsync(SubmissionKind kind, SubmissionInput input, SubmittedFile? file,
        HttpRequest request, CancellationToken ct)
    {
        var result = await submissions.SubmitAsync(kind, input, file, ct);
        if (result.Receipt is not { Email: { } email } receipt)
            return (result, false);
        var trackingUrl = $"{request.Scheme}://{request.Host}{SubmissionAddresses.Tracking(receipt.TrackingCode)}";
        var emailed = false;
        foreach (var sender in senders)
        {
            try
            {
                await sender.SendAsync(email, receipt, trackingUrl, ct);
                emailed = true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The receipt of submission {Code} could not be e-mailed; the submission is stored.", receipt.TrackingCode);
            }
        }
        return (result, emailed);
    }
}
