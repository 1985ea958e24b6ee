using System.Net;
using CchcSite.Content.Accounts;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Media;

/// <summary>
/// Every media library endpoint × every kind of user, against the library of "phong-gddt-nga-nam". Seeing a library,
/// uploading to it and opening its files are one right, Upload: editors and approvers of the unit, and administrators.
/// </summary>
public sealed class MediaAuthorizationMatrixTests(MediaSite site) : IClassFixture<MediaSite>
{
    private const string Unit = "phong-gddt-nga-nam";
    private const string OtherUnit = "so-ldtbxh-binh-dinh";

    public enum Who { Anonymous, Administrator, Editor, Approver, HotlineOfficer, OtherEditor, OtherApprover }

    public enum Endpoint { Library, Upload, File, Variant }

    public enum Outcome { Allowed, Forbidden, Login }

    private static readonly Who[] MayUpload = [Who.Administrator, Who.Editor, Who.Approver];

    public static TheoryData<Endpoint, Who> Cases()
    {
        var data = new TheoryData<Endpoint, Who>();
        foreach (var endpoint in Enum.GetValues<Endpoint>())
            foreach (var who in Enum.GetValues<Who>())
                data.Add(endpoint, who);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_user_gets_exactly_the_allowed_outcome(Endpoint endpoint, Who who)
    {
        var expected = who == Who.Anonymous ? Outcome.Login : MayUpload.Contains(who) ? Outcome.Allowed : Outcome.Forbidden;
        var browser = await BrowserForAsync(who, $"media-{endpoint}-{who}".ToLowerInvariant());
        var image = await ImageOfUnitAsync();
        var response = endpoint switch
        {
            Endpoint.Library => await browser.GetAsync($"/quan-tri/thu-vien?don-vi={Unit}"),
            Endpoint.Upload => await browser.PostAsync($"/quan-tri/thu-vien?don-vi={Unit}", MediaSite.UploadForm(
                EditorSite.AntiforgeryToken(await browser.GetStringAsync("/quan-tri/dang-nhap")), "thu-quyen.jpg", MediaSite.Jpeg(200, 120), "Ảnh thử quyền")),
            Endpoint.File => await browser.GetAsync($"/quan-tri/thu-vien/{image.Id}/{image.FileName}"),
            _ => await browser.GetAsync($"/quan-tri/thu-vien/{image.Id}/nho/{Path.ChangeExtension(image.FileName, ".webp")}"),
        };
        Assert.Equal(expected, Classify(response));
    }

    private static Outcome Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.OK => Outcome.Allowed,
            HttpStatusCode.Redirect when location.StartsWith("/quan-tri/thu-vien?don-vi=") => Outcome.Allowed,
            HttpStatusCode.Redirect when location.Contains("/quan-tri/khong-co-quyen") => Outcome.Forbidden,
            HttpStatusCode.Redirect when location.Contains("/quan-tri/dang-nhap") => Outcome.Login,
            _ => throw new Xunit.Sdk.XunitException($"Unexpected answer {(int)response.StatusCode} {location}"),
        };
    }

    private async Task<HttpClient> BrowserForAsync(Who who, string name)
    {
        var email = $"{name}@cchc.test";
        switch (who)
        {
            case Who.Anonymous: return site.NewBrowser();
            case Who.Administrator: return await site.SignedInAsync(EditorSite.AdminEmail);
            case Who.Editor: await site.AddUserAsync(email, (Unit, UnitRole.Editor)); break;
            case Who.Approver: await site.AddUserAsync(email, (Unit, UnitRole.Approver)); break;
            case Who.HotlineOfficer: await site.AddUserAsync(email, (Unit, UnitRole.HotlineOfficer)); break;
            case Who.OtherEditor: await site.AddUserAsync(email, (OtherUnit, UnitRole.Editor)); break;
            case Who.OtherApprover: await site.AddUserAsync(email, (OtherUnit, UnitRole.Approver)); break;
        }
        return await site.SignedInAsync(email);
    }

    /// <summary>A seeded image of the unit's own library (covers are re-encoded, so every one has variants).</summary>
    private Task<(int Id, string FileName)> ImageOfUnitAsync() => site.WithDbAsync(async db =>
    {
        var unitId = await db.Units.Where(u => u.Slug == Unit).Select(u => u.Id).SingleAsync();
        var image = await db.MediaAssets.Where(a => a.UnitId == unitId && a.Variants.Any()).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.FileName }).FirstOrDefaultAsync();
        if (image is not null)
            return (image.Id, image.FileName);
        throw new InvalidOperationException($"The seed has no image of {Unit}.");
    });
}
