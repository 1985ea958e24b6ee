using CchcSite.Content.Questionnaires;
using CchcSite.Content.Units;

namespace CchcSite.Content.Surveys;

public enum SurveyAudience
{
    Everyone,
    /// <summary>Người dân, tổ chức.</summary>
    Citizens,
    /// <summary>Công chức of the units named in <see cref="Survey.AudienceNote"/>.</summary>
    CivilServants,
}

public enum SurveyState
{
    Draft,
    Open,
    Closed,
    /// <summary>Closed, and its results page is public (figures and charts, never a response).</summary>
    Published,
}

/// <summary>
/// A unit's survey (khảo sát): who it asks, when, and its questions in sections. Its questions are locked once the first
/// response arrives; changing them means closing it and starting the next <see cref="Version"/>. Times are UTC.
/// </summary>
public class Survey
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>Shown above the questions, plain text.</summary>
    public string Intro { get; set; } = "";
    public SurveyAudience Audience { get; set; }
    /// <summary>For civil servants: the units whose staff are asked, as written.</summary>
    public string AudienceNote { get; set; } = "";
    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }
    /// <summary>Anonymous (the default): a response keeps no address, no user agent, no name and only the day it came.</summary>
    public bool IsAnonymous { get; set; } = true;
    public SurveyState State { get; set; }
    public int Version { get; set; } = 1;
    /// <summary>The plan target the indicator questions are measured against, in percent (95 for "95% người dân hiểu rõ"); none when null.</summary>
    public int? TargetPercent { get; set; }
    /// <summary>The target as the plan words it.</summary>
    public string TargetLabel { get; set; } = "";
    /// <summary>Generated sample data, said so on every page that shows it.</summary>
    public bool IsSample { get; set; }
    /// <summary>
    /// A seeded sample whose generated responses are still to be added: the seed leaves them to a background job after the
    /// site serves (<see cref="Seeding.SampleDataSeeder"/>), which clears this in the transaction that adds them.
    /// </summary>
    public bool SampleDataPending { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<SurveySection> Sections { get; set; } = [];
    public List<SurveyQuestion> Questions { get; set; } = [];

    /// <summary>Whether it takes responses at <paramref name="utc"/>: opened by an approver and within its dates.</summary>
    public bool TakesResponsesAt(DateTime utc) => State == SurveyState.Open && OpensAt <= utc && utc < ClosesAt;
}

/// <summary>A titled part of a survey ("I. Tiếp cận dịch vụ"): the consecutive questions that name it, as question order runs through the whole survey.</summary>
public class SurveySection
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public int Order { get; set; }
    public string Title { get; set; } = "";
}

/// <summary>A survey's question; the shared shape plus what only a survey needs (its section, scale labels, condition, indicator).</summary>
public class SurveyQuestion : QuestionnaireQuestion
{
    public int SurveyId { get; set; }
    public int? SectionId { get; set; }
    public SurveySection? Section { get; set; }
    /// <summary>What the ends of a 1–5 scale mean ("Rất không hài lòng" … "Rất hài lòng").</summary>
    public string LowLabel { get; set; } = "";
    public string HighLabel { get; set; } = "";
    /// <summary>Shown only when the answer to this earlier question of the survey includes <see cref="ShowIfOptionId"/>.</summary>
    public int? ShowIfQuestionId { get; set; }
    public int? ShowIfOptionId { get; set; }
    /// <summary>
    /// Counts toward the survey's indicator (understanding, satisfaction): a respondent meets it when every indicator
    /// question they answered is met — a choice among the options marked <see cref="SurveyOption.MeetsIndicator"/>, a scale at 4 or 5.
    /// </summary>
    public bool IsIndicator { get; set; }
    public List<SurveyOption> Options { get; set; } = [];

    public QuestionCondition? ShownWhen => ShowIfQuestionId is { } q && ShowIfOptionId is { } o ? new QuestionCondition(q, o) : null;

    public AnswerableQuestion ToAnswerable() => new(Id, Kind, Required, Options.Select(o => o.Id).ToHashSet(), ShownWhen);
}

public class SurveyOption : QuestionnaireOption
{
    public int QuestionId { get; set; }
    /// <summary>Choosing it meets the indicator of an indicator question (the right understanding, "hài lòng").</summary>
    public bool MeetsIndicator { get; set; }
}

/// <summary>
/// One response. What it holds is the anonymity promise: the survey, its version, the day (Vietnam time) and the answers;
/// the browser's token only as a hash, for one response per browser; no address, no user agent, no time of day. Only a
/// survey that is not anonymous keeps the respondent's name as given.
/// </summary>
public class SurveyResponse
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public int SurveyVersion { get; set; }
    public DateOnly Day { get; set; }
    /// <summary>SHA-256 of the browser's cookie token, hex; null for a kiosk's responses, which one device gives for many people.</summary>
    public string? TokenHash { get; set; }
    public string? RespondentName { get; set; }
    public bool IsSample { get; set; }
    public List<SurveyAnswer> Answers { get; set; } = [];
}

/// <summary>One answer, stored as the questionnaire shape says: chosen option ids, or a number (scale, number), or text.</summary>
public class SurveyAnswer
{
    public int ResponseId { get; set; }
    public int QuestionId { get; set; }
    /// <summary>Chosen option ids, ascending, comma separated; empty for the other kinds.</summary>
    public string Chosen { get; set; } = "";
    public decimal? Number { get; set; }
    public string? Text { get; set; }
    /// <summary>A free-text answer an officer has read and published: shown, alone and as plain text, on the published results page.</summary>
    public bool IsPublished { get; set; }
}
