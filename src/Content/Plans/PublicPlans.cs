using CchcSite.Content.Posts;
using CchcSite.Content.Site;
using CchcSite.Content.Text;
using CchcSite.Content.Units;

namespace CchcSite.Content.Plans;

/// <summary>A post that carried out a plan row, as the public may open it.</summary>
public sealed record PublicPlanPost(int Id, string Title, string Url, DateTime PublishedAt);

/// <summary>
/// One due month of a row (null for a row done when the occasion arises) and its status, in words for people;
/// <see cref="DueOn"/> when the row is due by a day of the month rather than the whole month.
/// </summary>
public sealed record PublicOccurrence(int? Month, ItemStatus Status, string StatusText, IReadOnlyList<PublicPlanPost> Posts, DateOnly? DueOn);

public sealed record PublicPlanRow(int Order, string? Group, string Content, string? Form, string Lead, IReadOnlyList<string> Coordinators,
    string Timing, IReadOnlyList<int> DueMonths, string? ExpectedOutput, bool OnTime, IReadOnlyList<PublicOccurrence> Occurrences);

/// <summary>How far a plan is carried out: rows done on time (<see cref="PlanRules.OnTime"/>) out of all rows.</summary>
public sealed record PlanProgress(int OnTime, int Total)
{
    public string Text => $"{OnTime}/{Total} nhiệm vụ đã thực hiện đúng hạn";
}

/// <summary>A plan in a list; <see cref="EndYear"/> for a plan over several years, whose progress is that of <see cref="ShownYear"/>.</summary>
public sealed record PublicPlanSummary(int Id, UnitRef Unit, int Year, int? EndYear, int ShownYear, string? Number, string Title, PlanProgress Progress)
{
    public string Url => PublicPlans.PlanUrl(Id);

    public string PeriodText => Plan.PeriodOf(Year, EndYear);
}

/// <summary>
/// A plan as the public sees it: its rows with their statuses in <see cref="ShownYear"/> as of <see cref="AsOf"/>, and only
/// published posts. A plan over several years (<see cref="EndYear"/>) is followed a year at a time.
/// </summary>
public sealed record PublicPlan(int Id, UnitRef Unit, int Year, int? EndYear, int ShownYear, string? Number, DateOnly? IssuedOn, string Title, DateOnly AsOf,
    PostCard? Document, IReadOnlyList<FileRef> Attachments, PlanProgress Progress, IReadOnlyList<PublicPlanRow> Rows)
{
    public string Url => PublicPlans.PlanUrl(Id);

    public string PeriodText => Plan.PeriodOf(Year, EndYear);

    /// <summary>The address of one year of a plan over several years.</summary>
    public string YearUrl(int year) => PublicPlans.PlanUrl(Id, year);
}

/// <summary><c>/{unit}/ke-hoach</c>: the unit's plans and how far each is carried out.</summary>
public sealed record UnitPlansPage(UnitNode Unit, IReadOnlyList<PublicPlanSummary> Plans, IReadOnlyList<Breadcrumb> Trail)
    : SitePage($"Kế hoạch tuyên truyền CCHC – {Unit.Unit.ShortName}", Trail);

/// <summary><c>/ke-hoach/{id}</c>.</summary>
public sealed record PublicPlanPage(PublicPlan Plan, IReadOnlyList<Breadcrumb> Trail) : SitePage(Plan.Title, Trail);

/// <summary><c>/{unit}/tuan-thu?nam=</c>: the unit and its sub-units × the months of a year, the monthly rule met or missing.</summary>
public sealed record PublicCompliancePage(UnitNode Unit, int Year, YearMonth Current, IReadOnlyList<QuotaRow> Rows, IReadOnlyList<Breadcrumb> Trail)
    : SitePage($"Tình hình đăng tin CCHC năm {Year} – {Unit.Unit.ShortName}", Trail);

/// <summary>
/// Plans in public. Statuses come from <see cref="PlanCompliance"/>, the same code as the editor's plan page, so both
/// agree for the same clock; the public sees only links to posts it can open.
/// </summary>
public sealed class PublicPlans(PlanCompliance compliance, PublishedPosts posts, UnitDirectory units, SitePageBuilder pages, TimeProvider clock)
{
    public const string Segment = "ke-hoach";
    public const string ComplianceSegment = "tuan-thu";

    public static string PlanUrl(int id, int? year = null) => $"/{Segment}/{id}" + (year is null ? "" : $"?nam={year}");

    public static string UnitPlansUrl(string unitSlug) => $"/{unitSlug}/{Segment}";

    /// <summary>The grid of a year; without one, of the current year.</summary>
    public static string ComplianceUrl(string unitSlug, int? year) => $"/{unitSlug}/{ComplianceSegment}" + (year is null ? "" : $"?nam={year}");

