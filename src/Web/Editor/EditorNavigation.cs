using CchcSite.Content.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Editor;

/// <summary>One link of the editor area's side navigation: its group, who sees it, and which count (if any) it carries.</summary>
public sealed record NavItem(string Group, string Label, string Url, Func<UserGrants, bool> Shows, string? BadgeKey = null);

/// <summary>
/// The side navigation of every editor page, grouped by task. A new page is one line here (the group decides where it
/// shows); who sees a link is asked of the one permission table, the page itself still checks on every request.
/// </summary>
public static class EditorNavigation
{
    public const string Home = "Việc của tôi";

    public static readonly IReadOnlyList<NavItem> Items =
    [
        new("", Home, "/quan-tri", _ => true),
        new("Nội dung", "Bài viết", "/quan-tri#bai-viet", May(EditorAction.ReadDraft), "bai-viet"),
        new("Nội dung", "Bài đề xuất từ đơn vị trực thuộc", ProposalsController.Base, May(EditorAction.DecideProposal), "de-xuat"),
        new("Nội dung", "Bản tin CCHC", "/quan-tri/ban-tin", May(EditorAction.ReadDraft)),
        new("Nội dung", "Thư viện ảnh và tệp", "/quan-tri/thu-vien", May(EditorAction.Upload)),
        new("Hỏi – đáp", "Hỏi – đáp, phản ánh, kiến nghị", "/quan-tri/hoi-dap", May(EditorAction.HandleSubmission), "hoi-dap"),
        new("Kế hoạch và báo cáo", "Kế hoạch tuyên truyền", "/quan-tri/ke-hoach", May(EditorAction.ViewPlans)),
        new("Kế hoạch và báo cáo", "Theo dõi thực hiện kế hoạch", "/quan-tri/tuan-thu", May(EditorAction.ViewPlans), "tuan-thu"),
        new("Kế hoạch và báo cáo", "Báo cáo định kỳ", "/quan-tri/bao-cao", May(EditorAction.ViewPlans)),
        new("Kế hoạch và báo cáo", "Báo cáo gửi cơ quan theo dõi", SubmittedReportsController.Base, grants => May(EditorAction.SubmitReport)(grants) || May(EditorAction.ReceiveReports)(grants)),
        new("Kế hoạch và báo cáo", "Kết quả chỉ số CCHC", "/quan-tri/chi-so", May(EditorAction.ManageIndexResults)),
        new("Nội dung", "Thủ tục hành chính", ProceduresAdminController.Base, May(EditorAction.ManageProcedures)),
        new("Kế hoạch và báo cáo", "Kết quả giải quyết hồ sơ TTHC", DossierResultsController.Base, May(EditorAction.ManageDossierResults)),
        new("Nội dung", "Người đăng ký nhận tin", "/quan-tri/nhan-tin", May(EditorAction.ViewSubscriberCounts)),
        new("Nội dung", "Trang giới thiệu đơn vị", UnitProfileController.Base, May(EditorAction.EditUnitProfile)),
        new("Nội dung", "Hội thi trực tuyến", ContestsAdminController.Base, May(EditorAction.PrepareContests), "hoi-thi"),
        new("Nội dung", "Khảo sát ý kiến", SurveysAdminController.Base, May(EditorAction.ManageSurveys)),
        new("Quản trị", "Đơn vị", "/quan-tri/don-vi", Administrator),
        new("Quản trị", "Người dùng và quyền", "/quan-tri/nguoi-dung", Administrator),
        new("Quản trị", "Danh mục chỉ số CCHC", IndexDefinitionsController.Base, Administrator),
        new("Quản trị", "Nhật ký thao tác", "/quan-tri/nhat-ky", Administrator),
        new("Quản trị", "Chỉ mục tìm kiếm", "/quan-tri/tim-kiem", Administrator),
        new("Quản trị", "Mẫu giao diện quản trị", GuideController.Path, _ => true),
    ];

    /// <summary>Whether the person holds the action in at least one unit (administrators: everywhere).</summary>
    public static Func<UserGrants, bool> May(EditorAction action) => grants => Permissions.UnitsAllowing(grants, action) is not { Count: 0 };

    private static bool Administrator(UserGrants grants) => grants.IsAdministrator;

    /// <summary>The item the current address belongs to: the longest link that is a prefix of the path.</summary>
    public static NavItem? Current(string path) =>
        Items.Select(i => (Item: i, Path: i.Url.Split('#')[0]))
            .Where(x => path == x.Path || path.StartsWith(x.Path + "/", StringComparison.Ordinal))
            .OrderByDescending(x => x.Path.Length).Select(x => x.Item).FirstOrDefault();
}

public sealed record NavLink(NavItem Item, int Badge, bool IsCurrent);

/// <summary>Draws <see cref="EditorNavigation.Items"/> for the signed-in person, with the counts of <see cref="MyWork"/>.</summary>
public sealed class EditorNavViewComponent(CurrentEditor editor, MyWork work) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var grants = await editor.GrantsAsync();
        var current = EditorNavigation.Current(HttpContext.Request.Path.Value ?? "");
        var links = new List<NavLink>();
        foreach (var item in EditorNavigation.Items.Where(i => i.Shows(grants)))
            links.Add(new(item, item.BadgeKey is { } key ? await work.BadgeAsync(key, HttpContext.RequestAborted) : 0, item == current));
        return View("/Areas/QuanTri/Views/Shared/_EditorNav.cshtml", links);
    }
}
