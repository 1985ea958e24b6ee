using CchcSite.Content.Paging;
using CchcSite.Content.Questionnaires;
using CchcSite.Content.Site;
using CchcSite.Content.Text;

namespace CchcSite.Content.Surveys;

public sealed record SurveyFormOption(int Id, string Text);

public sealed record SurveyFormQuestion(
    int Id,
    int Number,
    string Text,
    QuestionKind Kind,
    bool Required,
    string? Group,
    string LowLabel,
    string HighLabel,
    IReadOnlyList<SurveyFormOption> Options,
    QuestionCondition? ShownWhen);

public sealed record SurveyFormSection(string Title, IReadOnlyList<SurveyFormQuestion> Questions)
{
    /// <summary>The questions as the form shows them: each on its own, the consecutive statements of a matrix together.</summary>
    public IReadOnlyList<IReadOnlyList<SurveyFormQuestion>> Blocks => SurveyMatrices.Runs(Questions, q => q.Group);
}

/// <summary>
/// How a survey's matrices are found among its questions: a matrix is a run of consecutive questions sharing a group key
/// (the prompt, within one section), so the form, the results and the exports read the same questions the same way.
/// </summary>
public static class SurveyMatrices
{
    /// <summary>The items in runs: consecutive items with the same non-null key together, every other item alone.</summary>
    public static IReadOnlyList<IReadOnlyList<T>> Runs<T>(IReadOnlyList<T> items, Func<T, string?> key)
    {
        var runs = new List<IReadOnlyList<T>>();
        for (var i = 0; i < items.Count;)
        {
            var first = key(items[i]);
            var run = first is null ? [items[i]] : items.Skip(i).TakeWhile(item => key(item) == first).ToList();
            runs.Add(run);
            i += run.Count;
        }
        return runs;
    }
}

/// <summary>
/// A survey as its respondent sees it, with what was typed and what is wrong when a send was refused. A kiosk's pages
/// (<see cref="Kiosk"/>, the value that opened kiosk mode, carried from page to page) go back to an empty form after each
/// response, for the next person at the desk.
/// </summary>
public sealed record SurveyFormPage(
    string Slug,
    string SurveyTitle,
    string Intro,
    string UnitName,
    bool IsAnonymous,
    bool IsSample,
    DateTime ClosesAt,
    bool Open,
    IReadOnlyList<SurveyFormSection> Sections,
    IReadOnlyDictionary<int, QuestionnaireAnswer> Answers,
    IReadOnlyDictionary<int, string> Errors)
    : SitePage(SurveyTitle, [new("Trang chủ", "/"), new("Khảo sát", SurveyAddresses.List), new(SurveyTitle, null)])
{
    public string? Kiosk { get; init; }
    /// <summary>Whether the unit has published the results (the form then links to them).</summary>
    public bool ResultsPublished { get; init; }
    /// <summary>Why the whole send was refused (already answered, closed), above the form.</summary>
    public string? Message { get; init; }
    public string Action => Kiosk is { } kiosk ? SurveyAddresses.KioskForm(Slug, kiosk) : SurveyAddresses.Survey(Slug);
    public IEnumerable<SurveyFormQuestion> Questions => Sections.SelectMany(s => s.Questions);
}

/// <summary>The thank-you page; a kiosk's (<see cref="Kiosk"/> set) returns to an empty form by itself.</summary>
public sealed record SurveyThanksPage(string Slug, string SurveyTitle, string? Kiosk)
    : SitePage("Cảm ơn bạn đã tham gia khảo sát", [new("Trang chủ", "/"), new(SurveyTitle, SurveyAddresses.Survey(Slug)), new("Cảm ơn", null)]);

/// <summary>A survey as the public lists it: open for answers (<see cref="Url"/>) or with its results published (<see cref="ResultsUrl"/>). Times are UTC.</summary>
public sealed record SurveyCard(string Slug, string Title, string UnitSlug, string UnitName, bool TakesResponses, bool ResultsPublished, DateTime OpensAt,
    DateTime ClosesAt, int? TargetPercent, bool IsSample)
{
    public string Url => SurveyAddresses.Survey(Slug);
    public string? ResultsUrl => ResultsPublished ? SurveyAddresses.Results(Slug) : null;
}

/// <summary>The public list: surveys open for answers first, then those whose results are published; drafts and closed surveys without published results are not in it.</summary>
public sealed record SurveyListPage(PagedResult<SurveyCard> Surveys)
    : SitePage("Khảo sát ý kiến người dân, tổ chức", [new("Trang chủ", "/"), new("Khảo sát", null)])
{
    public Pager Pager => new(SurveyAddresses.List, Surveys.Page, Surveys.TotalPages);
}

/// <summary>
/// A survey's dates as people read them: it closes at the start of the day after its last day (UTC in the database), so the
/// last day shown is the Vietnam date just before <see cref="Survey.ClosesAt"/>.
/// </summary>
public static class SurveyDates
{
    /// <summary>The last day a survey takes responses, Vietnam time: its close is the start of the next day, or the moment given.</summary>
    public static DateOnly LastDate(DateTime closesAtUtc) => VietnamTime.DateOf(closesAtUtc.AddTicks(-1));

    public static string LastDay(DateTime closesAtUtc) => VietnamTime.FormatDate(LastDate(closesAtUtc));
}

public static class SurveyAddresses
{
    public const string Segment = "khao-sat";
    public const string List = "/" + Segment;

    public static string Survey(string slug) => $"/{Segment}/{slug}";
    public static string Thanks(string slug) => $"{Survey(slug)}/cam-on";
    public static string KioskForm(string slug, string kiosk) => $"{Survey(slug)}?kiosk={Uri.EscapeDataString(kiosk)}";
    public static string Results(string slug) => $"{Survey(slug)}/ket-qua";
    public static string QrCode(string slug, string format) => $"{Survey(slug)}/ma-qr.{format}";
}
