using System.Globalization;
using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Search;
using CchcSite.Content.Text;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Search;

/// <summary>
/// The public search page. Every query value is read as text and an unknown one is simply dropped, so no
/// address a citizen can type or paste gives an error page.
/// </summary>
public sealed class SearchController(PostSearch search, UnitDirectory units, SearchReadiness readiness, TimeProvider clock) : Controller
{
    private const int FirstYear = 2015;

    [HttpGet(SearchForm.Path)]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "q")] string? q,
        [FromQuery(Name = "don-vi")] string? unit,
        [FromQuery(Name = "loai")] string? kind,
        [FromQuery(Name = "linh-vuc")] string? category,
        [FromQuery(Name = "nam")] string? year,
        [FromQuery(Name = "sap-xep")] string? sort,
        [FromQuery(Name = "trang")] string? trang,
        CancellationToken ct)
    {
        var unitNode = string.IsNullOrEmpty(unit) ? null : await units.FindAsync(unit, ct);
        var kindInfo = string.IsNullOrEmpty(kind) ? null : PostKindSegments.FromSegment(kind);
        var thisYear = VietnamTime.Today(clock).Year;
        int? yearValue = int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y >= FirstYear && y <= thisYear ? y : null;
        // A number past the int range is a page past the end (an empty page), not page 1.
        var page = PageNumber.Parse(trang) is { } p and >= 1 ? p : 1;
        var categorySlug = string.IsNullOrWhiteSpace(category) ? null : category;

        var form = new SearchForm(q?.Trim() ?? "", unitNode?.Unit.Slug, kindInfo?.Segment, categorySlug, yearValue, sort == "moi-nhat");
        var choices = new SearchChoices(
            (await units.RootsAsync(ct)).SelectMany(root => root.SelfAndDescendantsWithDepth())
                .Select(u => new UnitChoice(u.Node.Unit.Slug, u.Node.Unit.Name, u.Depth)).ToList(),
            PostKindSegments.All,
            Enumerable.Range(FirstYear, thisYear - FirstYear + 1).Reverse().ToList());

        if (!UserQuery.TryParse(q, out var query, out var message))
            return View("Index", new SearchPage(form, choices, message, null) { IndexBuilding = !readiness.CaughtUp });

        var filter = new PostFilter(unitNode?.Unit.Id, IncludeSubUnits: true, kindInfo?.Kind, categorySlug,
            yearValue is { } from ? new DateOnly(from, 1, 1) : null,
            yearValue is { } to ? new DateOnly(to, 12, 31) : null)
        {
            Page = new PageRequest(page),
        };
        var results = await search.SearchAsync(query, filter, form.Newest ? SearchSort.Newest : SearchSort.Relevance, ct);
        return View("Index", new SearchPage(form, choices, null, results) { IndexBuilding = !readiness.CaughtUp });
    }
}
