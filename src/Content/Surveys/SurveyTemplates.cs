using CchcSite.Content.Data;
using CchcSite.Content.Questionnaires;

namespace CchcSite.Content.Surveys;

/// <summary>The surveys a unit starts from: the editor's "tạo từ mẫu" and the seed name them.</summary>
public enum SurveyTemplate
{
    /// <summary>SIPAS-style satisfaction with the handling of a procedure at the one-stop desk.</summary>
    Satisfaction,
    /// <summary>"Hiểu biết về CCHC": whether people understand the purpose and benefits of the reform.</summary>
    Understanding,
}

/// <summary>
/// A template's question: its section, its options (those marked with <c>*</c> meet the indicator), and the earlier
/// question and option it is shown after, as indexes into the template (ids exist only once stored); consecutive scale
/// questions with the same <see cref="Group"/> are the statements of one matrix.
/// </summary>
internal sealed record TemplateQuestion(string Section, string Text, QuestionKind Kind, bool Required = true, string[]? Options = null,
    bool Indicator = false, (int Question, int Option)? ShowIf = null, string LowLabel = "", string HighLabel = "", string? Group = null);

/// <summary>
/// The two templates, written from the plans: the satisfaction survey follows the five parts of the SIPAS index (access to the
/// service, the procedure, the civil servant, the result, the handling of feedback) and ends with the overall satisfaction,
/// its indicator; the understanding survey asks what the Sở Tài chính plan to 2030 measures ("95% người dân, tổ chức được khảo
/// sát hiểu rõ mục đích, ý nghĩa và lợi ích của CCHC").
/// </summary>
public static class SurveyTemplates
{
    public const string Low = "Rất không hài lòng";
    public const string High = "Rất hài lòng";
    private const string Met = "*";
    private const string ProcedureMatrix = "Ông/Bà đánh giá thế nào về thủ tục hành chính đã giải quyết?";
    private const string ServantMatrix = "Ông/Bà đánh giá thế nào về công chức trực tiếp giải quyết hồ sơ?";

    public static string Name(SurveyTemplate template) => template switch
    {
        SurveyTemplate.Satisfaction => "Mức độ hài lòng về giải quyết thủ tục hành chính (kiểu SIPAS)",
        _ => "Hiểu biết về cải cách hành chính",
    };

    public static string Title(SurveyTemplate template, string unitName) => template switch
    {
        SurveyTemplate.Satisfaction => $"Khảo sát mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của {unitName}",
        _ => $"Khảo sát hiểu biết của người dân, tổ chức về cải cách hành chính – {unitName}",
    };

    public static string Intro(SurveyTemplate template) => template switch
    {
        SurveyTemplate.Satisfaction => "Xin Ông/Bà dành khoảng hai phút cho biết ý kiến về lần giải quyết thủ tục hành chính gần nhất tại Bộ phận Một cửa. "
            + "Ý kiến của Ông/Bà giúp cơ quan phục vụ tốt hơn.",
        _ => "Xin Ông/Bà cho biết hiểu biết của mình về cải cách hành chính nhà nước. Kết quả dùng để đánh giá và điều chỉnh công tác tuyên truyền CCHC.",
    };

    /// <summary>The plan target a template is measured against by default (percent and wording); none for satisfaction, whose target each unit sets.</summary>
    public static (int? Percent, string Label) Target(SurveyTemplate template) => template switch
    {
        SurveyTemplate.Understanding => (95, "95% người dân, tổ chức được khảo sát hiểu rõ mục đích, ý nghĩa và lợi ích của CCHC (Kế hoạch tuyên truyền CCHC đến năm 2030)"),
        _ => (null, ""),
    };

