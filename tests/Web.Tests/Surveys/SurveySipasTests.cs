using System.Net;
using System.Text.Json;
using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Content.Indexes;
using CchcSite.Content.Questionnaires;
using CchcSite.Content.Surveys;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Surveys;

/// <summary>
/// A closed SIPAS-style survey's overall satisfaction saved as the unit's SIPAS result of the year it closed: from the officers'
/// results page, through the index results' entry (audit, search document), then shown by the public index page and the API;
/// replacing the unit's result only when confirmed; a Vietnamese message and nothing stored when it cannot be saved.
/// </summary>
public sealed class SurveySipasTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const string Ward = SeedFacts.Units.UbndPhuongThacMo;

    private async Task<HttpClient> ApproverAsync(string name, string unit = Ward)
    {
        await site.AddUserAsync($"{name}@cchc.test", (unit, UnitRole.Approver));
        return await site.SignedInAsync($"{name}@cchc.test");
    }

    /// <summary>
    /// A SIPAS-style survey of its own at the ward, last day 30/06 of <paramref name="year"/> (Vietnam time): a satisfaction scale
    /// that is the indicator, and one response per rating given.
    /// </summary>
    private Task<int> SurveyAsync(string slug, int year, SurveyState state, params int[] ratings) => site.WithDbAsync(async db =>
    {
        var closes = new DateTime(year, 6, 30, 17, 0, 0, DateTimeKind.Utc); // 01/07 00:00 in Vietnam
        var question = new SurveyQuestion
        {
            Text = "Nhìn chung, Ông/Bà hài lòng ở mức nào?", Kind = QuestionKind.Scale, Order = 1, IsIndicator = true,
            LowLabel = SurveyTemplates.Low, HighLabel = SurveyTemplates.High,
        };
        var survey = new Survey
        {
            UnitId = await db.Units.Where(u => u.Slug == Ward).Select(u => u.Id).SingleAsync(), Slug = slug, Title = "Khảo sát hài lòng " + slug, State = state,
            OpensAt = closes.AddDays(-30), ClosesAt = closes, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Questions = [question],
        };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        foreach (var rating in ratings)
            db.SurveyResponses.Add(new SurveyResponse
            {
                SurveyId = survey.Id, SurveyVersion = 1, Day = new DateOnly(year, 6, 1), Answers = [new SurveyAnswer { QuestionId = question.Id, Number = rating }],
            });
        await db.SaveChangesAsync();
        return survey.Id;
    });

    private Task<List<IndexResult>> SipasOfWardAsync(int year) => site.WithDbAsync(db => db.IndexResults.AsNoTracking().Include(r => r.Corrections)
        .Where(r => r.IndexDefinition.Code == IndexDefinition.SipasCode && r.Year == year && r.Unit.Slug == Ward).ToListAsync());

    [Fact]
    public async Task The_seeded_closed_survey_is_saved_as_the_wards_SIPAS_2024_and_the_public_page_and_the_API_show_it()
    {
        var browser = await ApproverAsync("sipas-thac-mo");
        var id = await site.WithDbAsync(db => db.Surveys.Where(s => s.Slug == SeedFacts.Surveys.ThacMoSatisfaction).Select(s => s.Id).SingleAsync());
        // Counted here straight from the answers: levels 4–5 of every scale labelled "Rất không hài lòng … Rất hài lòng".
        var (satisfied, answers) = await site.WithDbAsync(async db =>
        {
            var ratings = await db.SurveyAnswers.Where(a => a.Number != null && db.SurveyQuestions.Any(q => q.Id == a.QuestionId && q.SurveyId == id
                    && q.Kind == QuestionKind.Scale && q.LowLabel == SurveyTemplates.Low && q.HighLabel == SurveyTemplates.High))
                .Select(a => a.Number!.Value).ToListAsync();
            return (ratings.Count(n => n >= 4), ratings.Count);
        });
        var percent = Math.Round(100m * satisfied / answers, 1, MidpointRounding.AwayFromZero);
        var vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
        Assert.Empty(await SipasOfWardAsync(2024));

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/quan-tri/khao-sat/{id}/ket-qua"));
        Assert.Contains("Lưu làm kết quả SIPAS năm 2024", page);
        Assert.Contains($"<strong>{percent.ToString("0.0", vi)}%</strong> ({satisfied.ToString("N0", vi)}/{answers.ToString("N0", vi)} câu trả lời", page);
        Assert.Contains(SurveySatisfaction.Definition, page);
        Assert.DoesNotContain("hiện có", page);

        var saved = await EditorSite.PostFormAsync(browser, $"/quan-tri/khao-sat/{id}/ket-qua/sipas", []);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith("/ket-qua#sipas", saved.Headers.Location!.OriginalString);

        var result = Assert.Single(await SipasOfWardAsync(2024));
        var (unitId, parentId, sipasId) = await site.WithDbAsync(async db => (
            await db.Units.Where(u => u.Slug == Ward).Select(u => u.Id).SingleAsync(),
            await db.Units.Where(u => u.Slug == SeedFacts.Units.UbndThiXaPhuocLong).Select(u => u.Id).SingleAsync(),
            await db.IndexDefinitions.Where(i => i.Code == "SIPAS").Select(i => i.Id).SingleAsync()));
        Assert.Equal((percent, IndexGrouping.Wards, (int?)parentId, unitId, (int?)null), (result.Score, result.Grouping, result.WithinUnitId, result.PublisherUnitId, result.Rank));
        Assert.Equal($"Khảo sát “{await site.WithDbAsync(db => db.Surveys.Where(s => s.Id == id).Select(s => s.Title).SingleAsync())}”, "
                     + $"{SeedFacts.Surveys.ThacMoResponses} phiếu, đóng ngày 29/11/2024", result.SourceTitle);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.IndexResultEntered && e.Summary.StartsWith("SIPAS năm 2024, "))));
        var item = new IndexYear(sipasId, 2024).ItemId;
        Assert.True(await site.WithDbAsync(db => db.SearchOutbox.AnyAsync(e => e.Source == IndexYearSearchSource.SourceName && e.ItemId == item)));

        var visitor = site.NewBrowser();
        var overview = WebUtility.HtmlDecode(await visitor.GetStringAsync("/chi-so?chi-so=SIPAS&nam=2024"));
        Assert.Matches($"<a href=\"/{Ward}/chi-so\">[^<]+</a></th>\\s*<td class=\"num\">{IndexRanking.Format(percent)}</td>", overview);
        using var api = JsonDocument.Parse(await visitor.GetStringAsync($"/api/v1/indexes/SIPAS/results?year=2024&unit={Ward}"));
        var row = api.RootElement.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("rows").EnumerateArray()).Single();
        Assert.Equal(percent, row.GetProperty("score").GetDecimal());
        Assert.Equal(result.SourceTitle, row.GetProperty("sourceTitle").GetString());
    }

    [Fact]
    public async Task The_units_result_of_that_year_is_replaced_only_when_confirmed_and_keeps_the_earlier_figure()
    {
        var browser = await ApproverAsync("sipas-thay-the");
        // 5, 4, 3, 5, 2, 4, 1: four satisfied of seven, 57.1%.
        var id = await SurveyAsync("sipas-thay-the-2033", 2033, SurveyState.Closed, 5, 4, 3, 5, 2, 4, 1);
        await site.WithDbAsync(async db =>
        {
            var ward = await db.Units.Where(u => u.Slug == Ward).Select(u => u.Id).SingleAsync();
            db.IndexResults.Add(new IndexResult
            {
                IndexDefinitionId = await db.IndexDefinitions.Where(i => i.Code == "SIPAS").Select(i => i.Id).SingleAsync(), Year = 2033, UnitId = ward,
                PublisherUnitId = ward, Grouping = IndexGrouping.Wards, Score = 80.25m, SourceTitle = "Khảo sát năm 2033 đợt 1",
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/quan-tri/khao-sat/{id}/ket-qua"));
        Assert.Contains("<strong>57,1%</strong> (4/7 câu trả lời", page);
        Assert.Contains("Kết quả SIPAS năm 2033 hiện có", page);
        Assert.Contains("<strong>80,25%</strong> (Khảo sát năm 2033 đợt 1)", page);
        Assert.Contains("Tôi xác nhận thay kết quả SIPAS năm 2033 hiện có (80,25%)", page);

        var unconfirmed = await EditorSite.PostFormAsync(browser, $"/quan-tri/khao-sat/{id}/ket-qua/sipas", []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        Assert.Contains("Đơn vị đã có kết quả SIPAS năm 2033: 80,25%. Vui lòng đánh dấu xác nhận", WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync()));
        Assert.Equal(80.25m, Assert.Single(await SipasOfWardAsync(2033)).Score);

        var confirmed = await EditorSite.PostFormAsync(browser, $"/quan-tri/khao-sat/{id}/ket-qua/sipas", new() { [SurveySipasResults.ReplaceField] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var result = Assert.Single(await SipasOfWardAsync(2033));
        Assert.Equal((57.1m, 80.25m), (result.Score, Assert.Single(result.Corrections).Score));
        Assert.Equal("Khảo sát “Khảo sát hài lòng sipas-thay-the-2033”, 7 phiếu, đóng ngày 30/06/2033", result.SourceTitle);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.IndexResultCorrected && e.Summary.Contains("2033") && e.Summary.Contains("→ điểm 57,1"))));
    }

    [Fact]
    public async Task A_survey_not_closed_without_satisfaction_answers_without_the_SIPAS_index_or_whose_year_another_unit_published_is_refused_in_vietnamese_storing_nothing()
    {
        var browser = await ApproverAsync("sipas-tu-choi");
        async Task RefusedAsync(int survey, int year, string message)
        {
            var answer = await EditorSite.PostFormAsync(browser, $"/quan-tri/khao-sat/{survey}/ket-qua/sipas", new() { [SurveySipasResults.ReplaceField] = "true" });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync()));
            Assert.DoesNotContain(await SipasOfWardAsync(year), r => r.SourceTitle?.StartsWith("Khảo sát “") == true);
        }

        var open = await SurveyAsync("sipas-dang-mo-2034", 2034, SurveyState.Open, 5, 5);
        Assert.Contains("Khảo sát chưa đóng: chỉ lưu được kết quả SIPAS sau khi đóng khảo sát.",
            WebUtility.HtmlDecode(await browser.GetStringAsync($"/quan-tri/khao-sat/{open}/ket-qua")));
        await RefusedAsync(open, 2034, "Khảo sát chưa đóng: chỉ lưu được kết quả SIPAS sau khi đóng khảo sát.");
        await RefusedAsync(await SurveyAsync("sipas-khong-phieu-2035", 2035, SurveyState.Closed), 2035,
            "Khảo sát chưa có câu trả lời nào cho các câu hỏi hài lòng; không có số liệu để lưu.");

        var other = await SurveyAsync("sipas-don-vi-khac-2036", 2036, SurveyState.Closed, 4);
        await site.WithDbAsync(async db =>
        {
            db.IndexResults.Add(new IndexResult
            {
                IndexDefinitionId = await db.IndexDefinitions.Where(i => i.Code == "SIPAS").Select(i => i.Id).SingleAsync(), Year = 2036,
                UnitId = await db.Units.Where(u => u.Slug == Ward).Select(u => u.Id).SingleAsync(),
                PublisherUnitId = await db.Units.Where(u => u.Slug == SeedFacts.Units.UbndThiXaPhuocLong).Select(u => u.Id).SingleAsync(),
                Grouping = IndexGrouping.Wards, Score = 90m, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        await RefusedAsync(other, 2036, $"Kết quả SIPAS năm 2036 của đơn vị do {SeedFacts.UnitNames.UbndThiXaPhuocLong} công bố; đơn vị không thay được bằng kết quả khảo sát.");
        Assert.Equal(90m, Assert.Single(await SipasOfWardAsync(2036)).Score);

        // An administrator deleted the index: its code is gone (renamed here, so the other tests keep it).
        var gone = await SurveyAsync("sipas-khong-chi-so-2037", 2037, SurveyState.Closed, 5);
        await site.WithDbAsync(db => db.IndexDefinitions.Where(i => i.Code == "SIPAS").ExecuteUpdateAsync(s => s.SetProperty(i => i.Code, "SIPAS_XOA")));
        try
        {
            await RefusedAsync(gone, 2037, "Trang không còn chỉ số SIPAS (quản trị viên đã xóa)");
        }
        finally
        {
            await site.WithDbAsync(db => db.IndexDefinitions.Where(i => i.Code == "SIPAS_XOA").ExecuteUpdateAsync(s => s.SetProperty(i => i.Code, "SIPAS")));
        }
        Assert.Empty(await site.WithDbAsync(db => db.IndexResults.Where(r => r.Year == 2037).ToListAsync()));
    }
}
