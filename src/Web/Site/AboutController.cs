using CchcSite.Content.Site;
using CchcSite.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcSite.Web.Site;

/// <summary>Who the units are and how to reach them: each unit's "Giới thiệu" and English page, and the site's contact page.</summary>
[OutputCache(PolicyName = PublicCaching.Pages)]
public sealed class AboutController(AboutPageBuilder pages) : Controller
{
    [HttpGet("/{unit:unit}/" + UnitAboutPage.Segment)]
    public async Task<IActionResult> Unit(string unit, CancellationToken ct) =>
        await pages.UnitAsync(unit, ct) is { } page ? View("About", page) : NotFound();

    [HttpGet("/{unit:unit}/" + UnitEnglishPage.Segment)]
    public async Task<IActionResult> English(string unit, CancellationToken ct) =>
        await pages.EnglishAsync(unit, ct) is { } page ? View("English", page) : NotFound();

    [HttpGet(ContactPage.Path)]
    public async Task<IActionResult> Contact(CancellationToken ct) => View("Contact", await pages.ContactAsync(ct));
}
