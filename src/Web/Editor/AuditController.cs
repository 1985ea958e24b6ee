using CchcSite.Content.Audit;
using CchcSite.Content.Paging;
using CchcSite.Content.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Editor;

public sealed record AuditPage(PagedResult<AuditEntry> Entries, string? Who, string? Action, DateOnly? From, DateOnly? To)
{
    public string UrlFor(int page) => "/quan-tri/nhat-ky" + QueryString.Create(new Dictionary<string, string?>
    {
        ["nguoi"] = Who, ["thao-tac"] = Action, ["tu-ngay"] = From is { } from ? VietnameseDate.FormatDate(from) : null,
        ["den-ngay"] = To is { } to ? VietnameseDate.FormatDate(to) : null,
        ["trang"] = page.ToString(),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}

/// <summary>The audit log, for administrators only.</summary>
[Authorize(Policy = EditorPolicies.Administrator)]
public sealed class AuditController(AuditLog audit) : EditorController
{
    [HttpGet("/quan-tri/nhat-ky")]
    public async Task<IActionResult> Index([FromQuery(Name = "nguoi")] string? who, [FromQuery(Name = "thao-tac")] string? action,
        [FromQuery(Name = "tu-ngay")] DateOnly? from, [FromQuery(Name = "den-ngay")] DateOnly? to, [FromQuery(Name = "trang")] string? trang = null,
        CancellationToken ct = default)
    {
        var entries = await audit.ListAsync(new AuditFilter(who, action, from, to) { Page = new PageRequest(PageOf(trang), 50) }, ct);
        return View(new AuditPage(entries, who, action, from, to));
    }
}