    internal static IReadOnlyList<TemplateQuestion> Questions(SurveyTemplate template) => template switch
    {
        SurveyTemplate.Satisfaction =>
        [
            new("I. Thông tin chung", "Ông/Bà giải quyết thủ tục hành chính với tư cách nào?", QuestionKind.SingleChoice,
                Options: ["Cá nhân", "Đại diện tổ chức, doanh nghiệp"]),
            new("I. Thông tin chung", "Ông/Bà biết thông tin về thủ tục hành chính qua những kênh nào?", QuestionKind.MultipleChoice, Required: false,
                Options: ["Niêm yết tại Bộ phận Một cửa", "Trang thông tin điện tử", "Cổng Dịch vụ công", "Hỏi công chức", "Người thân, bạn bè"]),
            new("II. Tiếp cận dịch vụ", "Nơi ngồi chờ, trang thiết bị phục vụ tại Bộ phận Một cửa đầy đủ, thuận tiện", QuestionKind.Scale, LowLabel: Low, HighLabel: High),
            new("III. Thủ tục hành chính", "Thủ tục hành chính được niêm yết công khai, đầy đủ, chính xác", QuestionKind.Scale, LowLabel: Low, HighLabel: High,
                Group: ProcedureMatrix),
            new("III. Thủ tục hành chính", "Thành phần hồ sơ, phí, lệ phí và thời hạn giải quyết đúng như niêm yết", QuestionKind.Scale, LowLabel: Low, HighLabel: High,
                Group: ProcedureMatrix),
            new("IV. Công chức giải quyết", "Công chức có thái độ lịch sự, tôn trọng khi tiếp nhận và giải quyết hồ sơ", QuestionKind.Scale, LowLabel: Low, HighLabel: High,
                Group: ServantMatrix),
            new("IV. Công chức giải quyết", "Công chức hướng dẫn kê khai, bổ sung hồ sơ tận tình, dễ hiểu, một lần", QuestionKind.Scale, LowLabel: Low, HighLabel: High,
                Group: ServantMatrix),
            new("V. Kết quả giải quyết", "Kết quả nhận được đúng hẹn, đầy đủ, chính xác", QuestionKind.Scale, LowLabel: Low, HighLabel: High),
            new("VI. Tiếp nhận, xử lý phản ánh, kiến nghị", "Ông/Bà có phản ánh, kiến nghị trong quá trình giải quyết thủ tục không?", QuestionKind.SingleChoice,
                Options: ["Có", "Không"]),
            new("VI. Tiếp nhận, xử lý phản ánh, kiến nghị", "Phản ánh, kiến nghị của Ông/Bà được tiếp nhận, trả lời kịp thời, thỏa đáng", QuestionKind.Scale,
                ShowIf: (8, 0), LowLabel: Low, HighLabel: High),
            new("VII. Đánh giá chung", "Nhìn chung, Ông/Bà hài lòng ở mức nào với sự phục vụ của cơ quan?", QuestionKind.Scale, Indicator: true, LowLabel: Low, HighLabel: High),
            new("VII. Đánh giá chung", "Ông/Bà có góp ý gì để cơ quan phục vụ tốt hơn?", QuestionKind.LongText, Required: false),
        ],
        _ =>
        [
            new("I. Thông tin chung", "Ông/Bà là", QuestionKind.SingleChoice,
                Options: ["Người dân", "Đại diện tổ chức, doanh nghiệp", "Cán bộ, công chức, viên chức"]),
            new("II. Hiểu biết về cải cách hành chính", "Ông/Bà có hiểu mục đích của cải cách hành chính nhà nước không?", QuestionKind.SingleChoice, Indicator: true,
                Options: [Met + "Hiểu rõ", "Biết một phần", "Chưa biết"]),
            new("II. Hiểu biết về cải cách hành chính", "Ông/Bà có hiểu ý nghĩa, lợi ích của cải cách hành chính đối với người dân, tổ chức không?", QuestionKind.SingleChoice,
                Indicator: true, Options: [Met + "Hiểu rõ", "Biết một phần", "Chưa biết"]),
            new("II. Hiểu biết về cải cách hành chính", "Ông/Bà biết về cải cách hành chính qua những kênh nào?", QuestionKind.MultipleChoice, Required: false,
                Options: ["Trang thông tin điện tử", "Đài truyền thanh", "Tờ rơi, pa-nô, áp phích", "Hội nghị, sinh hoạt khu phố", "Bộ phận Một cửa"]),
            new("II. Hiểu biết về cải cách hành chính", "Ông/Bà ủng hộ cải cách hành chính của tỉnh, của cơ quan ở mức nào?", QuestionKind.Scale,
                LowLabel: "Hoàn toàn không ủng hộ", HighLabel: "Hoàn toàn ủng hộ"),
            new("III. Góp ý", "Ông/Bà muốn được tuyên truyền thêm về nội dung nào?", QuestionKind.LongText, Required: false),
        ],
    };

    /// <summary>
    /// Adds the template's sections and questions to a stored survey that has none, then its conditions (which need the
    /// stored ids). Saves.
    /// </summary>
    internal static async Task AddQuestionsAsync(CchcDbContext db, Survey survey, SurveyTemplate template, CancellationToken ct)
    {
        var sections = new Dictionary<string, SurveySection>(StringComparer.Ordinal);
        var added = new List<SurveyQuestion>();
        foreach (var (row, i) in Questions(template).Select((q, i) => (q, i)))
        {
            if (!sections.TryGetValue(row.Section, out var section))
            {
                section = new SurveySection { Order = sections.Count + 1, Title = row.Section };
                sections[row.Section] = section;
                survey.Sections.Add(section);
            }
            var question = new SurveyQuestion
            {
                Text = row.Text, Kind = row.Kind, Order = i + 1, Required = row.Required, Section = section, IsIndicator = row.Indicator,
                LowLabel = row.LowLabel, HighLabel = row.HighLabel, Group = row.Group,
                Options = [.. (row.Options ?? []).Select((o, j) => new SurveyOption { Text = o.TrimStart('*'), Order = j + 1, MeetsIndicator = o.StartsWith(Met) })],
            };
            added.Add(question);
            survey.Questions.Add(question);
        }
        await db.SaveChangesAsync(ct);
        foreach (var (row, question) in Questions(template).Zip(added))
            if (row.ShowIf is { } showIf)
                (question.ShowIfQuestionId, question.ShowIfOptionId) = (added[showIf.Question].Id, added[showIf.Question].Options[showIf.Option].Id);
        await db.SaveChangesAsync(ct);
    }
}
