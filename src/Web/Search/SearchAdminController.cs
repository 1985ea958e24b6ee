using CchcSite.Web.Editor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Search;

/// <summary>The administrator's button that rebuilds the search index, and its progress.</summary>
[Area(EditorArea.Name)]
[Authorize(Policy = EditorPolicies.Editor)]
[AutoValidateAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SearchAdminController(IndexRebuild rebuild, CurrentEditor editor) : Controller
{
    [HttpGet("/quan-tri/tim-kiem")]
    public async Task<IActionResult> Index() =>
        await IsAdministratorAsync() ? View(rebuild.Status) : Forbid();

    [HttpPost("/quan-tri/tim-kiem/xay-lai")]
    public async Task<IActionResult> Start()
    {
        if (!await IsAdministratorAsync())
            return Forbid();
        TempData["Message"] = rebuild.TryStart() ? "Đã bắt đầu xây dựng lại chỉ mục tìm kiếm." : "Chỉ mục đang được xây dựng lại; vui lòng chờ.";
        return Redirect("/quan-tri/tim-kiem");
    }

    /// <summary>Polled by the page while a rebuild runs.</summary>
    [HttpGet("/quan-tri/tim-kiem/tien-do")]
    public async Task<IActionResult> Progress() =>
        await IsAdministratorAsync() ? Json(rebuild.Status) : Forbid();

    private async Task<bool> IsAdministratorAsync() => (await editor.GrantsAsync()).IsAdministrator;
}
