using System.Globalization;
using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Site;
using CchcSite.Content.Units;

namespace CchcSite.Content.Procedures;

public sealed record TermRef(string Slug, string Name);

/// <summary>A procedure as lists show it.</summary>
public sealed record ProcedureCard(string Code, string Name, TermRef Field, TermRef Level, string ProcessingTime, string Fees, decimal? FeeAmount,
    OnlineServiceLevel OnlineLevel, ProcedureStatus Status)
{
    public string Url => ProcedureAddresses.ProcedureUrl(Code);
    public string OnlineLevelText => OnlineLevel.Vietnamese();
    public string StatusText => Status.Vietnamese();
}

public sealed record WayView(string Channel, string? ProcessingTime, string? Fee, string? Description);

/// <summary>A dossier component; <see cref="Form"/> is the downloadable template, when the procedure has one.</summary>
public sealed record DossierView(string Name, int Originals, int Copies, string? FormName, FileRef? Form);

public sealed record LinkedText(string Text, string? Url);

public sealed record RevisionView(int Number, DateTime At, string Source, string? Change, string? DecisionNumber, DateOnly? DecisionDate,
    IReadOnlyList<string> ChangedFields);

/// <summary>Everything the procedure's page, its print view and the API show.</summary>
public sealed record ProcedureDetail(
    ProcedureCard Card,
    string? ProcedureType,
    string ImplementingBody,
    string? CompetentBody,
    string? WhereToSubmit,
    IReadOnlyList<string> Steps,
    IReadOnlyList<WayView> Ways,
    IReadOnlyList<DossierView> Dossier,
    string Subjects,
    string Result,
    IReadOnlyList<LinkedText> LegalBases,
    string? Requirements,
    string? PortalUrl,
    IReadOnlyList<UnitRef> Units,
    LinkedText? Decision,
    DateOnly? StatusSince,
    ProcedureCard? ReplacedBy,
    IReadOnlyList<RevisionView> Revisions)
{
    /// <summary>The published questions naming this procedure, in the Q&amp;A column.</summary>
    public string QuestionsUrl => Questions.PublishedQuestionUrls.OfProcedure(Card.Code);

    /// <summary>The question form of the managing unit with this procedure named.</summary>
    public string AskUrl => Questions.SubmissionAddresses.AskAbout(Units.Count > 0 ? Units[0].Slug : null, Card.Code);
}

/// <summary>The list's filters as the address carries them (Vietnamese query names); unknown values are dropped before.</summary>
public sealed record ProcedureFilter(string? Field = null, string? Level = null, OnlineServiceLevel? Online = null, string? Unit = null,
    ProcedureStatus? Status = ProcedureStatus.InForce, string? Query = null)
{
    public PageRequest Page { get; init; } = new();

    /// <summary>The address of this filter on <paramref name="path"/>, first page.</summary>
    public string UrlOn(string path)
    {
        var values = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
                values.Add($"{name}={Uri.EscapeDataString(value)}");
        }
        Add("q", Query);
        Add("linh-vuc", Field);
        Add("cap", Level);
        Add("dvc", Online?.Slug());
        Add("don-vi", Unit);
        Add("trang-thai", Status is { } s ? s == ProcedureStatus.InForce ? null : s.Slug() : ProcedureAddresses.AllStatuses);
        return values.Count == 0 ? path : $"{path}?{string.Join('&', values)}";
    }
}

public sealed record FieldCount(TermRef Field, int Count);

public sealed record ProcedureChoices(IReadOnlyList<TermRef> Fields, IReadOnlyList<TermRef> Levels, IReadOnlyList<UnitRef> Units);

