using CchcSite.Content.Outcomes;
using CchcSite.Content.Questions;
using CchcSite.Content.Text;
using CchcSite.Web.Hosting;
using CchcSite.Web.Mail;

namespace CchcSite.Web.Questions;

/// <summary>
/// The receipt a citizen gets by e-mail after a submission. The address is not confirmed yet — anyone may type
/// anyone's — so the mail holds only what the site itself says: the unit, the kind, the code, the due date and the
/// configured link; never the sender's own words, which would let a stranger send their text from the government's address.
/// </summary>
public static class SubmissionReceipt
{
    public static OutgoingMail For(string email, Submitted receipt, string trackingUrl) => new(email, $"Mã tra cứu {receipt.TrackingCode}", $"""
        {receipt.UnitName} đã tiếp nhận {(receipt.Kind == SubmissionKind.Question ? "câu hỏi" : "phản ánh, kiến nghị")} gửi từ địa chỉ thư điện tử này.

        Mã tra cứu: {receipt.TrackingCode}
        Hạn trả lời: {VietnamTime.FormatDate(receipt.DueOn)}

        Xem tình trạng xử lý và nội dung trả lời tại: {trackingUrl}

        Nếu bạn không gửi câu hỏi hay phản ánh nào, vui lòng bỏ qua thư này.
        Thư này được gửi tự động, vui lòng không trả lời thư.
        """);
}

/// <summary>
/// Stores a submission, then — after it is committed — sends the receipt. A failed e-mail is logged and changes
/// nothing: the citizen has the code on screen and the submission is kept.
/// </summary>
public sealed class SubmissionIntake(CitizenSubmissions submissions, IEnumerable<IMailSender> senders, PublicUrls urls, ILogger<SubmissionIntake> logger)
{
    public async Task<Outcome<SubmissionReceivedPage>> SubmitAsync(SubmissionKind kind, SubmissionInput input, SubmittedFile? file,
        CancellationToken ct)
    {
        var outcome = await submissions.SubmitAsync(kind, input, file, ct);
        if (outcome is not Outcome<Submitted>.Ok { Value: { Email: { } email } receipt })
            return outcome.Map(stored => new SubmissionReceivedPage(stored, Emailed: false));
        var trackingUrl = urls.Absolute(SubmissionAddresses.Tracking(receipt.TrackingCode));
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
        return new Outcome<SubmissionReceivedPage>.Ok(new SubmissionReceivedPage(receipt, emailed));
    }
}
