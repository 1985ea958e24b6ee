using System.Net;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Plans;

/// <summary>A site of its own: the merger changes the seeded units for every later request.</summary>
public sealed class MergedUnitPlanTests(EditorSite site) : IClassFixture<EditorSite>
{
    [Fact]
    public async Task A_merged_units_plans_and_grid_answer_301_under_the_unit_that_took_it_over()
    {
        const string merged = SeedFacts.Units.SoLdtbxhBinhDinh, successor = SeedFacts.Units.UbndTinhBinhDinh;
        var admin = await site.SignedInAsync(EditorSite.AdminEmail);
        var (mergedId, successorId, planId) = await site.WithDbAsync(async db => (
            await db.Units.Where(u => u.Slug == merged).Select(u => u.Id).SingleAsync(),
            await db.Units.Where(u => u.Slug == successor).Select(u => u.Id).SingleAsync(),
            await db.Plans.Where(p => p.Unit.Slug == merged).Select(p => p.Id).SingleAsync()));
        var citizen = site.NewBrowser();

        var answer = await EditorSite.PostFormAsync(admin, $"/quan-tri/don-vi/{mergedId}/sap-nhap", new() { ["intoId"] = successorId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);

        foreach (var (from, to) in new[]
        {
            ($"/{merged}/ke-hoach", $"/{successor}/ke-hoach"),
            ($"/{merged}/tuan-thu?nam=2021", $"/{successor}/tuan-thu?nam=2021"),
        })
        {
            var moved = await citizen.GetAsync(from);
            Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
            Assert.Equal(to, moved.Headers.Location!.OriginalString);
        }
        // The merger moved the plan to the province, whose tab now lists it; its own address stays.
        Assert.Contains($"href=\"/ke-hoach/{planId}\"", await citizen.GetStringAsync($"/{successor}/ke-hoach"));
        Assert.Contains($"href=\"/{successor}/ke-hoach\"", await citizen.GetStringAsync($"/ke-hoach/{planId}"));
    }
}
