using CchcSite.Content.Accounts;
using CchcSite.Content.Subscriptions;
using CchcSite.Content.Units;
using CchcSite.Web.Editor;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Subscriptions;

public sealed record UnitSubscriberCount(UnitRef Unit, SubscriptionCounts Counts);

/// <summary>The editor's page of subscriptions: counts per unit for approvers; for administrators, the addresses too.</summary>
public sealed record SubscribersPage(SubscriptionCounts? Site, IReadOnlyList<UnitSubscriberCount> Units, IReadOnlyList<SubscriberRow>? Subscribers);

/// <summary>
/// Who receives the news by e-mail. The permission table decides who sees what: approvers the counts of their units,
/// administrators every count and the list of addresses; everyone else is refused.
/// </summary>
public sealed class SubscribersController(SubscriptionBook book, UnitDirectory units, CurrentEditor editor) : EditorController
{
    public const string Path = "/quan-tri/nhan-tin";

    [HttpGet(Path)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var grants = await editor.GrantsAsync();
        var allowed = Permissions.UnitsAllowing(grants, EditorAction.ViewSubscriberCounts);
        if (allowed is { Count: 0 })
            return Forbid();
        var visible = (await units.SubtreesAsync(null, ct)).Where(u => allowed is null || allowed.Contains(u.Id)).ToList();
        var rows = new List<UnitSubscriberCount>();
        foreach (var unit in visible)
            rows.Add(new UnitSubscriberCount(unit, await book.CountsAsync(new HashSet<int> { unit.Id }, ct)));
        var addresses = Permissions.MaySeeSubscriberAddresses(grants);
        return View("~/Areas/QuanTri/Views/Subscribers/Index.cshtml", new SubscribersPage(
            addresses ? await book.CountsAsync(null, ct) : null, rows, addresses ? await book.ListAsync(ct) : null));
    }
}
