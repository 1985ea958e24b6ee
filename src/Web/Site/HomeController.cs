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
    // Any method: a failed POST is re-executed here as a POST.
    [Route("/loi/{code:int}")]
    public IActionResult Error(int code)
    {
        Response.StatusCode = code;
        var page = code switch
        {
            StatusCodes.Status404NotFound => new ErrorPage("Không tìm thấy trang", "Trang bạn tìm không có hoặc đã được chuyển đi. Vui lòng kiểm tra lại địa chỉ hoặc quay về trang chủ."),
            StatusCodes.Status410Gone => new ErrorPage("Bài viết đã được gỡ", "Bài viết này đã được đơn vị gỡ khỏi chuyên trang và không còn được cung cấp."),
            _ => new ErrorPage("Có lỗi xảy ra", "Hệ thống chưa xử lý được yêu cầu. Vui lòng thử lại sau ít phút."),
        };
        return View("Error", page);
    }
}
