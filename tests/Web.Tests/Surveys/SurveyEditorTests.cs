using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Text.Json;
using CchcSite.Content.Accounts;
using CchcSite.Content.Questionnaires;
using CchcSite.Content.Surveys;
using CchcSite.Web.Tests.Editor;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Surveys;

/// <summary>A unit runs a survey end to end in the editor area, on the seeded site; the seeded surveys; the public results and the API.</summary>
public sealed class SurveyEditorTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const string Approver = "khao-sat-thac-mo@cchc.test";

    private static int IdFrom(HttpResponseMessage redirect) =>
        int.Parse(redirect.Headers.Location!.OriginalString.Split('/', '#')[3], CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_approver_creates_opens_locks_closes_and_publishes_a_survey_and_the_exports_equal_the_page()
    {
        await site.AddUserAsync(Approver, (SeedFacts.Units.UbndPhuongThacMo, UnitRole.Approver));
        var editor = await site.SignedInAsync(Approver);
        var created = await EditorSite.PostFormAsync(editor, "/quan-tri/khao-sat/moi", new() { ["don-vi"] = SeedFacts.Units.UbndPhuongThacMo, ["mau"] = "Satisfaction" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = IdFrom(created);
        var path = $"/quan-tri/khao-sat/{id}";

        // Bad dates keep what was typed and say why, in Vietnamese.
        var today = DateTime.UtcNow.AddHours(7);
        var details = new Dictionary<string, string>
        {
            ["Title"] = "Khảo sát hài lòng thử của phường", ["Audience"] = "Citizens", ["OpensOn"] = "32/13/2026", ["ClosesOn"] = today.AddDays(10).ToString("dd/MM/yyyy"),
            ["IsAnonymous"] = "true", ["TargetPercent"] = "90", ["TargetLabel"] = "90% người dân hài lòng",
        };
        var refused = await EditorSite.PostFormAsync(editor, path, details);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Ngày mở ghi theo dạng ngày/tháng/năm, ví dụ 05/01/2027.", html);
        Assert.Contains("value=\"32/13/2026\"", html);
        details["OpensOn"] = today.ToString("dd/MM/yyyy");
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSite.PostFormAsync(editor, path, details)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSite.PostFormAsync(editor, $"{path}/trang-thai", new() { ["chuyen"] = "Open" })).StatusCode);

        // A citizen answers on the public form.
        var slug = await site.WithDbAsync(db => db.Surveys.Where(s => s.Id == id).Select(s => s.Slug).SingleAsync());
        var questions = await site.WithDbAsync(db => db.SurveyQuestions.Include(q => q.Options).Where(q => q.SurveyId == id).OrderBy(q => q.Order).ToListAsync());
        var citizen = site.NewBrowser();
        var form = await citizen.GetStringAsync(SurveyAddresses.Survey(slug));
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", EditorSite.AntiforgeryToken(form)) };
        foreach (var q in questions.Where(q => q.ShowIfQuestionId is null))
            if (q.Kind.HasOptions())
                fields.Add(new($"q{q.Id}", q.Options.OrderBy(o => o.Order).Last().Id.ToString(CultureInfo.InvariantCulture)));
            else if (q.Kind == QuestionKind.Scale)
                fields.Add(new($"q{q.Id}", "5"));
        var sent = await citizen.PostAsync(SurveyAddresses.Survey(slug), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        // The questions are locked now: the form is not offered, a post changes nothing and says why.
        var question = questions[0].Id;
        var locked = await EditorSite.PostFormAsync(editor, $"{path}/cau-hoi/{question}", new()
        {
            ["Text"] = "Câu hỏi đổi sau khi có ý kiến", ["Kind"] = "SingleChoice", ["Required"] = "true", ["Options[0]"] = "A", ["Options[1]"] = "B",
        });
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Contains(SurveyEditing.Locked, WebUtility.HtmlDecode(await editor.GetStringAsync(path)));
        Assert.Equal(questions[0].Text, await site.WithDbAsync(db => db.SurveyQuestions.Where(q => q.Id == question).Select(q => q.Text).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync($"{path}/cau-hoi/moi")).StatusCode);

        // Results: one response, the indicator met by it, against the 90% target; the exports hold the page's figures.
        var page = WebUtility.HtmlDecode(await editor.GetStringAsync($"{path}/ket-qua"));
        Assert.Contains("Số phiếu trả lời: <strong>1</strong>", page);
        Assert.Contains("100,0%</strong> (1/1 người)", page);
        Assert.Contains("Chưa đủ căn cứ kết luận", page);
        var csvRows = new List<string[]>();
        using (var csv = new CsvReader(new StreamReader(await editor.GetStreamAsync($"{path}/ket-qua.csv")), CultureInfo.InvariantCulture))
            while (await csv.ReadAsync())
                csvRows.Add([.. Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i)!)]);
        Assert.Equal(SurveyResults.ExportColumns, csvRows[0]);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await editor.GetByteArrayAsync($"{path}/ket-qua.xlsx")), false);
        var xlsxRows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.Text?.Text ?? "").ToArray()).ToList();
        Assert.Equal(csvRows, xlsxRows);
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        foreach (var row in csvRows.Skip(1).Where(r => r[0] != "" && r[2] != "Số người trả lời" && r[2] != "Điểm trung bình"))
        {
            var percent = double.Parse(row[4], CultureInfo.InvariantCulture).ToString("0.0", vi);
            var label = row[2].StartsWith("Mức ") ? row[2][4..] : row[2];
            Assert.Contains($"{percent}% · {row[3]} ý kiến", page);
            Assert.Contains(label, page);
        }

        // Published only after closing; then the public page shows the figures, never a response.
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync(SurveyAddresses.Results(slug))).StatusCode);
        await EditorSite.PostFormAsync(editor, $"{path}/trang-thai", new() { ["chuyen"] = "Published" });
        Assert.Equal(SurveyState.Open, await site.WithDbAsync(db => db.Surveys.Where(s => s.Id == id).Select(s => s.State).SingleAsync()));
        await EditorSite.PostFormAsync(editor, $"{path}/trang-thai", new() { ["chuyen"] = "Closed" });
        await EditorSite.PostFormAsync(editor, $"{path}/trang-thai", new() { ["chuyen"] = "Published" });
        var published = WebUtility.HtmlDecode(await citizen.GetStringAsync(SurveyAddresses.Results(slug)));
        Assert.Contains("Số phiếu trả lời: <strong>1</strong>", published);
        Assert.Contains("Ý kiến riêng của người trả lời không được công bố.", published);
        Assert.DoesNotContain("Phiếu trả lời theo thời gian", published);
        Assert.DoesNotContain("Chia theo đối tượng trả lời", published);
        Assert.Contains("Chia theo đối tượng trả lời", WebUtility.HtmlDecode(await editor.GetStringAsync($"{path}/ket-qua")));
        Assert.Contains("Phiếu trả lời theo thời gian", WebUtility.HtmlDecode(await editor.GetStringAsync($"{path}/ket-qua")));
        Assert.Contains("Xem kết quả khảo sát", WebUtility.HtmlDecode(await citizen.GetStringAsync(SurveyAddresses.Survey(slug))));
    }

    [Fact]
    public async Task An_approver_adds_a_matrix_the_citizen_answers_it_as_a_table_and_the_results_draw_it_as_stacked_bars()
    {
        await site.AddUserAsync("khao-sat-ma-tran@cchc.test", (SeedFacts.Units.UbndPhuongThacMo, UnitRole.Approver));
        var editor = await site.SignedInAsync("khao-sat-ma-tran@cchc.test");
        var id = IdFrom(await EditorSite.PostFormAsync(editor, "/quan-tri/khao-sat/moi", new() { ["don-vi"] = SeedFacts.Units.UbndPhuongThacMo, ["mau"] = "Understanding" }));
        var path = $"/quan-tri/khao-sat/{id}";
        Assert.Contains($"href=\"{path}/ma-tran/moi\"", await editor.GetStringAsync(path));
        Assert.Contains("name=\"Statements\"", await editor.GetStringAsync($"{path}/ma-tran/moi"));

        // One statement is not a matrix: refused in Vietnamese, what was typed kept, nothing stored.
        var matrix = new Dictionary<string, string>
        {
            ["Section"] = "IV. Đánh giá tuyên truyền", ["Prompt"] = "Ông/Bà đánh giá thế nào về công tác tuyên truyền CCHC?", ["Statements"] = "Nội dung dễ hiểu",
            ["LowLabel"] = "Rất kém", ["HighLabel"] = "Rất tốt", ["Required"] = "true",
        };
        var refused = await EditorSite.PostFormAsync(editor, $"{path}/ma-tran/moi", matrix);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Ma trận cần từ 2 đến 10 nội dung đánh giá", html);
        Assert.Contains(">Nội dung dễ hiểu</textarea>", html);
        Assert.Equal(6, await site.WithDbAsync(db => db.SurveyQuestions.CountAsync(q => q.SurveyId == id)));

        matrix["Statements"] = "Nội dung dễ hiểu\r\nHình thức phong phú\r\nĐến được với người dân";
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSite.PostFormAsync(editor, $"{path}/ma-tran/moi", matrix)).StatusCode);
        Assert.Contains("ma trận “Ông/Bà đánh giá thế nào về công tác tuyên truyền CCHC?”", WebUtility.HtmlDecode(await editor.GetStringAsync(path)));
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSite.PostFormAsync(editor, $"{path}/trang-thai", new() { ["chuyen"] = "Open" })).StatusCode);

        // The form: one fieldset for the matrix, one per statement, a label for every radio.
        var slug = await site.WithDbAsync(db => db.Surveys.Where(s => s.Id == id).Select(s => s.Slug).SingleAsync());
        var q = await site.WithDbAsync(db => db.SurveyQuestions.Include(x => x.Options).Where(x => x.SurveyId == id).OrderBy(x => x.Order).ToListAsync());
        var statements = q.Where(x => x.Group != null).ToList();
        var citizen = site.NewBrowser();
        var form = WebUtility.HtmlDecode(await citizen.GetStringAsync(SurveyAddresses.Survey(slug)));
        Assert.Contains($"<fieldset class=\"survey-matrix\" id=\"ma-tran-{statements[0].Id}\"", form);
        Assert.Contains("<legend>Ông/Bà đánh giá thế nào về công tác tuyên truyền CCHC? <span class=\"survey-matrix__numbers\">(câu 7–9)</span></legend>", form);
        foreach (var statement in statements)
            for (var level = 1; level <= 5; level++)
                Assert.Contains($"<label for=\"q{statement.Id}-m{level}\">{level}", form);
        Assert.Contains($"<label for=\"q{statements[0].Id}-m5\">5<span class=\"survey-matrix__end\"> – Rất tốt</span></label>", form);
        Assert.Contains($"id=\"thang-{statements[0].Id}\">Chọn một mức cho mỗi nội dung, từ 1 – Rất kém đến 5 – Rất tốt.</p>", form);

        // A statement left out is refused on its own row; the others keep what was chosen.
        string Option(int question, int option) => q[question].Options.OrderBy(o => o.Order).ElementAt(option).Id.ToString(CultureInfo.InvariantCulture);
        List<KeyValuePair<string, string>> fields =
        [
            new("__RequestVerificationToken", EditorSite.AntiforgeryToken(form)), new($"q{q[0].Id}", Option(0, 0)), new($"q{q[1].Id}", Option(1, 0)),
            new($"q{q[2].Id}", Option(2, 0)), new($"q{q[4].Id}", "4"), new($"q{statements[0].Id}", "5"), new($"q{statements[1].Id}", "2"),
        ];
        var missing = await citizen.PostAsync(SurveyAddresses.Survey(slug), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        var again = WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync());
        Assert.Contains($"<p class=\"field-error\" id=\"loi-{statements[2].Id}\">{QuestionnaireAnswers.RequiredMessage}</p>", again);
        Assert.Matches($"id=\"q{statements[1].Id}-m2\" type=\"radio\" name=\"q{statements[1].Id}\" value=\"2\" checked", again);
        fields.Add(new($"q{statements[2].Id}", "5"));
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.PostAsync(SurveyAddresses.Survey(slug), new FormUrlEncodedContent(fields))).StatusCode);

        // Each statement is its own column of the responses export; the results draw the matrix as one stacked chart with its table.
        Assert.Contains($"Câu 8. Ông/Bà đánh giá thế nào về công tác tuyên truyền CCHC? – Hình thức phong phú",
            await editor.GetStringAsync($"{path}/y-kien.csv"));
        var results = WebUtility.HtmlDecode(await editor.GetStringAsync($"{path}/ket-qua"));
        Assert.Single(Regex.Matches(results, "chart__svg--chong"));
        Assert.Contains("<h3 id=\"kq-cau-" + statements[0].Id + "\">Câu 7–9. Ông/Bà đánh giá thế nào về công tác tuyên truyền CCHC?</h3>", results);
        Assert.Contains("<th scope=\"col\" class=\"num\">5 – Rất tốt</th>", results);
        Assert.Contains("Câu 8. Hình thức phong phú: 1 – Rất kém: 0,0% · 0 ý kiến, 2: 100,0% · 1 ý kiến", results);
        Assert.Contains("<td class=\"num\">100,0% · 1 ý kiến</td>", results);
        Assert.DoesNotContain($"id=\"bd-cau-{statements[1].Id}", results);
    }

    [Fact]
    public async Task The_responses_export_gives_officers_each_response_with_its_free_text_in_CSV_and_XLSX_alike()
    {
        await site.AddUserAsync("khao-sat-y-kien@cchc.test", (SeedFacts.Units.UbndPhuongThacMo, UnitRole.Approver));
        var editor = await site.SignedInAsync("khao-sat-y-kien@cchc.test");
        var id = IdFrom(await EditorSite.PostFormAsync(editor, "/quan-tri/khao-sat/moi", new() { ["don-vi"] = SeedFacts.Units.UbndPhuongThacMo, ["mau"] = "Understanding" }));
        var path = $"/quan-tri/khao-sat/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSite.PostFormAsync(editor, $"{path}/trang-thai", new() { ["chuyen"] = "Open" })).StatusCode);
        var slug = await site.WithDbAsync(db => db.Surveys.Where(s => s.Id == id).Select(s => s.Slug).SingleAsync());
        var q = await site.WithDbAsync(db => db.SurveyQuestions.Include(x => x.Options).Where(x => x.SurveyId == id).OrderBy(x => x.Order).ToListAsync());
        var citizen = site.NewBrowser();
        var form = await citizen.GetStringAsync(SurveyAddresses.Survey(slug));
        string Option(int question, int option) => q[question].Options.OrderBy(o => o.Order).ElementAt(option).Id.ToString(CultureInfo.InvariantCulture);
        // A comment that a spreadsheet would run as a formula if it were written as it came.
        const string comment = "=HYPERLINK(\"http://x.test\",\"Xem\"), thêm tờ rơi";
        var sent = await citizen.PostAsync(SurveyAddresses.Survey(slug), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", EditorSite.AntiforgeryToken(form)), new($"q{q[0].Id}", Option(0, 1)), new($"q{q[1].Id}", Option(1, 0)),
            new($"q{q[2].Id}", Option(2, 1)), new($"q{q[3].Id}", Option(3, 0)), new($"q{q[3].Id}", Option(3, 2)), new($"q{q[4].Id}", "3"), new($"q{q[5].Id}", comment),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        Assert.Contains($"href=\"{path}/y-kien.csv\"", await editor.GetStringAsync($"{path}/ket-qua"));
        var csvResponse = await editor.GetAsync($"{path}/y-kien.csv");
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var csvRows = new List<string[]>();
        using (var csv = new CsvReader(new StreamReader(await csvResponse.Content.ReadAsStreamAsync()), CultureInfo.InvariantCulture))
            while (await csv.ReadAsync())
                csvRows.Add([.. Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i)!)]);
        var day = DateTime.UtcNow.AddHours(7).ToString("dd/MM/yyyy");
        Assert.Equal(["Phiếu số", "Ngày gửi", .. q.Select((x, i) => $"Câu {i + 1}. {x.Text}")], csvRows[0]);
        Assert.Equal(["1", day, "Đại diện tổ chức, doanh nghiệp", "Hiểu rõ", "Biết một phần", "Trang thông tin điện tử; Tờ rơi, pa-nô, áp phích", "3", "'" + comment], csvRows[1]);
        Assert.Equal(2, csvRows.Count);

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await editor.GetByteArrayAsync($"{path}/y-kien.xlsx")), false);
        var xlsxRows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.Text?.Text ?? "").ToArray()).ToList();
        // The same table; XLSX holds text cells, never formulas, so the comment is kept as typed.
        Assert.Equal(csvRows[0], xlsxRows[0]);
        Assert.Equal([.. csvRows[1][..^1], comment], xlsxRows[1]);
        // The officer publishes the comment; once the results are published the public page shows it, escaped, and nothing else of the response.
        var response = await site.WithDbAsync(db => db.SurveyResponses.Where(r => r.SurveyId == id).Select(r => r.Id).SingleAsync());
        Assert.Contains($"action=\"{path}/y-kien/{response}/{q[5].Id}\"", await editor.GetStringAsync($"{path}/ket-qua"));
        // A rating is not a comment: nothing is published, the officer is told so.
        await EditorSite.PostFormAsync(editor, $"{path}/y-kien/{response}/{q[4].Id}", new() { ["cong-bo"] = "true" });
        Assert.False(await site.WithDbAsync(db => db.SurveyAnswers.AnyAsync(a => a.ResponseId == response && a.IsPublished)));
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSite.PostFormAsync(editor, $"{path}/y-kien/{response}/{q[5].Id}", new() { ["cong-bo"] = "true" })).StatusCode);
        Assert.Contains("Bỏ công bố", await editor.GetStringAsync($"{path}/ket-qua"));
        await EditorSite.PostFormAsync(editor, $"{path}/trang-thai", new() { ["chuyen"] = "Closed" });
        await EditorSite.PostFormAsync(editor, $"{path}/trang-thai", new() { ["chuyen"] = "Published" });
        var published = await citizen.GetStringAsync(SurveyAddresses.Results(slug));
        Assert.Contains("<li>=HYPERLINK(&quot;http://x.test&quot;,&quot;Xem&quot;), th", published);
        Assert.DoesNotContain("Công bố</button>", published);
        Assert.DoesNotContain("Hiểu rõ", WebUtility.HtmlDecode(published).Split("Ông/Bà muốn được tuyên truyền thêm")[1]);
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSite.PostFormAsync(editor, $"{path}/y-kien/{response}/{q[5].Id}", new() { ["cong-bo"] = "false" })).StatusCode);
        Assert.Contains("Ý kiến riêng của người trả lời không được công bố.", WebUtility.HtmlDecode(await citizen.GetStringAsync(SurveyAddresses.Results(slug))));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/quan-tri/khao-sat/999999/y-kien.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"{path}/y-kien.pdf")).StatusCode);
    }

    [Fact]
    public async Task The_seeded_surveys_are_there_with_their_sample_responses_and_target_and_the_API_lists_what_the_public_may_see()
    {
        var admin = await site.SignedInAsync(EditorSite.AdminEmail);
        var thacMo = await site.WithDbAsync(db => db.Surveys.SingleAsync(s => s.Slug == SeedFacts.Surveys.ThacMoSatisfaction));
        Assert.Equal((SurveyState.Closed, true), (thacMo.State, thacMo.IsSample));
        Assert.Equal(SeedFacts.Surveys.ThacMoResponses, await site.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == thacMo.Id && r.IsSample && r.TokenHash == null)));
        var results = WebUtility.HtmlDecode(await admin.GetStringAsync($"/quan-tri/khao-sat/{thacMo.Id}/ket-qua"));
        Assert.Contains($"Số phiếu trả lời: <strong>{SeedFacts.Surveys.ThacMoResponses}</strong>", results);
        Assert.Contains("Dữ liệu mẫu", results);
        Assert.Contains("Khoảng tin cậy 95% (Wilson)", results);
        // Its 88 days of responses are drawn a week at a time, the weeks adding up to every response.
        var weeks = System.Text.RegularExpressions.Regex.Matches(results, @"<th scope=""row"">(\d\d/\d\d – \d\d/\d\d/\d{4})</th>\s*<td class=""num"">(\d+) phiếu</td>");
        Assert.Equal(13, weeks.Count);
        Assert.Equal(SeedFacts.Surveys.ThacMoResponses, weeks.Sum(m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)));
        Assert.Contains("Số phiếu trả lời theo tuần", results);
        // Split by who answered: câu 1 asks whether as a person or for an organisation.
        Assert.Contains("Câu 11 chia theo câu 1 (Ông/Bà giải quyết thủ tục hành chính với tư cách nào?): số ý kiến và tỷ lệ trong mỗi nhóm", results);

        var browser = site.NewBrowser();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(SurveyAddresses.Survey(SeedFacts.Surveys.SoTaiChinhUnderstanding))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(SurveyAddresses.Results(SeedFacts.Surveys.ThacMoSatisfaction))).StatusCode);

        using var list = JsonDocument.Parse(await browser.GetStringAsync($"/api/v1/surveys?unit={SeedFacts.Units.SoTaiChinhSocTrang}"));
        var item = Assert.Single(list.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(SeedFacts.Surveys.SoTaiChinhUnderstanding, item.GetProperty("slug").GetString());
        Assert.True(item.GetProperty("takesResponses").GetBoolean());
        Assert.Equal(95, item.GetProperty("targetPercent").GetInt32());
        // A closed survey whose results are not published is not the public's.
        using var thacMoList = JsonDocument.Parse(await browser.GetStringAsync($"/api/v1/surveys?unit={SeedFacts.Units.UbndPhuongThacMo}"));
        Assert.DoesNotContain(thacMoList.RootElement.GetProperty("items").EnumerateArray(), s => s.GetProperty("slug").GetString() == SeedFacts.Surveys.ThacMoSatisfaction);

        var unpublished = await browser.GetAsync($"/api/v1/surveys/{SeedFacts.Surveys.ThacMoSatisfaction}/results");
        Assert.Equal(HttpStatusCode.NotFound, unpublished.StatusCode);
        Assert.Equal("application/problem+json", unpublished.Content.Headers.ContentType!.MediaType);
        var badPage = await browser.GetAsync("/api/v1/surveys?page=abc&pageSize=500");
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        using var problem = JsonDocument.Parse(await badPage.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("pageSize", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/api/v1/surveys?unit=khong-co")).StatusCode);

        // The public list (in every page's header) offers the open survey and leaves the unpublished closed one out.
        var publicList = WebUtility.HtmlDecode(await browser.GetStringAsync(SurveyAddresses.List));
        Assert.Contains($"<a href=\"{SurveyAddresses.List}\">Khảo sát</a>", publicList);
        Assert.Contains($"<a class=\"button\" href=\"{SurveyAddresses.Survey(SeedFacts.Surveys.SoTaiChinhUnderstanding)}\">Tham gia khảo sát</a>", publicList);
        Assert.Contains("chỉ tiêu 95%", publicList);
        Assert.DoesNotContain(SeedFacts.Surveys.ThacMoSatisfaction, publicList);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(SurveyAddresses.List + "?trang=99999999999")).StatusCode);

        // Once its unit publishes the results, the API gives the page's figures, without a response or free text.
        await site.WithDbAsync(async db => await db.Surveys.Where(s => s.Id == thacMo.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.State, SurveyState.Published)));
        using var figures = JsonDocument.Parse(await browser.GetStringAsync($"/api/v1/surveys/{SeedFacts.Surveys.ThacMoSatisfaction}/results"));
        Assert.Equal(SeedFacts.Surveys.ThacMoResponses, figures.RootElement.GetProperty("responses").GetInt32());
        Assert.Equal(SeedFacts.Surveys.ThacMoResponses, figures.RootElement.GetProperty("indicator").GetProperty("share").GetProperty("total").GetInt32());
        Assert.All(figures.RootElement.GetProperty("questions").EnumerateArray(), q => Assert.Equal(0, q.GetProperty("texts").GetArrayLength()));
        // And the public list leads to them.
        Assert.Contains($"href=\"{SurveyAddresses.Results(SeedFacts.Surveys.ThacMoSatisfaction)}\">Xem kết quả</a>",
            WebUtility.HtmlDecode(await browser.GetStringAsync(SurveyAddresses.List)));
    }
}
