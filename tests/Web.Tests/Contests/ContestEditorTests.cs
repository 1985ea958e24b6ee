using System.Net;
using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Content.Contests;
using CchcSite.Content.Text;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Contests;

/// <summary>
/// A contest in the editor area: prepared as a draft with its rounds and questions, reviewed by a second person before it is
/// published, fixed once published, and corrected after entries.
/// </summary>
public sealed class ContestEditorTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const string Base = "/quan-tri/hoi-thi";

    private static string Vietnam(DateTime utc) => VietnamTime.ToLocal(utc).ToString("dd/MM/yyyy HH:mm");

    private static Dictionary<string, string> ContestForm(string title, DateTime opens, DateTime closes) => new()
    {
        ["don-vi"] = AuthorizationMatrix.Unit, ["Title"] = title, ["Summary"] = "Tìm hiểu về cải cách hành chính", ["Rules"] = "Mỗi người dự thi một lần mỗi đợt.",
        ["Audience"] = "Everyone", ["QuestionsPerAttempt"] = "5", ["TimeLimitMinutes"] = "10", ["AttemptsPerRound"] = "1",
        ["Rounds[0].OpensAt"] = Vietnam(opens), ["Rounds[0].ClosesAt"] = Vietnam(closes),
    };

    private static Dictionary<string, string> QuestionForm(string text, int correct, string? reason = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Text"] = text, ["Kind"] = "SingleChoice", ["Options[0]"] = "Bộ phận một cửa", ["Options[1]"] = "Văn thư", ["Options[2]"] = "",
            ["Correct"] = correct.ToString(), ["Explanation"] = "Theo Nghị quyết 76/NQ-CP, mục II.",
        };
        if (reason is not null)
            form["CorrectionReason"] = reason;
        return form;
    }

    private async Task<(HttpClient Browser, int ContestId)> ContestOfANewApproverAsync(string name)
    {
        await site.AddUserAsync($"{name}@cchc.test", (AuthorizationMatrix.Unit, UnitRole.Approver));
        var browser = await site.SignedInAsync($"{name}@cchc.test");
        var now = DateTime.UtcNow;
        var created = await EditorSite.PostFormAsync(browser, $"{Base}/moi", ContestForm($"Hội thi {name}", now.AddDays(-1), now.AddDays(7)));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return (browser, int.Parse(created.Headers.Location!.OriginalString.Split('/').Last()));
    }

    private static Task<HttpResponseMessage> StepAsync(HttpClient browser, int id, string step, string? note = null) =>
        EditorSite.PostFormAsync(browser, $"{Base}/{id}/buoc/{step}", note is null ? [] : new() { ["note"] = note });

    /// <summary>Submitted by the one who prepared it and published by the administrator: a contest people can enter.</summary>
    private async Task PublishAsync(HttpClient preparer, int id)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(preparer, id, "Submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(await site.SignedInAsync(EditorSite.AdminEmail), id, "Publish")).StatusCode);
        Assert.Equal(ContestStatus.Published, await site.WithDbAsync(db => db.Contests.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
    }

    // Read as an anonymous type: Npgsql cannot materialise a projected ValueTuple.
    private async Task<(ContestStatus Status, string? Note, string Title)> ReviewStateAsync(int id)
    {
        var state = await site.WithDbAsync(db => db.Contests.Where(c => c.Id == id).Select(c => new { c.Status, c.ReviewNote, c.Title }).SingleAsync());
        return (state.Status, state.ReviewNote, state.Title);
    }

    [Fact]
    public async Task An_editor_prepares_and_submits_a_contest_another_approver_returns_it_with_a_comment_then_publishes_it_once()
    {
        await site.AddUserAsync("soan-hoi-thi@cchc.test", (AuthorizationMatrix.Unit, UnitRole.Editor));
        await site.AddUserAsync("duyet-hoi-thi@cchc.test", (AuthorizationMatrix.Unit, UnitRole.Approver));
        await site.AddUserAsync("duyet-tu-soan@cchc.test", (AuthorizationMatrix.Unit, UnitRole.Approver));
        var browser = await site.SignedInAsync("soan-hoi-thi@cchc.test");
        var approver = await site.SignedInAsync("duyet-hoi-thi@cchc.test");
        var form = ContestForm("Hội thi tìm hiểu một cửa năm 2027", default, default);
        form["Rounds[0].OpensAt"] = "05/01/2027 08:00";
        form["Rounds[0].ClosesAt"] = "12/01/2027 17:00";
        form["Rounds[1].OpensAt"] = "12/01/2027 17:00";
        form["Rounds[1].ClosesAt"] = "19/01/2027 17:00";
        var created = await EditorSite.PostFormAsync(browser, $"{Base}/moi", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());

        var added = await EditorSite.PostFormAsync(browser, $"{Base}/{id}/cau-hoi/moi", QuestionForm("Nơi tiếp nhận hồ sơ thủ tục hành chính là?", 0));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var contest = await site.WithDbAsync(db => db.Contests.Include(c => c.Rounds).Include(c => c.Questions).ThenInclude(q => q.Options).SingleAsync(c => c.Id == id));
        Assert.Equal("hoi-thi-tim-hieu-mot-cua-nam-2027", contest.Slug);
        Assert.Equal([(1, new DateTime(2027, 1, 5, 1, 0, 0), new DateTime(2027, 1, 12, 10, 0, 0)), (2, new DateTime(2027, 1, 12, 10, 0, 0), new DateTime(2027, 1, 19, 10, 0, 0))],
            contest.Rounds.OrderBy(r => r.Number).Select(r => (r.Number, r.OpensAt, r.ClosesAt)));
        var question = Assert.Single(contest.Questions);
        Assert.Equal([("Bộ phận một cửa", true), ("Văn thư", false)], question.Options.OrderBy(o => o.Order).Select(o => (o.Text, o.IsCorrect)));
        var editPage = await browser.GetStringAsync($"{Base}/{id}");
        Assert.Contains("value=\"05/01/2027 08:00\"", editPage);
        Assert.Contains("Nơi tiếp nhận hồ sơ thủ tục hành chính là?", editPage);

        Assert.Contains("Trạng thái: Bản nháp", WebUtility.HtmlDecode(editPage));
        Assert.DoesNotContain("Hội thi tìm hiểu một cửa năm 2027", await site.NewBrowser().GetStringAsync("/hoi-thi"));
        Assert.Equal(2, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.ItemId == id.ToString() && e.Action == AuditActions.ContestSaved
            || e.Action == AuditActions.ContestQuestionSaved && e.ItemId == question.Id.ToString())));

        // The editor submits; they cannot publish, and nobody edits what is under review.
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(browser, id, "Submit")).StatusCode);
        Assert.Contains("/quan-tri/khong-co-quyen", (await StepAsync(browser, id, "Publish")).Headers.Location?.OriginalString);
        var underReview = await EditorSite.PostFormAsync(browser, $"{Base}/{id}", ContestForm("Đổi tên khi đang chờ duyệt", new DateTime(2027, 1, 5), new DateTime(2027, 1, 12)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, underReview.StatusCode);
        Assert.Contains("Hội thi đang chờ duyệt nên không sửa được.", WebUtility.HtmlDecode(await underReview.Content.ReadAsStringAsync()));
        Assert.Equal((ContestStatus.InReview, null, "Hội thi tìm hiểu một cửa năm 2027"), await ReviewStateAsync(id));
        Assert.Contains("Chờ duyệt", WebUtility.HtmlDecode(await approver.GetStringAsync(Base)));

        // Returning it needs a comment; the comment reaches the editor's page.
        var noComment = await StepAsync(approver, id, "SendBack", " ");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noComment.StatusCode);
        Assert.Contains("Vui lòng ghi nhận xét khi trả lại hội thi", WebUtility.HtmlDecode(await noComment.Content.ReadAsStringAsync()));
        Assert.Equal(ContestStatus.InReview, (await ReviewStateAsync(id)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(approver, id, "SendBack", "Bổ sung câu hỏi dự đoán")).StatusCode);
        Assert.Equal((ContestStatus.Draft, "Bổ sung câu hỏi dự đoán", "Hội thi tìm hiểu một cửa năm 2027"), await ReviewStateAsync(id));
        Assert.Contains("Bổ sung câu hỏi dự đoán", WebUtility.HtmlDecode(await browser.GetStringAsync($"{Base}/{id}")));

        // An approver who last edited it may not publish it: two persons, always.
        var selfEditor = await site.SignedInAsync("duyet-tu-soan@cchc.test");
        form["GuessQuestion"] = "Có bao nhiêu người trả lời đúng tất cả các câu hỏi?";
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSite.PostFormAsync(selfEditor, $"{Base}/{id}", form)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(browser, id, "Submit")).StatusCode);
        var own = await StepAsync(selfEditor, id, "Publish");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, own.StatusCode);
        Assert.Contains("Theo quy trình duyệt hai người", WebUtility.HtmlDecode(await own.Content.ReadAsStringAsync()));
        Assert.Equal(ContestStatus.InReview, (await ReviewStateAsync(id)).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(approver, id, "Publish")).StatusCode);
        Assert.Equal(ContestStatus.Published, (await ReviewStateAsync(id)).Status);
        Assert.Contains("Hội thi tìm hiểu một cửa năm 2027", await site.NewBrowser().GetStringAsync("/hoi-thi"));
        Assert.Contains("href=\"/hoi-thi\"", await site.NewBrowser().GetStringAsync("/"));
        // A published contest is not edited in place; before its first round opens it may go back to draft and through review again.
        var published = await EditorSite.PostFormAsync(approver, $"{Base}/{id}", ContestForm("Đổi tên sau khi công bố", new DateTime(2027, 1, 5), new DateTime(2027, 1, 12)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, published.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(approver, id, "BackToDraft")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(browser, id, "Submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(approver, id, "Publish")).StatusCode);
        Assert.Equal(1, await site.WithDbAsync(db => db.Set<CchcSite.Content.Subscriptions.SubscriptionAlert>().CountAsync(a => a.ContestId == id)));
        Assert.Equal(["Bản nháp → Chờ duyệt", "Chờ duyệt → Bản nháp (Bổ sung câu hỏi dự đoán)", "Bản nháp → Chờ duyệt", "Chờ duyệt → Đã công bố",
            "Đã công bố → Bản nháp", "Bản nháp → Chờ duyệt", "Chờ duyệt → Đã công bố"],
            (await site.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.ContestStep && e.ItemId == id.ToString()).OrderBy(e => e.Id)
                .Select(e => e.Summary).ToListAsync())).Select(s => s[(s.IndexOf("”: ", StringComparison.Ordinal) + 3)..]));
    }

    [Fact]
    public async Task Once_a_round_has_opened_a_published_contest_stays_published()
    {
        var (browser, id) = await ContestOfANewApproverAsync("hoi-thi-da-mo");
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSite.PostFormAsync(browser, $"{Base}/{id}/cau-hoi/moi", QuestionForm("Câu hỏi của đợt đã mở?", 0))).StatusCode);
        await PublishAsync(browser, id);

        var back = await StepAsync(await site.SignedInAsync(EditorSite.AdminEmail), id, "BackToDraft");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, back.StatusCode);
        Assert.Contains("Đợt thi đầu tiên đã mở nên không đưa hội thi về bản nháp được", WebUtility.HtmlDecode(await back.Content.ReadAsStringAsync()));
        Assert.Equal(ContestStatus.Published, (await ReviewStateAsync(id)).Status);
        // Its questions take corrections only, even before anyone has entered.
        Assert.Equal(HttpStatusCode.Forbidden, (await EditorSite.PostFormAsync(browser, $"{Base}/{id}/cau-hoi/moi", QuestionForm("Câu hỏi thêm sau khi công bố?", 0))).StatusCode);
        Assert.Equal(1, await site.WithDbAsync(db => db.ContestQuestions.CountAsync(q => q.ContestId == id)));
    }

    [Fact]
    public async Task Bad_contest_and_question_forms_come_back_with_Vietnamese_messages_and_save_nothing()
    {
        var (browser, id) = await ContestOfANewApproverAsync("hoi-thi-loi");
        var before = await site.WithDbAsync(db => db.Contests.CountAsync());
        var form = ContestForm("", default, default);
        form["Rounds[0].OpensAt"] = "31/02/2027 08:00";
        form["Rounds[0].ClosesAt"] = "01/03/2027 08:00";
        form["Rounds[1].OpensAt"] = "10/03/2027 08:00";
        form["Rounds[1].ClosesAt"] = "09/03/2027 08:00";
        form["TimeLimitMinutes"] = "mười";
        var refused = await EditorSite.PostFormAsync(browser, $"{Base}/moi", form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Vui lòng nhập tên hội thi.", html);
        Assert.Contains("Đợt 1: thời gian ghi theo dạng ngày/tháng/năm giờ:phút", html);
        Assert.Contains("Đợt 2: thời gian đóng phải sau thời gian mở.", html);
        Assert.Contains("Thời gian làm bài (phút) phải là số nguyên từ 1 đến 180.", html);
        Assert.Equal(before, await site.WithDbAsync(db => db.Contests.CountAsync()));

        // Two correct options for a single-choice question: the form sends "Correct" twice.
        var content = QuestionForm("Câu hỏi hai đáp án đúng?", 0);
        var twoRight = await browser.PostAsync($"{Base}/{id}/cau-hoi/moi", new FormUrlEncodedContent(
            content.Append(new("Correct", "1")).Append(new("__RequestVerificationToken", EditorSite.AntiforgeryToken(await browser.GetStringAsync($"{Base}/{id}"))))));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twoRight.StatusCode);
        Assert.Contains("Câu hỏi một đáp án chỉ có đúng một phương án đúng.", WebUtility.HtmlDecode(await twoRight.Content.ReadAsStringAsync()));
        var noSource = QuestionForm("Câu hỏi không nguồn?", 0);
        noSource["Explanation"] = " ";
        var refusedQuestion = await EditorSite.PostFormAsync(browser, $"{Base}/{id}/cau-hoi/moi", noSource);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedQuestion.StatusCode);
        Assert.Equal(0, await site.WithDbAsync(db => db.ContestQuestions.CountAsync(q => q.ContestId == id)));
    }

    [Fact]
    public async Task Once_someone_has_entered_questions_are_fixed_and_a_correction_with_a_reason_rescores_and_audits_each_change()
    {
        var (browser, id) = await ContestOfANewApproverAsync("hoi-thi-dinh-chinh");
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSite.PostFormAsync(browser, $"{Base}/{id}/cau-hoi/moi", QuestionForm("Câu hỏi có đáp án sai?", 1))).StatusCode);
        await PublishAsync(browser, id);
        // Two submitted papers: one chose the option marked right by mistake (1 point), one the truly right one (0 points).
        var (questionId, options) = await site.WithDbAsync(async db =>
        {
            var q = await db.ContestQuestions.Include(q => q.Options).SingleAsync(q => q.ContestId == id);
            var round = await db.ContestRounds.SingleAsync(r => r.ContestId == id);
            var ids = q.Options.OrderBy(o => o.Order).Select(o => o.Id).ToList();
            foreach (var (chosen, score) in new[] { (ids[1], 1), (ids[0], 0) })
                db.ContestAttempts.Add(new ContestAttempt
                {
                    RoundId = round.Id, Token = Guid.NewGuid(), FullName = "Người dự thi", Phone = $"09{Random.Shared.Next(10_000_000, 99_999_999)}",
                    StartedAt = DateTime.UtcNow.AddMinutes(-5), SubmittedAt = DateTime.UtcNow, DurationSeconds = 100, Score = score,
                    Answers = [new ContestAnswer { QuestionId = q.Id, Position = 1, OptionOrder = $"{ids[0]},{ids[1]}", Chosen = chosen.ToString() }],
                });
            await db.SaveChangesAsync();
            return (q.Id, ids);
        });

        var add = await EditorSite.PostFormAsync(browser, $"{Base}/{id}/cau-hoi/moi", QuestionForm("Câu hỏi thêm sau khi đã có người thi?", 0));
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        var delete = await EditorSite.PostFormAsync(browser, $"{Base}/{id}/cau-hoi/{questionId}/xoa", []);
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        var noReason = await EditorSite.PostFormAsync(browser, $"{Base}/{id}/cau-hoi/{questionId}", QuestionForm("Câu hỏi có đáp án sai?", 0));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        var threeOptions = QuestionForm("Câu hỏi có đáp án sai?", 0, "Đáp án nhầm");
        threeOptions["Options[2]"] = "Phương án mới";
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await EditorSite.PostFormAsync(browser, $"{Base}/{id}/cau-hoi/{questionId}", threeOptions)).StatusCode);
        Assert.Equal([1, 0], await site.WithDbAsync(db => db.ContestAttempts.Where(a => a.Round.ContestId == id).OrderBy(a => a.Id).Select(a => a.Score ?? -1).ToListAsync()));
        Assert.Equal(1, await site.WithDbAsync(db => db.ContestQuestions.CountAsync(q => q.ContestId == id)));

        var corrected = await EditorSite.PostFormAsync(browser, $"{Base}/{id}/cau-hoi/{questionId}", QuestionForm("Câu hỏi có đáp án sai?", 0, "Đáp án nhầm phương án B"));
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal([0, 1], await site.WithDbAsync(db => db.ContestAttempts.Where(a => a.Round.ContestId == id).OrderBy(a => a.Id).Select(a => a.Score ?? -1).ToListAsync()));
        // The options kept their ids: the papers still name them.
        Assert.Equal(options, await site.WithDbAsync(db => db.ContestOptions.Where(o => o.QuestionId == questionId).OrderBy(o => o.Order).Select(o => o.Id).ToListAsync()));
        var audit = await site.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.ContestRescored || e.Action == AuditActions.ContestQuestionCorrected)
            .Where(e => e.Summary.Contains($"Hội thi hoi-thi-dinh-chinh")).OrderBy(e => e.Id).Select(e => e.Summary).ToListAsync());
        Assert.Equal(3, audit.Count);
        Assert.Contains("Lý do: Đáp án nhầm phương án B", audit[0]);
        Assert.EndsWith(": 1 → 0.", audit[1]);
        Assert.EndsWith(": 0 → 1.", audit[2]);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, string path, string csv, string token)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "tep", "cau-hoi.csv" },
        };
        return await browser.PostAsync(path, form);
    }

    private const string Header = "Câu hỏi,Loại,Phương án A,Phương án B,Phương án C,Phương án D,Phương án E,Phương án F,Đáp án đúng,Giải thích và nguồn\r\n";

    [Fact]
    public async Task Questions_are_imported_from_a_file_after_a_dry_run_all_or_nothing_with_errors_by_line_and_column()
    {
        var (browser, id) = await ContestOfANewApproverAsync("hoi-thi-nhap");
        var path = $"{Base}/{id}/nhap";
        var token = EditorSite.AntiforgeryToken(await browser.GetStringAsync($"{Base}/{id}"));
        var bad = Header
            + "Câu hỏi đúng?,Một đáp án,Có,Không,,,,,A,Theo Nghị quyết 76/NQ-CP.\r\n"
            + "Câu hỏi thiếu phương án?,Một đáp án,Có,,,,,,A,Nguồn\r\n"
            + "Câu hỏi đáp án lạ?,Một đáp án,Có,Không,,,,,G,Nguồn\r\n"
            + ",Một đáp án,Có,Không,,,,,A,\r\n";
        var refused = await UploadAsync(browser, path, bad, token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Dòng 3: Cột \"Phương án A–F\": Câu hỏi lựa chọn cần từ 2 đến 6 phương án.", html);
        Assert.Contains("Dòng 4: Cột \"Đáp án đúng\": \"G\" không phải là phương án", html);
        Assert.Contains("Dòng 5: Cột \"Câu hỏi\": Câu hỏi chưa có nội dung.", html);
        Assert.Contains("Dòng 5: Cột \"Giải thích và nguồn\"", html);
        Assert.DoesNotContain("Dòng 2:", html);
        Assert.Equal(0, await site.WithDbAsync(db => db.ContestQuestions.CountAsync(q => q.ContestId == id)));

        var good = Header
            + "Bộ phận nào tiếp nhận hồ sơ?,Một đáp án,Văn thư,Bộ phận Một cửa,,,,,B,Theo Nghị quyết 76/NQ-CP.\r\n"
            + "\"Những kênh nào nhận phản ánh, kiến nghị?\",Nhiều đáp án,Đường dây nóng,Hộp thư góp ý,Không có kênh nào,,,,\"A, B\",Theo Kế hoạch tuyên truyền CCHC.\r\n";
        var preview = await UploadAsync(browser, path, good, token);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var previewHtml = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Contains("Xem trước (chưa lưu): 2 câu hỏi", previewHtml);
        Assert.Equal(0, await site.WithDbAsync(db => db.ContestQuestions.CountAsync(q => q.ContestId == id)));

        var content = System.Text.RegularExpressions.Regex.Match(previewHtml, "name=\"noi-dung\" value=\"([^\"]+)\"").Groups[1].Value;
        var applied = await EditorSite.PostFormAsync(browser, path, new() { ["noi-dung"] = content, ["ten-tep"] = "cau-hoi.csv", ["ap-dung"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var stored = await site.WithDbAsync(db => db.ContestQuestions.Where(q => q.ContestId == id).OrderBy(q => q.Order)
            .Select(q => new { q.Text, q.Kind, Correct = q.Options.Where(o => o.IsCorrect).OrderBy(o => o.Order).Select(o => o.Text).ToList() }).ToListAsync());
        Assert.Equal(["Bộ phận nào tiếp nhận hồ sơ?", "Những kênh nào nhận phản ánh, kiến nghị?"], stored.Select(q => q.Text));
        Assert.Equal(CchcSite.Content.Questionnaires.QuestionKind.MultipleChoice, stored[1].Kind);
        Assert.Equal(["Đường dây nóng", "Hộp thư góp ý"], stored[1].Correct);
        Assert.Equal(["Bộ phận Một cửa"], stored[0].Correct);
    }

    [Fact]
    public async Task Organisers_see_entries_with_contacts_disqualify_one_with_a_reason_and_export_them()
    {
        var (browser, id) = await ContestOfANewApproverAsync("hoi-thi-loai-bai");
        var attempts = await site.WithDbAsync(async db =>
        {
            var round = await db.ContestRounds.SingleAsync(r => r.ContestId == id);
            var list = new[] { ("Trần Văn Nhất", "0912000111", 9), ("Lê Thị Nhì", "0912000222", 8) }.Select(p => new ContestAttempt
            {
                RoundId = round.Id, Token = Guid.NewGuid(), FullName = p.Item1, Phone = p.Item2, StartedAt = DateTime.UtcNow.AddMinutes(-5),
                SubmittedAt = DateTime.UtcNow, DurationSeconds = 200, Score = p.Item3,
            }).ToList();
            db.ContestAttempts.AddRange(list);
            await db.SaveChangesAsync();
            return list.Select(a => a.Id).ToList();
        });

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"{Base}/{id}/bai-thi"));
        Assert.Contains("0912000111", page);
        Assert.True(page.IndexOf("Trần Văn Nhất", StringComparison.Ordinal) < page.IndexOf("Lê Thị Nhì", StringComparison.Ordinal));

        var noReason = await EditorSite.PostFormAsync(browser, $"{Base}/{id}/bai-thi/{attempts[0]}/loai", new() { ["ly-do"] = " " });
        Assert.Equal(HttpStatusCode.Redirect, noReason.StatusCode);
        Assert.Null(await site.WithDbAsync(db => db.ContestAttempts.Where(a => a.Id == attempts[0]).Select(a => a.DisqualifiedReason).SingleAsync()));
        var disqualified = await EditorSite.PostFormAsync(browser, $"{Base}/{id}/bai-thi/{attempts[0]}/loai", new() { ["ly-do"] = "Nhờ người khác làm bài" });
        Assert.Equal(HttpStatusCode.Redirect, disqualified.StatusCode);
        Assert.Equal("Nhờ người khác làm bài", await site.WithDbAsync(db => db.ContestAttempts.Where(a => a.Id == attempts[0]).Select(a => a.DisqualifiedReason).SingleAsync()));
        Assert.Contains("Lý do: Nhờ người khác làm bài", await site.WithDbAsync(db => db.AuditEntries
            .Where(e => e.Action == AuditActions.ContestEntryDisqualified && e.ItemId == attempts[0].ToString()).Select(e => e.Summary).SingleAsync()));
        // The ranking is read from the entries that stand: the second is now first.
        var ranking = await site.WithDbAsync(async db =>
        {
            var contest = await db.Contests.SingleAsync(c => c.Id == id);
            var round = await db.ContestRounds.SingleAsync(r => r.ContestId == id);
            return await new PublicContests(db, null!, null!, new ContestSubmission(db), TimeProvider.System).RoundResultsAsync(contest, round, CancellationToken.None);
        });
        Assert.Equal(["Lê Thị Nhì"], ranking.Rows.Select(r => r.Name));

        var csv = await browser.GetAsync($"{Base}/{id}/bai-thi.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("Trần Văn Nhất,0912000111", text);
        Assert.Contains("Nhờ người khác làm bài", text);
        var xlsx = await browser.GetAsync($"{Base}/{id}/bai-thi.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }
}
