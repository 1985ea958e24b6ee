using CchcSite.Content.Units;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CchcSite.Web.Api;

public static class UnitsApi
{
    public static RouteGroupBuilder MapUnitsApi(this RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units").WithTags("Units");
        units.MapGet("/", async (UnitDirectory directory, CancellationToken ct) => TypedResults.Ok(await directory.RootsAsync(ct)))
            .WithName("GetUnitTree").WithSummary("The tree of units, each with its contact details and sub-units.");
        units.MapGet("/{slug}", async Task<Results<Ok<UnitNode>, ProblemHttpResult>> (string slug, UnitDirectory directory, CancellationToken ct) =>
                await directory.FindAsync(slug, ct) is { } unit ? TypedResults.Ok(unit) : ApiProblems.NotFound($"Không có đơn vị '{slug}'."))
            .WithName("GetUnit").WithSummary("One unit with its sub-units.");
        units.MapGet("/{slug}/profile", async Task<Results<Ok<UnitProfilePage>, ProblemHttpResult>> (string slug, UnitProfiles profiles, CancellationToken ct) =>
                await profiles.FindAsync(slug, ct) is { } page ? TypedResults.Ok(page) : ApiProblems.NotFound($"Không có đơn vị '{slug}'."))
            .WithName("GetUnitProfile")
            .WithSummary("The unit's \"Giới thiệu\": functions and duties, organisation (Markdown), leaders with official contacts, map link, English name and introduction.");
        return api;
    }
}
