using System.Net;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Media;

/// <summary>
/// Every media library endpoint × every kind of user, against the library of "phong-gddt-nga-nam". Seeing a library,
/// uploading to it and opening its files are one right, Upload: editors and approvers of the unit, and administrators.
/// </summary>
public sealed class MediaAuthorizationMatrixTests(MediaSite site) : IClassFixture<MediaSite>
{
    private const string Unit = AuthorizationMatrix.Unit;

    public enum Endpoint { Library, Upload, File, Variant }

    private static readonly Who[] MayUpload = [Who.Administrator, Who.Editor, Who.Approver];

    public static TheoryData<Endpoint, Who> Cases() => AuthorizationMatrix.Cases<Endpoint>();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_user_gets_exactly_the_allowed_outcome(Endpoint endpoint, Who who)
    {
        var expected = who == Who.Anonymous ? Outcome.Login : MayUpload.Contains(who) ? Outcome.Allowed : Outcome.Forbidden;
        var browser = await AuthorizationMatrix.BrowserForAsync(site, who, $"media-{endpoint}-{who}".ToLowerInvariant());
        var image = await ImageOfUnitAsync();
        var response = endpoint switch
        {
            Endpoint.Library => await browser.GetAsync($"/quan-tri/thu-vien?don-vi={Unit}"),
            Endpoint.Upload => await browser.PostAsync($"/quan-tri/thu-vien?don-vi={Unit}", MediaSite.UploadForm(
                EditorSite.AntiforgeryToken(await browser.GetStringAsync("/quan-tri/dang-nhap")), "thu-quyen.jpg", MediaSite.Jpeg(200, 120), "Ảnh thử quyền")),
            Endpoint.File => await browser.GetAsync($"/quan-tri/thu-vien/{image.Id}/{image.FileName}"),
            _ => await browser.GetAsync($"/quan-tri/thu-vien/{image.Id}/nho/{Path.ChangeExtension(image.FileName, ".webp")}"),
        };
        Assert.Equal(expected, AuthorizationMatrix.Classify(response, "/quan-tri/thu-vien?don-vi="));
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
