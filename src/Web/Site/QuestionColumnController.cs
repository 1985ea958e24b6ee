using CchcSite.Content.Paging;
using CchcSite.Content.Questions;
using CchcSite.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcSite.Web.Site;

/// <summary>The Q&amp;A column: published questions and answers, of one unit or of all, by field or by search words.</summary>
[OutputCache(PolicyName = PublicCaching.Pages)]
public sealed class QuestionColumnController(QuestionPageBuilder pages) : Controller
{
    [HttpGet(PublishedQuestionUrls.Column)]
    [HttpGet("/{unit:unit}" + PublishedQuestionUrls.Column)]
    public async Task<IActionResult> Index(string? unit, [FromQuery(Name = "linh-vuc")] string? linhVuc, [FromQuery(Name = "q")] string? q,
        [FromQuery(Name = "trang")] string? trangText = null, [FromQuery(Name = PublishedQuestionUrls.ProcedureQuery)] string? thuTuc = null,
        CancellationToken ct = default)
    {
        var trang = PageNumber.Parse(trangText) ?? 1;
        if (trang < 1)
            return NotFound();
        // A search is answered from the index, which follows a commit by a second or so: a page cached in between
        // would keep stale hits for the cache's lifetime, so searches are not stored (the lists are).
        if (!string.IsNullOrWhiteSpace(q) && HttpContext.Features.Get<IOutputCacheFeature>() is { } cache)
            cache.Context.AllowCacheStorage = false;
        return await pages.ColumnAsync(unit, linhVuc, q, trang, ct, thuTuc) is { } page ? View("Column", page) : NotFound();
    }

    [HttpGet(PublishedQuestionUrls.Column + "/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct) =>
        await pages.QuestionAsync(id, ct) is { } page ? View("Question", page) : NotFound();
}
