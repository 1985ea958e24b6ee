using CchcSite.Content.Outcomes;
using CchcSite.Content.Audit;
using CchcSite.Content.Questions;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Tests.Questions;

public class SubmissionWorkflowTests
{
    [Fact]
    public async Task Answering_and_publishing_records_each_step_in_the_history_and_the_audit_log()
    {
        await using var site = await QuestionsTestSite.CreateAsync();
        var item = await site.SubmitAsync();

        Assert.IsType<Outcome<Submission>.Ok>(await site.StepAsync(item.Id, new SubmissionCommand.Answer("Hồ sơ gồm **đơn đề nghị**.")));
        site.Database.Clock.Advance(TimeSpan.FromHours(2));
        Assert.IsType<Outcome<Submission>.Ok>(await site.StepAsync(item.Id, new SubmissionCommand.Publish(), site.Reviewer));

        await using var db = site.Database.NewContext();
        var stored = await db.Submissions.Include(s => s.History).SingleAsync(s => s.Id == item.Id);
        Assert.Equal(SubmissionStatus.Published, stored.Status);
        Assert.Equal(site.Database.Clock.GetUtcNow().UtcDateTime, stored.AnsweredAt);
        Assert.Equal(site.UnitA.Id, stored.AnsweredByUnitId);
        Assert.Equal([SubmissionStep.Received, SubmissionStep.Answered, SubmissionStep.Published],
            stored.History.OrderBy(h => h.Id).Select(h => h.Step));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.SubmissionStep && a.ItemId == item.Id.ToString()));
    }

    [Fact]
    public async Task A_question_without_consent_and_feedback_are_sent_to_the_citizen_but_never_published()
    {
        await using var site = await QuestionsTestSite.CreateAsync();
        var item = await site.SubmitAsync(QuestionsTestSite.Valid() with { PublishConsent = false });
        await site.StepAsync(item.Id, new SubmissionCommand.Answer("Trả lời riêng."));

        Assert.IsType<Outcome<Submission>.Refused>(await site.StepAsync(item.Id, new SubmissionCommand.Publish(), site.Reviewer));
        Assert.IsType<Outcome<Submission>.Ok>(await site.StepAsync(item.Id, new SubmissionCommand.Close(), site.Reviewer));

        await using var db = site.Database.NewContext();
        var tracking = await site.Database.Get<PublicSubmissions>(db).TrackAsync(item.TrackingCode.ToLowerInvariant(), CancellationToken.None);
        Assert.Equal(SubmissionStatus.Closed, tracking!.Status);
        Assert.Contains("Trả lời riêng.", tracking.AnswerHtml);
        Assert.Equal(0, (await site.Database.Get<PublicSubmissions>(db).ColumnAsync(null, null, new(), CancellationToken.None)).TotalCount);
    }

    [Fact]
    public async Task Forwarding_moves_the_item_to_the_other_unit_and_keeps_the_reason()
    {
        await using var site = await QuestionsTestSite.CreateAsync();
        var item = await site.SubmitAsync();

        Assert.IsType<Outcome<Submission>.Refused>(await site.StepAsync(item.Id, new SubmissionCommand.Forward(site.UnitB.Id, " ")));
        Assert.IsType<Outcome<Submission>.Ok>(await site.StepAsync(item.Id, new SubmissionCommand.Forward(site.UnitB.Id, "Thuộc thẩm quyền của Sở B")));

        await using var db = site.Database.NewContext();
        var stored = await db.Submissions.Include(s => s.History).SingleAsync(s => s.Id == item.Id);
        Assert.Equal(site.UnitB.Id, stored.UnitId);
        Assert.Equal(SubmissionStatus.Received, stored.Status);
        Assert.Equal("Thuộc thẩm quyền của Sở B", stored.History.Single(h => h.Step == SubmissionStep.Forwarded).Note);
        Assert.Empty((await site.Inbox(db).ListAsync(new InboxFilter(new HashSet<int> { site.UnitA.Id }), CancellationToken.None)).Items);
    }

    [Fact]
    public async Task Duplicates_merge_into_another_item_of_the_same_unit_and_rejections_need_a_reason()
    {
        await using var site = await QuestionsTestSite.CreateAsync();
        var first = await site.SubmitAsync();
        var duplicate = await site.SubmitAsync();
        var other = await site.SubmitAsync(QuestionsTestSite.Valid("so-b"));

        Assert.IsType<Outcome<Submission>.Refused>(await site.StepAsync(duplicate.Id, new SubmissionCommand.Merge(other.TrackingCode)));
        Assert.IsType<Outcome<Submission>.Refused>(await site.StepAsync(duplicate.Id, new SubmissionCommand.Merge(duplicate.TrackingCode)));
        Assert.IsType<Outcome<Submission>.Ok>(await site.StepAsync(duplicate.Id, new SubmissionCommand.Merge(first.TrackingCode.ToLowerInvariant())));
        Assert.IsType<Outcome<Submission>.Refused>(await site.StepAsync(other.Id, new SubmissionCommand.Reject(RejectionKind.Spam, "")));
        Assert.IsType<Outcome<Submission>.Ok>(await site.StepAsync(other.Id, new SubmissionCommand.Reject(RejectionKind.Spam, "Quảng cáo")));

        await using var db = site.Database.NewContext();
        var merged = await db.Submissions.SingleAsync(s => s.Id == duplicate.Id);
        Assert.Equal((SubmissionStatus.Merged, first.Id), (merged.Status, merged.MergedIntoId));
        var tracking = await site.Database.Get<PublicSubmissions>(db).TrackAsync(other.TrackingCode, CancellationToken.None);
        Assert.Equal("Nội dung rác, quấy rối: Quảng cáo", tracking!.RejectionReason);
        // The merged item's own code tells nothing of the item it was merged into, which belongs to another citizen.
        await site.StepAsync(first.Id, new SubmissionCommand.Answer("Trả lời riêng cho người hỏi đầu tiên."));
        await site.StepAsync(first.Id, new SubmissionCommand.Close(), site.Reviewer);
        var mergedTracking = await site.Database.Get<PublicSubmissions>(db).TrackAsync(duplicate.TrackingCode, CancellationToken.None);
        Assert.DoesNotContain(first.TrackingCode, System.Text.Json.JsonSerializer.Serialize(mergedTracking));
        Assert.Equal((null, null), (mergedTracking!.AnswerHtml, mergedTracking.PublishedQuestionUrl));
    }

    [Fact]
    public async Task A_step_on_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        await using var site = await QuestionsTestSite.CreateAsync();
        var item = await site.SubmitAsync();
        await using var db = site.Database.NewContext();
        var inbox = site.Inbox(db);
        var loaded = (await inbox.FindAsync(item.Id, CancellationToken.None))!;
        Assert.IsType<Outcome<Submission>.Conflict>(await inbox.StepAsync(loaded, Guid.NewGuid(), new SubmissionCommand.Answer("x"), site.OfficerGrants, QuestionsTestSite.Officer, CancellationToken.None));
        Assert.Null((await site.Database.NewContext().Submissions.SingleAsync(s => s.Id == item.Id)).AnswerMarkdown);
    }

    [Fact]
    public async Task Citizen_input_is_checked_and_stored_exactly_as_typed()
    {
        await using var site = await QuestionsTestSite.CreateAsync();
        await using var db = site.Database.NewContext();
        var intake = site.Intake(db);

        var empty = await intake.SubmitAsync(SubmissionKind.Feedback, new SubmissionInput(), null, CancellationToken.None);
        Assert.Equal(["Category", "Email", "FeedbackType", "Location", "Name", "Text", "Title", "Unit"], Assert.IsType<Outcome<Submitted>.Invalid>(empty).Errors.Keys.Order());
        var tooLong = await intake.SubmitAsync(SubmissionKind.Question, QuestionsTestSite.Valid() with { Text = new string('a', CitizenSubmissions.MaxText + 1) },
            null, CancellationToken.None);
        Assert.Contains("tối đa 4000 ký tự", Assert.Single(Assert.IsType<Outcome<Submitted>.Invalid>(tooLong).Errors["Text"]));
        var badEmail = await intake.SubmitAsync(SubmissionKind.Question, QuestionsTestSite.Valid() with { Email = "khong-phai-email" }, null, CancellationToken.None);
        Assert.True(Assert.IsType<Outcome<Submitted>.Invalid>(badEmail).Errors.ContainsKey("Email"));
        var phoneOnly = await intake.SubmitAsync(SubmissionKind.Question, QuestionsTestSite.Valid() with { Email = null, Phone = "0299 3822 123" }, null, CancellationToken.None);
        Assert.IsType<Outcome<Submitted>.Ok>(phoneOnly);

        const string payload = "<script>alert('x')</script> & \"trích dẫn\"";
        var result = await intake.SubmitAsync(SubmissionKind.Question, QuestionsTestSite.Valid() with { Title = payload, Text = payload }, null, CancellationToken.None);
        var code = Assert.IsType<Outcome<Submitted>.Ok>(result).Value.TrackingCode;
        var stored = await db.Submissions.AsNoTracking().SingleAsync(s => s.TrackingCode == code);
        Assert.Equal((payload, payload), (stored.Title, stored.Text));
    }

    [Fact]
    public async Task An_attachment_must_really_be_an_image_or_a_PDF()
    {
        await using var site = await QuestionsTestSite.CreateAsync();
        await using var db = site.Database.NewContext();
        var intake = site.Intake(db);

        var disguised = await intake.SubmitAsync(SubmissionKind.Question, QuestionsTestSite.Valid(),
            new SubmittedFile("anh.png", new MemoryStream("%PDF-1.4 not an image"u8.ToArray())), CancellationToken.None);
        Assert.True(Assert.IsType<Outcome<Submitted>.Invalid>(disguised).Errors.ContainsKey(CitizenSubmissions.AttachmentField));
        var word = await intake.SubmitAsync(SubmissionKind.Question, QuestionsTestSite.Valid(),
            new SubmittedFile("don.docx", new MemoryStream([0x50, 0x4B, 3, 4])), CancellationToken.None);
        Assert.True(Assert.IsType<Outcome<Submitted>.Invalid>(word).Errors.ContainsKey(CitizenSubmissions.AttachmentField));
        site.Options.MaxAttachmentBytes = 10;
        var large = await intake.SubmitAsync(SubmissionKind.Question, QuestionsTestSite.Valid(),
            new SubmittedFile("to.pdf", new MemoryStream("%PDF-1.4 larger than ten bytes"u8.ToArray())), CancellationToken.None);
        Assert.True(Assert.IsType<Outcome<Submitted>.Invalid>(large).Errors.ContainsKey(CitizenSubmissions.AttachmentField));

        site.Options.MaxAttachmentBytes = 1024;
        var pdf = await intake.SubmitAsync(SubmissionKind.Question, QuestionsTestSite.Valid(),
            new SubmittedFile("Đơn đề nghị.pdf", new MemoryStream("%PDF-1.4 ok"u8.ToArray())), CancellationToken.None);
        var code = Assert.IsType<Outcome<Submitted>.Ok>(pdf).Value.TrackingCode;
        var stored = await db.Submissions.AsNoTracking().SingleAsync(s => s.TrackingCode == code);
        Assert.Equal(("don-de-nghi.pdf", "application/pdf"), (stored.AttachmentName, stored.AttachmentType));
    }

    [Fact]
    public void Tracking_codes_are_ten_unambiguous_characters_and_typing_is_forgiven()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => TrackingCode.New()).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches("^[A-HJKMNP-Z2-9]{10}$", code));
        Assert.Equal("ABCDE23456", TrackingCode.Normalize(" abcde-23456 "));
        Assert.Null(TrackingCode.Normalize("ABCDE2345O"));
        Assert.Null(TrackingCode.Normalize("ABC"));
    }
}