/// <summary><c>/thu-tuc-hanh-chinh</c> and <c>/{unit}/thu-tuc-hanh-chinh</c>: the list, its filters and the counts per field.</summary>
public sealed record ProceduresPage(UnitNode? Unit, string Path, ProcedureFilter Filter, ProcedureChoices Choices, string? Message,
    PagedResult<ProcedureCard> Procedures, IReadOnlyList<FieldCount> FieldCounts, IReadOnlyList<Breadcrumb> Trail)
    : SitePage(Unit is null ? "Thủ tục hành chính" : $"Thủ tục hành chính – {Unit.Unit.ShortName}", Trail)
{
    public Pager Pager => new(Filter.UrlOn(Path), Procedures.Page, Procedures.TotalPages);
}

/// <summary><c>/thu-tuc-hanh-chinh/{code}</c> and its print view.</summary>
public sealed record ProcedurePage(ProcedureDetail Procedure, IReadOnlyList<Breadcrumb> Trail) : SitePage(Procedure.Card.Name, Trail)
{
    /// <summary>The newest published questions naming the procedure (the first few; the rest behind <see cref="ProcedureDetail.QuestionsUrl"/>).</summary>
    public PagedResult<Questions.QuestionCard> Questions { get; init; } = new([], 1, 1, 0);
}

/// <summary>A procedure on the change list or in an announcement; <see cref="ChangedFields"/> only where one save is shown.</summary>
public sealed record ChangeEntry(ProcedureCard Procedure, string Change, IReadOnlyList<string>? ChangedFields = null);

/// <summary>An announcing decision and what it did, newest first on the change list.</summary>
public sealed record DecisionGroup(string Number, DateOnly? Date, string? Url, IReadOnlyList<ChangeEntry> Changes)
{
    public string Id => "qd-" + new string(Number.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();

    public DateTime PublishedAtUtc => Text.VietnamTime.StartOfDayUtc(Date ?? DateOnly.MinValue);
}

/// <summary>
/// What one decision did to procedures in one save or import (the revisions sharing its number and time), as an alert to
/// subscribers carries it; <see cref="Id"/> is its first revision. <see cref="Unit"/> is the first procedure's managing unit.
/// </summary>
public sealed record ProcedureAnnouncement(long Id, DecisionGroup Decision, DateTime At, UnitRef Unit)
{
    /// <summary>The decision on the unit's change list.</summary>
    public string ChangesUrl => $"{ProcedureAddresses.ChangesUrl(Unit.Slug)}#{Decision.Id}";
}

/// <summary><c>/thu-tuc-hanh-chinh/cong-bo</c>, and per unit.</summary>
public sealed record ProcedureChangesPage(UnitNode? Unit, IReadOnlyList<DecisionGroup> Decisions, IReadOnlyList<Breadcrumb> Trail)
    : SitePage(Unit is null ? "Thủ tục hành chính công bố mới, sửa đổi, bãi bỏ" : $"Thủ tục hành chính công bố mới, sửa đổi, bãi bỏ – {Unit.Unit.ShortName}", Trail)
{
    public string FeedUrl => ProcedureAddresses.ChangesFeedUrl(Unit?.Unit.Slug);
}

public static class ProcedureAddresses
{
    public const string Segment = "thu-tuc-hanh-chinh";
    public const string ChangesSegment = "cong-bo";
    public const string PrintSegment = "in";
    public const string AllStatuses = "tat-ca";

    public static string ListUrl(string? unitSlug) => unitSlug is null ? $"/{Segment}" : $"/{unitSlug}/{Segment}";

    public static string ProcedureUrl(string code) => $"/{Segment}/{code}";

    public static string PrintUrl(string code) => $"/{Segment}/{code}/{PrintSegment}";

    public const string FormSegment = "mau";

    /// <summary>The form of the <paramref name="component"/>-th dossier component (from 1), served under the procedure, not the media library.</summary>
    public static string FormUrl(string code, int component, string fileName) =>
        $"/{Segment}/{code}/{FormSegment}/{component}/{Uri.EscapeDataString(fileName)}";

    public static string ChangesUrl(string? unitSlug) => $"{ListUrl(unitSlug)}/{ChangesSegment}";

    public static string ChangesFeedUrl(string? unitSlug) => $"{ChangesUrl(unitSlug)}/rss";

    public static string Count(int n) => n.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));
}
