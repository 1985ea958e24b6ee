using CchcSite.Web.Editor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Search;

/// <summary>The administrator's button that rebuilds the search index, and its progress.</summary>
[Authorize(Policy = EditorPolicies.Administrator)]
public sealed class SearchAdminController(IndexRebuild rebuild) : EditorController
{
    [HttpGet("/quan-tri/tim-kiem")]
    public IActionResult Index() => View(rebuild.Status);

    [HttpPost("/quan-tri/tim-kiem/xay-lai")]
    public IActionResult Start()
    {
        TempData["Message"] = rebuild.TryStart() ? "Đã bắt đầu xây dựng lại chỉ mục tìm kiếm." : "Chỉ mục đang được xây dựng lại; vui lòng chờ.";
        return Redirect("/quan-tri/tim-kiem");
    }

    /// <summary>Polled by the page while a rebuild runs.</summary>
    [HttpGet("/quan-tri/tim-kiem/tien-do")]
    public IActionResult Progress() => Json(rebuild.Status);
}
