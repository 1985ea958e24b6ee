using CchcSite.Content.Accounts;
using CchcSite.Content.Plans;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Editor;

public sealed record CompliancePage(int Year, YearMonth Current, IReadOnlyList<QuotaRow> Rows, IReadOnlyList<Reminder> Reminders)
{
    /// <summary>The units that have a plan for the year; the others are marked "chưa có kế hoạch năm nay".</summary>
    public IReadOnlySet<int> UnitsWithPlan { get; init; } = new HashSet<int>();

    /// <summary>Per unit: its civil servants' contest entries and the posts a parent's board accepted, in the year.</summary>
    public IReadOnlyDictionary<int, UnitContribution> Contributions { get; init; } = new Dictionary<int, UnitContribution>();
}

public sealed record MonthPostsPage(UnitRef Unit, YearMonth Month, QuotaStatus Status, IReadOnlyList<LinkedPost> Posts);

/// <summary>The compliance dashboard: the monthly rule per unit and month, with what is due this month and not yet done.</summary>
public sealed class ComplianceController(PlanCompliance compliance, UnitContributions contributions, UnitDirectory units, CurrentEditor editor) : EditorController
{
    [HttpGet("/quan-tri/tuan-thu")]
    public async Task<IActionResult> Index([FromQuery(Name = "nam")] int? nam, CancellationToken ct)
    {
        var current = compliance.CurrentMonth;
        var year = nam is >= 2000 and <= 2100 ? nam.Value : current.Year;
        // A unit sees itself and its sub-units; a role in a sub-unit shows nothing of the unit above.
        var visible = await units.SubtreesAsync(Permissions.UnitsAllowing(await editor.GrantsAsync(), EditorAction.ViewPlans), ct);
        var months = Enumerable.Range(1, 12).Select(m => new YearMonth(year, m)).ToList();
        var ids = visible.Select(u => u.Id).ToList();
        var planned = (await compliance.ListAsync(ids, ct)).Where(p => p.Year == year).Select(p => p.UnitId).ToHashSet();
        return View(new CompliancePage(year, current, await compliance.QuotaAsync(visible, months, ct), await compliance.RemindersAsync(ids, ct))
        {
            UnitsWithPlan = planned,
            Contributions = await contributions.OfYearAsync(ids, year, ct),
        });
    }

    [HttpGet("/quan-tri/tuan-thu/{unit}/{nam:int}/{thang:int}")]
    public async Task<IActionResult> Month(string unit, int nam, int thang, CancellationToken ct)
    {
        if (await units.FindAsync(unit, ct) is not { } node || nam is < 2000 or > 2100 || thang is < 1 or > 12)
            return NotFound();
        if (!await MayAsync(node.Unit.Id, EditorAction.ViewPlans))
            return Forbid();
        var month = new YearMonth(nam, thang);
        var posts = await compliance.MonthPostsAsync(node.Unit.Id, month, ct);
        return View(new MonthPostsPage(node.Unit, month, PlanRules.Quota(month, posts.Count, compliance.CurrentMonth), posts));
    }
}
