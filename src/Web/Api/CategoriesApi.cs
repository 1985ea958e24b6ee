using CchcSite.Content.Site;

namespace CchcSite.Web.Api;

public static class CategoriesApi
{
    public static RouteGroupBuilder MapCategoriesApi(this RouteGroupBuilder api)
    {
        api.MapGroup("/categories").WithTags("Categories")
            .MapGet("/", async (SitePageBuilder pages, CancellationToken ct) => TypedResults.Ok(await pages.CategorySummariesAsync(ct)))
            .WithName("GetCategories")
            .WithSummary("The reform fields in their order, each with its description, address and count of published posts.");
        return api;
    }
}
