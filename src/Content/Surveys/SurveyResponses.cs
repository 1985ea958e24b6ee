using CchcSite.Content.Data;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Paging;
using CchcSite.Content.Questionnaires;
using CchcSite.Content.Text;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Surveys;

/// <summary>How a response reaches the survey: from one person's browser (its cookie token) or from a kiosk at a desk.</summary>
public abstract record Respondent
{
    private Respondent()
    {
    }

    /// <summary>A browser, known by the random token of its cookie; only the token's hash is stored.</summary>
    public sealed record Browser(string Token) : Respondent;

    /// <summary>A kiosk (an officer's tablet or one holding the kiosk token): many people, one device, no token.</summary>
    public sealed record Kiosk : Respondent;
}

/// <summary>
/// The public side of surveys: the form of an open survey and the one way a response is stored — checked against the
/// questionnaire rules, one per browser, keeping only what the anonymity promise allows.
/// </summary>
public sealed class SurveyResponses(CchcDbContext db, TimeProvider clock)
{
    public const string AlreadyAnswered = "Bạn đã tham gia khảo sát này. Mỗi người chỉ trả lời một lần; cảm ơn bạn.";
    public const string NotOpen = "Khảo sát này hiện không nhận ý kiến.";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>What a response keeps of its browser: the token's hash with the survey as its scope.</summary>
    public static string HashToken(int surveyId, string token) => BrowserTokens.Hash(surveyId.ToString(System.Globalization.CultureInfo.InvariantCulture), token);

    /// <summary>The form of a survey that is open or has been (closed ones say so); null when there is no such survey for the public.</summary>
    public async Task<SurveyFormPage?> FormAsync(string slug, IReadOnlyDictionary<int, QuestionnaireAnswer> answers,
        IReadOnlyDictionary<int, string> errors, CancellationToken ct)
    {
        var survey = await LoadAsync(slug, ct);
        if (survey is null || survey.State == SurveyState.Draft)
            return null;
        var titles = survey.Sections.ToDictionary(s => s.Id, s => s.Title);
        var number = 0;
        // Sections are runs of consecutive questions, as Order runs through the whole survey.
        var sections = new List<SurveyFormSection>();
        foreach (var question in survey.Questions.OrderBy(q => q.Order))
        {
            var title = question.SectionId is { } id ? titles[id] : "";
            var form = new SurveyFormQuestion(question.Id, ++number, question.Text, question.Kind, question.Required, question.Group, question.LowLabel,
                question.HighLabel, [.. question.Options.OrderBy(o => o.Order).Select(o => new SurveyFormOption(o.Id, o.Text))], question.ShownWhen);
            if (sections.Count > 0 && sections[^1].Title == title)
                sections[^1] = sections[^1] with { Questions = [.. sections[^1].Questions, form] };
            else
                sections.Add(new SurveyFormSection(title, [form]));
        }
        return new SurveyFormPage(survey.Slug, survey.Title, survey.Intro, survey.Unit.Name, survey.IsAnonymous, survey.IsSample, survey.ClosesAt,
            survey.TakesResponsesAt(Now), sections, answers, errors) { Description = survey.Intro, ResultsPublished = survey.State == SurveyState.Published };
    }

    /// <summary>
    /// What the public may see of a unit's surveys (every unit's when null), a page at a time: those taking responses now,
    /// then those whose results are published, latest first.
    /// </summary>
    public Task<PagedResult<SurveyCard>> PublicListAsync(int? unitId, PageRequest page, CancellationToken ct)
    {
        var now = Now;
        return db.Surveys.AsNoTracking()
            .Where(s => unitId == null || s.UnitId == unitId)
            .Where(s => (s.State == SurveyState.Open && s.OpensAt <= now && now < s.ClosesAt) || s.State == SurveyState.Published)
            .OrderBy(s => s.State == SurveyState.Open ? 0 : 1).ThenByDescending(s => s.ClosesAt).ThenBy(s => s.Id)
            .Select(s => new SurveyCard(s.Slug, s.Title, s.Unit.Slug, s.Unit.Name, s.State == SurveyState.Open, s.State == SurveyState.Published, s.OpensAt,
                s.ClosesAt, s.TargetPercent, s.IsSample))
            .ToPageAsync(page, ct);
    }

