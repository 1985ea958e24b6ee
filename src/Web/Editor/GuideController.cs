using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Editor;

/// <summary>
/// The editor area's design system, shown with the real stylesheet: every component once, with the class that draws it,
/// so that a new page reuses them instead of inventing its own. Read-only; any signed-in editor may open it.
/// </summary>
public sealed class GuideController : EditorController
{
    public const string Path = "/quan-tri/giao-dien";

    [HttpGet(Path)]
    public IActionResult Index() => View();
}
