using CchcSite.Content.Questions;
using CchcSite.Content.Text;
using CchcSite.Web.Mail;

namespace CchcSite.Web.Questions;

/// <summary>The receipt a citizen gets by e-mail after a submission.</summary>
public static class SubmissionReceipt
{
    public static OutgoingMail For(string email, Submitted receipt, string trackingUrl) => new(email, $"Mã tra cứu {receipt.TrackingCode}", $"""
        {receipt.UnitName} đã tiếp nhận {(receipt.Kind == SubmissionKind.Question ? "câu hỏi" : "phản ánh, kiến nghị")} của bạn:
        “{receipt.Title}”.

        Mã tra cứu: {receipt.TrackingCode}
        Hạn trả lời: {VietnamTime.FormatDate(receipt.DueOn)}

        Xem tình trạng xử lý và nội dung trả lời tại: {trackingUrl}

        Thư này được gửi tự động, vui lòng không trả lời thư.
        """);
}

/// <summary>
/// Stores a submission, then — after it is committed — sends the receipt. A failed e-mail is logged and changes
/// nothing: the citizen has the code on screen and the submission is kept.
/// </summary>
public sealed class SubmissionIntake(CitizenSubmissions submissions, IEnumerable<IMailSender> senders, ILogger<SubmissionIntake> logger)
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
                await sender.SendAsync(SubmissionReceipt.For(email, receipt, trackingUrl), ct);
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
