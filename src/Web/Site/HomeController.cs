using CchcSite.Content.Site;
using CchcSite.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcSite.Web.Site;

[OutputCache(PolicyName = PublicCaching.Pages)]
public sealed class HomeController(SitePageBuilder pages) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("Index", await pages.HomeAsync(ct));

    /// <summary>Re-executed by the status-code pages middleware for every page that ends in an error status.</summary>
    // Any method: a failed POST is re-executed here as a POST. No parameters, so MVC binds nothing: binding would
    // read the posted body as a form, and a body too large to read left the code unbound (0, answered as "HTTP/1.1 0").
    [Route("/loi/{code:int}")]
    public IActionResult Error()
    {
        var code = int.TryParse(RouteData.Values["code"] as string, out var parsed) ? parsed : 0;
        var status = ErrorStatuses.Known(code);
        Response.StatusCode = status;
        var (title, message) = ErrorStatuses.Describe(status);
        return View("Error", new ErrorPage(title, message));
    }
}