    /// <summary>Whether the survey is there for the public (anything but a draft).</summary>
    public Task<bool> ExistsForPublicAsync(string slug, CancellationToken ct) =>
        db.Surveys.AnyAsync(s => s.Slug == slug && s.State != SurveyState.Draft, ct);

    /// <summary>Whether this browser has already answered the survey (its form then says so instead of asking again).</summary>
    public async Task<bool> HasAnsweredAsync(string slug, string token, CancellationToken ct)
    {
        var id = await db.Surveys.Where(s => s.Slug == slug).Select(s => (int?)s.Id).SingleOrDefaultAsync(ct);
        if (id is null)
            return false;
        var hash = HashToken(id.Value, token);
        return await db.SurveyResponses.AnyAsync(r => r.SurveyId == id && r.TokenHash == hash, ct);
    }

    /// <summary>
    /// Stores one response. Errors are keyed by question id as text ("12"); the answers of questions hidden by their
    /// condition are dropped. A second response from the same browser is refused, also when both arrive at once.
    /// </summary>
    public async Task<Outcome<int>> SubmitAsync(string slug, Respondent respondent, IReadOnlyDictionary<int, QuestionnaireAnswer> answers,
        string? respondentName, CancellationToken ct)
    {
        var now = Now;
        var survey = await LoadAsync(slug, ct);
        if (survey is null || survey.State == SurveyState.Draft)
            return new Outcome<int>.NotFound("Không tìm thấy khảo sát.");
        if (!survey.TakesResponsesAt(now))
            return new Outcome<int>.Refused(NotOpen);
        var tokenHash = respondent is Respondent.Browser browser ? HashToken(survey.Id, browser.Token) : null;
        if (tokenHash is not null && await db.SurveyResponses.AnyAsync(r => r.SurveyId == survey.Id && r.TokenHash == tokenHash, ct))
            return new Outcome<int>.Conflict(AlreadyAnswered);

        var questions = survey.Questions.OrderBy(q => q.Order).Select(q => q.ToAnswerable()).ToList();
        var (errors, kept) = QuestionnaireAnswers.Check(questions, answers);
        var name = respondentName?.Trim();
        var problems = errors.Select(e => new KeyValuePair<string, string>(e.Key.ToString(), e.Value)).ToList();
        if (!survey.IsAnonymous && name is { Length: > 200 })
            problems.Add(new("RespondentName", "Họ và tên dài quá 200 ký tự."));
        if (problems.Count > 0)
            return Outcome<int>.Invalid.Of(problems);

        var kinds = survey.Questions.ToDictionary(q => q.Id, q => q.Kind);
        var response = new SurveyResponse
        {
            SurveyId = survey.Id, SurveyVersion = survey.Version, Day = VietnamTime.DateOf(now), TokenHash = tokenHash,
            RespondentName = survey.IsAnonymous || string.IsNullOrEmpty(name) ? null : name,
            Answers = [.. kept.Select(a => ToStored(a.Key, kinds[a.Key], a.Value))],
        };
        db.SurveyResponses.Add(response);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (tokenHash is not null)
        {
            // The same browser's other send won the unique index: one response per browser, whatever the timing.
            return new Outcome<int>.Conflict(AlreadyAnswered);
        }
        return new Outcome<int>.Ok(response.Id);
    }

    /// <summary>An answer as stored for its question's kind (also the seed's generated answers).</summary>
    internal static SurveyAnswer ToStored(int questionId, QuestionKind kind, QuestionnaireAnswer answer) => kind switch
    {
        QuestionKind.SingleChoice or QuestionKind.MultipleChoice => new SurveyAnswer { QuestionId = questionId, Chosen = string.Join(',', answer.Chosen) },
        QuestionKind.Scale or QuestionKind.Number => new SurveyAnswer { QuestionId = questionId, Number = QuestionnaireAnswers.NumberOf(answer.Text) },
        _ => new SurveyAnswer { QuestionId = questionId, Text = answer.Text },
    };

    private Task<Survey?> LoadAsync(string slug, CancellationToken ct) =>
        db.Surveys.AsNoTracking().AsSplitQuery().Include(s => s.Unit).Include(s => s.Sections).Include(s => s.Questions).ThenInclude(q => q.Options)
            .SingleOrDefaultAsync(s => s.Slug == slug, ct);
}
