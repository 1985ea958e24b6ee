using CchcSite.Content.Accounts;
using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Editor;

public sealed record DashboardPage(
    string FullName,
    bool IsAdministrator,
    IReadOnlyList<(UnitRef Unit, IReadOnlyList<UnitRole> Roles)> Units,
    PagedResult<EditorPostRow> Posts,
    DashboardQuery Query,
    IReadOnlyList<Content.Plans.PlanItemChoice> PlanItems, IReadOnlyList<WorkCount> Work)
{
    /// <summary>Whether the inbox of questions and feedback is any use to this user.</summary>
    public bool HandlesSubmissions => IsAdministrator || Units.Any(u => u.Roles.Any(r => Permissions.RoleAllows(r, EditorAction.HandleSubmission)));
}

public sealed record DashboardQuery(string? DonVi, PostKind? Loai, PostStatus? TrangThai, string? Q, int Trang = 1, int? MucKeHoach = null)
{
    public string UrlFor(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["don-vi"] = DonVi, ["loai"] = Loai?.ToString(), ["trang-thai"] = TrangThai?.ToString(), ["q"] = Q,
            ["muc-ke-hoach"] = MucKeHoach?.ToString(),
            ["trang"] = page == 1 ? null : page.ToString(),
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent() is { Length: > 0 } query ? "/quan-tri" + query : "/quan-tri";
}

public sealed class DashboardController(CurrentEditor editor, UnitDirectory units, EditorPosts posts,
    Microsoft.AspNetCore.Identity.UserManager<EditorUser> users, Content.Plans.PlanCompliance plans, MyWork work) : EditorController
{
    [HttpGet("/quan-tri")]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "don-vi")] string? donVi, [FromQuery(Name = "loai")] PostKind? loai,
        [FromQuery(Name = "trang-thai")] PostStatus? trangThai, [FromQuery(Name = "q")] string? q,
        [FromQuery(Name = "muc-ke-hoach")] int? mucKeHoach, [FromQuery(Name = "trang")] string? trang = null, CancellationToken ct = default)
    {
        // A hotline officer has no posts: their home is the inbox of questions.
        if (!Request.QueryString.HasValue && await work.OnlyHandlesSubmissionsAsync())
            return Redirect(SubmissionInboxController.Path);
        var grants = await editor.GrantsAsync();
        int? unitId = null;
        if (!string.IsNullOrEmpty(donVi))
        {
            if (await units.FindAsync(donVi, ct) is not { } unit)
                return NotFound();
            // Asking for another unit's list is refused, not silently emptied.
            if (!await MayAsync(unit.Unit.Id, EditorAction.ReadDraft))
                return Forbid();
            unitId = unit.Unit.Id;
        }
        var paging = new PageRequest(PageOf(trang), 20);
        var readable = Permissions.UnitsAllowing(grants, EditorAction.ReadDraft);
        var list = await posts.ListAsync(new EditorPostFilter(readable, unitId, loai, trangThai, q) { Page = paging, PlanItemId = mucKeHoach }, ct);
        var myUnits = new List<(UnitRef, IReadOnlyList<UnitRole>)>();
        foreach (var group in grants.Roles.GroupBy(r => r.UnitId))
            if (await units.FindAsync(group.Key, ct) is { } node)
                myUnits.Add((node.Unit, group.Select(r => r.Role).ToList()));
        var user = await users.GetUserAsync(User);
        return View(new DashboardPage(user?.FullName ?? "", grants.IsAdministrator, myUnits, list, new DashboardQuery(donVi, loai, trangThai, q, paging.Page, mucKeHoach),
            await plans.ChoicesAsync(readable, ct), await work.CountsAsync(ct)));
    }
}
