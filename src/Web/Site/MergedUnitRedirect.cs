using CchcSite.Content.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace CchcSite.Web.Site;

/// <summary>
/// Any public address under a merged unit's slug that found nothing answers 301 to the same address under the unit
/// that took it over. Working on the 404 alone keeps live pages free of the lookup and covers every section route.
/// One instance serves every request (a global filter given as a type is made anew for each request, and resolving its
/// scoped dependencies was 4 % of an uncached post page): the directory is asked for only on a 404.
/// </summary>
public sealed class MergedUnitRedirect : IAsyncAlwaysRunResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.Result is IStatusCodeActionResult { StatusCode: StatusCodes.Status404NotFound }
            && context.RouteData.Values.TryGetValue("unit", out var value) && value is string slug
            && context.HttpContext.Request.Path.StartsWithSegments("/" + slug, out var rest)
            && await context.HttpContext.RequestServices.GetRequiredService<UnitDirectory>().SuccessorOfMergedAsync(slug, context.HttpContext.RequestAborted) is { } successor)
        {
            context.Result = new RedirectResult($"/{successor}{rest}{context.HttpContext.Request.QueryString}", permanent: true);
        }
        await next();
    }
}
