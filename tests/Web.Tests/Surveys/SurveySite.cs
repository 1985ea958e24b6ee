using CchcSite.Content.Questionnaires;
using CchcSite.Content.Surveys;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Surveys;

/// <summary>A seeded site whose survey limit is high enough for tests that all come from one address, with a kiosk token.</summary>
public class SurveySite : SiteFactory
{
    public const string KioskToken = "quay-mot-cua-thu";

    protected override IDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Surveys:ResponsesPerMinute"] = "100000", ["Surveys:KioskToken"] = KioskToken };

    public HttpClient NewBrowser() => CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>
    /// An open survey of its own at the first seeded unit: Q1 "Có/Không", Q2 (multiple choice) shown only after "Có", Q3 a
    /// required scale, Q4 optional text. The question ids in that order.
    /// </summary>
    public async Task<int[]> AddSurveyAsync(string slug) => await WithDbAsync(async db =>
    {
        var now = DateTime.UtcNow;
        var survey = new Survey
        {
            UnitId = await db.Units.OrderBy(u => u.Id).Select(u => u.Id).FirstAsync(), Slug = slug, Title = "Khảo sát thử " + slug,
            Intro = "Xin ông/bà cho biết ý kiến.", State = SurveyState.Open, OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(30), CreatedAt = now, UpdatedAt = now,
            Sections = [new SurveySection { Order = 1, Title = "I. Tiếp cận dịch vụ" }],
            Questions =
            [
                new SurveyQuestion
                {
                    Text = "Ông/bà đã từng nộp hồ sơ tại bộ phận một cửa?", Kind = QuestionKind.SingleChoice, Order = 1,
                    Options = [new SurveyOption { Text = "Có", Order = 1 }, new SurveyOption { Text = "Không", Order = 2 }],
                },
                new SurveyQuestion
                {
                    Text = "Hồ sơ về lĩnh vực nào?", Kind = QuestionKind.MultipleChoice, Order = 2,
                    Options = [new SurveyOption { Text = "Hộ tịch", Order = 1 }, new SurveyOption { Text = "Đất đai", Order = 2 }],
                },
                new SurveyQuestion { Text = "Mức độ hài lòng chung", Kind = QuestionKind.Scale, Order = 3, LowLabel = "Rất không hài lòng", HighLabel = "Rất hài lòng" },
                new SurveyQuestion { Text = "Góp ý của ông/bà", Kind = QuestionKind.LongText, Order = 4, Required = false },
            ],
        };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        survey.Questions[0].SectionId = survey.Questions[1].SectionId = survey.Sections[0].Id;
        survey.Questions[1].ShowIfQuestionId = survey.Questions[0].Id;
        survey.Questions[1].ShowIfOptionId = survey.Questions[0].Options[0].Id;
        await db.SaveChangesAsync();
        return survey.Questions.Select(q => q.Id).ToArray();
    });

    /// <summary>The option ids of a question, in order.</summary>
    public Task<int[]> OptionsAsync(int question) =>
        WithDbAsync(db => db.SurveyQuestions.Where(q => q.Id == question).SelectMany(q => q.Options).OrderBy(o => o.Order).Select(o => o.Id).ToArrayAsync());
}
