using System.Net;
using CchcSite.Content.Accounts;

namespace CchcSite.Web.Tests.Editor;

public sealed class AuditTests(EditorSite site) : IClassFixture<EditorSite>
{
    [Fact]
    public async Task Sign_ins_and_failures_are_logged_and_only_administrators_read_the_log()
    {
        await site.AddUserAsync("nhat-ky@cchc.test", (SeedFacts.Units.SoGddtSocTrang, UnitRole.Approver));
        await EditorSite.LoginAsync(site.NewBrowser(), "nhat-ky@cchc.test", "mat-khau-sai");
        var approver = await site.SignedInAsync("nhat-ky@cchc.test");

        var refused = await approver.GetAsync("/quan-tri/nhat-ky");
        Assert.StartsWith("/quan-tri/khong-co-quyen", refused.Headers.Location!.PathAndQuery);

        var admin = await site.SignedInAsync(EditorSite.AdminEmail);
        var log = await admin.GetStringAsync("/quan-tri/nhat-ky?nguoi=nhat-ky");
        Assert.Contains("Đăng nhập sai", log);
        Assert.Contains("Đăng nhập thành công", log);
        Assert.Contains("nhat-ky@cchc.test", log);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/quan-tri/nhat-ky?thao-tac=account.sign-in&tu-ngay=2020-01-01&den-ngay=2099-12-31")).StatusCode);
    }
}
