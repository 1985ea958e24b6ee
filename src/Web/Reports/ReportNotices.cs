using CchcSite.Content.Accounts;
using CchcSite.Content.Reports;
using CchcSite.Content.Site;
using CchcSite.Content.Text;
using CchcSite.Content.Units;
using CchcSite.Web.Editor;
using CchcSite.Web.Mail;

namespace CchcSite.Web.Reports;

/// <summary>
/// The e-mails of reports sent upward: to the overseeing unit's overseers when a report arrives, to the unit's approvers
/// when it is acknowledged or returned, and the reminders of a report due soon or late. Each is sent after the change
/// it tells of is committed; a failure is logged and changes nothing, as the editor area shows the same.
/// </summary>
public sealed class ReportNotices(NoticeMailer mailer, ReportContacts contacts, ReportSubmissions submissions, UnitDirectory units,
    ILogger<ReportNotices> logger)
{
    public bool Configured => mailer.Configured;

    /// <summary>A report (or a corrected version) has been sent: its overseers are told, with the link to review it.</summary>
    public Task SubmittedAsync(int reportId, CancellationToken ct) => AboutReportAsync(reportId, async report =>
    {
        var period = report.Period;
        var correction = report.Version > 1 ? $" (bản sửa, lần gửi thứ {report.Version})" : "";
        var notice = mailer.Notice($"{report.Unit.ShortName} gửi báo cáo {period.Label}", $"Báo cáo {period.Label} của {report.Unit.Name}",
            [$"{report.Unit.Name} đã gửi báo cáo {period.Label}{correction} đến {report.OverseerUnit.Name}. Vui lòng xem, tiếp nhận hoặc trả lại để đơn vị bổ sung."],
            [.. Facts(report)], "Xem và tiếp nhận báo cáo", $"{SubmittedReportsController.Base}/{report.Id}");
        await mailer.SendAsync(await contacts.AddressesAsync(report.OverseerUnitId, EditorAction.ReceiveReports, ct), notice, ct);
    }, ct);

    /// <summary>A report has been acknowledged or returned: the unit's approvers are told, with the overseer's comment.</summary>
    public Task ReviewedAsync(int reportId, CancellationToken ct) => AboutReportAsync(reportId, async report =>
    {
        var period = report.Period;
        var returned = report.Status == SubmittedReportStatus.Returned;
        var what = $"báo cáo {period.Label} (lần gửi thứ {report.Version}) của {report.Unit.Name}";
        List<string> paragraphs = [returned ? $"{report.OverseerUnit.Name} đã trả lại {what} để bổ sung." : $"{report.OverseerUnit.Name} đã tiếp nhận {what}."];
        if (returned)
            paragraphs.Add("Vui lòng sửa và gửi lại báo cáo.");
        List<NoticeFact> facts = [.. Facts(report), new("Tình trạng", report.Status.Vietnamese())];
        if (report.ReviewComment is { } comment)
            facts.Add(new("Ý kiến của cơ quan theo dõi", comment));
        var notice = mailer.Notice($"Báo cáo {period.Label}: {report.Status.Vietnamese().ToLowerInvariant()}", $"Báo cáo {period.Label} của {report.Unit.Name}",
            paragraphs, facts, "Xem báo cáo", $"{SubmittedReportsController.Base}/{report.Id}");
        await mailer.SendAsync(await contacts.AddressesAsync(report.UnitId, EditorAction.SubmitReport, ct), notice, ct);
    }, ct);

    /// <summary>A reminder to the unit's approvers; returns how many of <paramref name="addresses"/> the server accepted.</summary>
    public async Task<int> ReminderAsync(DueReminder reminder, IReadOnlyList<string> addresses, CancellationToken ct)
    {
        var (unit, period) = (reminder.Unit, reminder.Period);
        var due = VietnamTime.FormatDate(period.DueOn!.Value);
        var overseer = await submissions.OverseerOfAsync(unit.Id, ct) is { } id ? (await units.FindAsync(id, ct))?.Unit.Name : null;
        var to = overseer is null ? "cơ quan theo dõi, giám sát" : overseer;
        var (subject, paragraph) = reminder.Kind == ReportReminderKind.Late
            ? ($"Quá hạn gửi báo cáo {period.Label}", $"Đã quá hạn gửi báo cáo {period.Label} ({due}) mà {unit.Name} chưa gửi báo cáo đến {to}. Vui lòng gửi báo cáo sớm.")
            : ($"Sắp đến hạn gửi báo cáo {period.Label}", $"Hạn gửi báo cáo {period.Label} của {unit.Name} đến {to} là ngày {due}. Đơn vị chưa gửi báo cáo kỳ này.");
        var notice = mailer.Notice(subject, subject, [paragraph, "Lãnh đạo duyệt của đơn vị gửi báo cáo trong khu vực quản trị, kèm phần kết quả đạt được, hạn chế và đề xuất."],
            [new("Đơn vị", unit.Name), new("Kỳ báo cáo", period.Label), new("Hạn gửi", due), new("Gửi đến", to)],
            "Lập và gửi báo cáo",
            SubmittedReportsController.SendUrl(unit.Slug, period));
        return await mailer.SendAsync(addresses, notice, ct);
    }

    private static IEnumerable<NoticeFact> Facts(SubmittedReport report) =>
    [
        new("Đơn vị gửi", report.Unit.Name), new("Kỳ báo cáo", report.Period.Label), new("Lần gửi", report.Version.ToString()),
        new("Người ký gửi", report.SubmittedByName), new("Thời điểm gửi", VietnamTime.FormatDateTime(report.SubmittedAt)),
        new("Hạn gửi", $"{VietnamTime.FormatDate(report.DueOn)} – {report.Timeliness()}"),
    ];

    private async Task AboutReportAsync(int reportId, Func<SubmittedReport, Task> send, CancellationToken ct)
    {
        if (!mailer.Configured || await submissions.FindAsync(reportId, ct) is not { } report)
            return;
        try
        {
            await send(report);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The report is stored and shown in the editor area; the mail was only a courtesy.
            logger.LogError(e, "The notice about report {Id} could not be sent.", reportId);
        }
    }
}
