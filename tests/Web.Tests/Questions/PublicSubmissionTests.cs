using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Questions;

/// <summary>The citizen's side: the forms, the receipt, the tracking page and the API.</summary>
public sealed class PublicSubmissionTests(QuestionSite site) : IClassFixture<QuestionSite>
{
    [Fact]
    public async Task A_question_sent_by_a_units_form_is_stored_and_its_code_shows_its_status()
    {
        var browser = site.NewBrowser();
        var form = await browser.GetAsync($"/{QuestionSite.Unit}/gui-cau-hoi");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("no-store", form.Headers.CacheControl?.ToString());

        var response = await QuestionSite.PostFormAsync(browser, $"/{QuestionSite.Unit}/gui-cau-hoi", QuestionSite.Question("Hỏi về chuyển trường"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var code = QuestionSite.CodeOf(html);
        Assert.Contains("Phòng Giáo dục và Đào tạo thị xã Ngã Năm", html);

        var stored = await site.WithDbAsync(db => db.Submissions.Include(s => s.Unit).SingleAsync(s => s.TrackingCode == code));
        Assert.Equal((QuestionSite.Unit, "binh@example.vn", "0299 3862 555", true), (stored.Unit.Slug, stored.Email, stored.Phone, stored.PublishConsent));

        var tracking = await browser.GetAsync($"/tra-cuu?ma={code.ToLowerInvariant()}");
        var page = await tracking.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, tracking.StatusCode);
        Assert.Contains("Hỏi về chuyển trường", page);
        Assert.Contains("Mới tiếp nhận", page);
        Assert.DoesNotContain("binh@example.vn", page);
        Assert.DoesNotContain("Trần Thị Bình", page);
        Assert.Contains("no-store", tracking.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/tra-cuu?ma=AAAAAAAAAA")).StatusCode);
    }

    [Fact]
    public async Task The_province_form_lets_the_citizen_pick_the_unit_and_feedback_needs_its_place_and_type()
    {
        var browser = site.NewBrowser();
        var fields = QuestionSite.Question("Phản ánh thái độ phục vụ");
        var missing = await QuestionSite.PostFormAsync(browser, "/phan-anh-kien-nghi", fields);
        var html = await missing.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Contains("error-summary", html);
        Assert.Contains("Vui lòng chọn đơn vị nhận.", html);
        Assert.Contains("Vui lòng nhập địa điểm xảy ra sự việc.", html);
        Assert.Contains("Phản ánh thái độ phục vụ", html); // what was typed stays in the form

        fields["Unit"] = QuestionSite.OtherUnit;
        fields["Location"] = "Quầy số 20, Trung tâm Phục vụ hành chính công tỉnh";
        fields["FeedbackType"] = "Report";
        var sent = await QuestionSite.PostFormAsync(browser, "/phan-anh-kien-nghi", fields);
        var code = QuestionSite.CodeOf(await sent.Content.ReadAsStringAsync());
        var stored = await site.WithDbAsync(db => db.Submissions.Include(s => s.Unit).SingleAsync(s => s.TrackingCode == code));
        Assert.Equal((QuestionSite.OtherUnit, Content.Questions.SubmissionKind.Feedback, Content.Questions.FeedbackType.Report),
            (stored.Unit.Slug, stored.Kind, stored.FeedbackType));
    }

    [Fact]
    public async Task Without_email_or_phone_the_form_says_so_and_without_a_token_it_is_refused()
    {
        var browser = site.NewBrowser();
        var fields = QuestionSite.Question("Không có liên hệ");
        fields.Remove("Email");
        fields.Remove("Phone");
        var response = await QuestionSite.PostFormAsync(browser, $"/{QuestionSite.Unit}/gui-cau-hoi", fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Vui lòng nhập thư điện tử hoặc số điện thoại", await response.Content.ReadAsStringAsync());

        var forged = await site.NewBrowser().PostAsync($"/{QuestionSite.Unit}/gui-cau-hoi", new FormUrlEncodedContent(QuestionSite.Question("Giả mạo")));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(await site.WithDbAsync(db => db.Submissions.AnyAsync(s => s.Title == "Giả mạo" || s.Title == "Không có liên hệ")));
    }

    [Fact]
    public async Task A_filled_honeypot_stores_nothing()
    {
        var fields = QuestionSite.Question("Tin nhắn của robot");
        fields["Website"] = "http://spam.example";
        var response = await QuestionSite.PostFormAsync(site.NewBrowser(), $"/{QuestionSite.Unit}/gui-cau-hoi", fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await site.WithDbAsync(db => db.Submissions.AnyAsync(s => s.Title == "Tin nhắn của robot")));
    }

    [Fact]
    public async Task An_attachment_whose_bytes_are_not_what_its_name_says_is_refused_on_the_form()
    {
        var response = await QuestionSite.PostFormAsync(site.NewBrowser(), $"/{QuestionSite.Unit}/gui-cau-hoi",
            QuestionSite.Question("Có tệp giả"), ("anh.jpg", "MZ\x90 not a picture"u8.ToArray()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("không phải là ảnh JPEG", await response.Content.ReadAsStringAsync());

        var pdf = await QuestionSite.PostFormAsync(site.NewBrowser(), $"/{QuestionSite.Unit}/gui-cau-hoi",
            QuestionSite.Question("Có tệp PDF"), ("don.pdf", "%PDF-1.4\n%%EOF"u8.ToArray()));
        var code = QuestionSite.CodeOf(await pdf.Content.ReadAsStringAsync());
        Assert.Equal("application/pdf", await site.WithDbAsync(db => db.Submissions.Where(s => s.TrackingCode == code).Select(s => s.AttachmentType).SingleAsync()));
    }

    [Fact]
    public async Task The_api_takes_json_answers_problems_and_never_returns_contact_details()
    {
        var client = site.CreateClient();
        var created = await QuestionSite.PostApiAsync(client, QuestionSite.ApiQuestion("Hỏi qua ứng dụng di động"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var code = body.GetProperty("trackingCode").GetString()!;
        Assert.Equal($"/api/v1/submissions/{code}", created.Headers.Location!.OriginalString);

        var tracked = await client.GetAsync($"/api/v1/submissions/{code}");
        var json = await tracked.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
        Assert.Contains("Hỏi qua ứng dụng di động", json);
        Assert.DoesNotContain("cuong@example.vn", json);
        Assert.DoesNotContain("Lê Văn Cường", json);

        var invalid = await QuestionSite.PostApiAsync(client, new { unit = QuestionSite.Unit, title = "Thiếu dữ liệu" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("text", out _));

        var noPlace = await QuestionSite.PostApiAsync(client, QuestionSite.ApiQuestion("Phản ánh qua API"), "/api/v1/feedback");
        Assert.Equal(HttpStatusCode.BadRequest, noPlace.StatusCode);
        Assert.True((await noPlace.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("location", out _));
        var feedback = await QuestionSite.PostApiAsync(client, new
        {
            unit = QuestionSite.Unit, name = "Lê Văn Cường", phone = "0912345678", category = QuestionSite.Field, title = "Kiến nghị qua API",
            text = "Đề nghị niêm yết thêm thủ tục.", location = "Bộ phận một cửa thị xã", feedbackType = "Proposal",
        }, "/api/v1/feedback");
        Assert.Equal(HttpStatusCode.Created, feedback.StatusCode);
        var missing = await client.GetAsync("/api/v1/submissions/KHONGCOMA2");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Published_seed_questions_fill_the_columns_and_the_api()
    {
        var browser = site.NewBrowser();
        var overall = await browser.GetStringAsync("/hoi-dap");
        Assert.Contains(SeedFacts.Questions.DiplomaRecognitionOnline, overall);
        Assert.Contains(SeedFacts.UnitNames.SoGddtSocTrang, overall);
        var unit = await browser.GetStringAsync($"/{SeedFacts.Units.SoGddtSocTrang}/hoi-dap?linh-vuc=cai-cach-thu-tuc-hanh-chinh");
        Assert.Contains(SeedFacts.Questions.LostDiplomaCopy, unit);
        Assert.DoesNotContain(SeedFacts.Questions.DiplomaRecognitionOnline, unit);
        Assert.Contains("aria-current=\"page\">Hỏi – đáp", unit);
        Assert.Contains($"/{SeedFacts.Units.SoGddtSocTrang}/hoi-dap", await browser.GetStringAsync($"/{SeedFacts.Units.SoGddtSocTrang}"));

        var api = await site.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/questions?unit={SeedFacts.Units.SoLdtbxhBinhDinh}");
        Assert.Equal(1, api.GetProperty("totalCount").GetInt32());
        Assert.DoesNotContain("dữ liệu mẫu", api.ToString());
    }
}