    /// <summary>Plans of an active unit (null: all), of a year (null: all), newest first.</summary>
    public async Task<IReadOnlyList<PublicPlanSummary>> ListAsync(int? unitId, int? year, CancellationToken ct)
    {
        var views = await compliance.PlansAsync(unitId, year, ct);
        var summaries = new List<PublicPlanSummary>();
        foreach (var view in views.OrderByDescending(v => v.Plan.Year).ThenBy(v => v.Plan.Id))
            if (await units.FindAsync(view.Plan.UnitId, ct) is { } unit)
                summaries.Add(new PublicPlanSummary(view.Plan.Id, unit.Unit, view.Plan.Year, view.Plan.EndYear, view.Year, view.Plan.Number,
                    view.Plan.Title, ProgressOf(view)));
        return summaries;
    }

    /// <summary>
    /// A plan of an active unit (a merger moves the merged unit's plans to the unit that took it over), in one of its years
    /// (default: the year it shows now); null for a year outside the plan.
    /// </summary>
    public async Task<PublicPlan?> FindAsync(int id, CancellationToken ct, int? year = null)
    {
        if (await compliance.PlanAsync(id, ct, year) is not { } view || !view.Plan.Covers(view.Year)
            || await units.FindAsync(view.Plan.UnitId, ct) is not { } unit)
            return null;
        var linkedIds = view.Items.SelectMany(i => i.Occurrences).SelectMany(o => o.Posts).Select(p => p.Id).Distinct().ToList();
        // Counted as the editor counts (published by now); linked only while the public can open them.
        var visible = (await posts.CardsAsync(linkedIds, ct)).ToDictionary(c => c.Id);
        var document = view.Plan.DocumentPostId is { } documentId ? await posts.FindAsync(documentId, ct) : null;
        var rows = view.Items.Select(item => new PublicPlanRow(item.Item.Order, item.Item.Group, item.Item.Content, item.Item.Form, item.Item.LeadName,
            item.Item.Coordinators.Select(c => c.Name).ToList(), item.Item.TimingText, item.Item.DueMonths, item.Item.ExpectedOutput,
            PlanRules.OnTime(item.Occurrences),
            item.Occurrences.Select(o => new PublicOccurrence(o.Month?.Month, o.Status, o.Status.Vietnamese(),
                o.Posts.Where(p => visible.ContainsKey(p.Id)).Select(p => new PublicPlanPost(p.Id, p.Title, visible[p.Id].Url, p.PublishedAt)).ToList(),
                o.DueOn)).ToList()))
            .ToList();
        return new PublicPlan(view.Plan.Id, unit.Unit, view.Plan.Year, view.Plan.EndYear, view.Year, view.Plan.Number, view.Plan.IssuedOn, view.Plan.Title,
            VietnamTime.Today(clock), document?.Card, document?.Attachments ?? [], ProgressOf(view), rows);
    }

    public async Task<UnitPlansPage?> UnitPageAsync(string unitSlug, CancellationToken ct)
    {
        if (await units.FindAsync(unitSlug, ct) is not { } unit)
            return null;
        return new UnitPlansPage(unit, await ListAsync(unit.Unit.Id, null, ct), [.. await pages.UnitTrailAsync(unitSlug, ct), new("Kế hoạch", null)]);
    }

    public async Task<PublicPlanPage?> PlanPageAsync(int id, int? year, CancellationToken ct)
    {
        if (await FindAsync(id, ct, year) is not { } plan)
            return null;
        return new PublicPlanPage(plan,
            [.. await pages.UnitTrailAsync(plan.Unit.Slug, ct), new("Kế hoạch", UnitPlansUrl(plan.Unit.Slug)), new(plan.PeriodText, null)]);
    }

    /// <summary>The editor area's grid, read-only: the unit and its sub-units, every month of the year (default: this year).</summary>
    public async Task<PublicCompliancePage?> CompliancePageAsync(string unitSlug, int? year, CancellationToken ct)
    {
        if (await units.FindAsync(unitSlug, ct) is not { } unit)
            return null;
        var current = compliance.CurrentMonth;
        var shown = year ?? current.Year;
        var months = Enumerable.Range(1, 12).Select(m => new YearMonth(shown, m)).ToList();
        var rows = await compliance.QuotaAsync(unit.SelfAndDescendants().Select(n => n.Unit).ToList(), months, ct);
        return new PublicCompliancePage(unit, shown, current, rows, [.. await pages.UnitTrailAsync(unitSlug, ct), new("Tình hình đăng tin", null)]);
    }

    private static PlanProgress ProgressOf(PlanView view) =>
        new(view.Items.Count(i => PlanRules.OnTime(i.Occurrences)), view.Items.Count);
}
