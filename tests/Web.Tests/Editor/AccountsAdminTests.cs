using System.Net;
using System.Text.RegularExpressions;
using CchcSite.Content.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Editor;

public sealed class AccountsAdminTests(EditorSite site) : IClassFixture<EditorSite>
{
    [Fact]
    public async Task An_administrator_creates_an_account_with_a_unit_role_revokes_it_and_locks_the_account_and_all_is_audited()
    {
        var admin = await site.SignedInAsync(EditorSite.AdminEmail);
        var unitId = await site.WithDbAsync(db => db.Units.Where(u => u.Slug == SeedFacts.Units.UbndPhuongThacMo).Select(u => u.Id).SingleAsync());

        var created = await EditorSite.PostFormAsync(admin, "/quan-tri/nguoi-dung", new()
        {
            ["Email"] = "can-bo-moi@thacmo.test", ["FullName"] = "Nguyễn Văn Mới", ["Password"] = EditorSite.Password,
            ["UnitId"] = unitId.ToString(), ["Role"] = nameof(UnitRole.Editor),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var newcomer = await site.SignedInAsync("can-bo-moi@thacmo.test");
        Assert.Contains("Biên tập viên", await newcomer.GetStringAsync("/quan-tri"));

        var membershipId = await site.WithDbAsync(db => db.UnitMemberships.Where(m => m.UnitId == unitId && m.Role == UnitRole.Editor)
            .Join(db.Users.Where(u => u.Email == "can-bo-moi@thacmo.test"), m => m.UserId, u => u.Id, (m, _) => m.Id).SingleAsync());
        await EditorSite.PostFormAsync(admin, $"/quan-tri/nguoi-dung/vai-tro/{membershipId}/thu-hoi", new());
        // Taking a role away ends the open session; signed in again, the person holds no role.
        Assert.Equal(HttpStatusCode.Redirect, (await newcomer.GetAsync("/quan-tri")).StatusCode);
        newcomer = await site.SignedInAsync("can-bo-moi@thacmo.test");
        Assert.Contains("chưa được phân công", await newcomer.GetStringAsync("/quan-tri"));

        var userId = await site.WithDbAsync(db => db.Users.Where(u => u.Email == "can-bo-moi@thacmo.test").Select(u => u.Id).SingleAsync());
        await EditorSite.PostFormAsync(admin, $"/quan-tri/nguoi-dung/{userId}/kich-hoat", new() { ["active"] = "false" });
        Assert.NotEqual(HttpStatusCode.OK, (await newcomer.GetAsync("/quan-tri")).StatusCode);

        var log = await admin.GetStringAsync("/quan-tri/nhat-ky?thao-tac=account.permission");
        Assert.Contains("Giao can-bo-moi@thacmo.test vai trò Biên tập viên", log);
        Assert.Contains("Thu hồi vai trò Biên tập viên của can-bo-moi@thacmo.test", log);
        Assert.Contains("Khóa tài khoản can-bo-moi@thacmo.test", log);
    }

    [Fact]
    public async Task A_weak_password_or_a_taken_email_gets_a_vietnamese_message()
    {
        var admin = await site.SignedInAsync(EditorSite.AdminEmail);
        var weak = await EditorSite.PostFormAsync(admin, "/quan-tri/nguoi-dung", new() { ["Email"] = "yeu@cchc.test", ["FullName"] = "Yếu", ["Password"] = "abc" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.StatusCode);
        Assert.Contains("ít nhất 10 ký tự", await weak.Content.ReadAsStringAsync());
        var taken = await EditorSite.PostFormAsync(admin, "/quan-tri/nguoi-dung", new() { ["Email"] = EditorSite.AdminEmail, ["FullName"] = "Trùng", ["Password"] = EditorSite.Password });
        Assert.Contains("đã được dùng", await taken.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_administrators_manage_accounts()
    {
        await site.AddUserAsync("duyet-khong-quan-tri@cchc.test", (SeedFacts.Units.SoGddtSocTrang, UnitRole.Approver));
        var approver = await site.SignedInAsync("duyet-khong-quan-tri@cchc.test");
        Assert.StartsWith("/quan-tri/khong-co-quyen", (await approver.GetAsync("/quan-tri/nguoi-dung")).Headers.Location!.PathAndQuery);
        var userId = await site.WithDbAsync(db => db.Users.Where(u => u.Email == "duyet-khong-quan-tri@cchc.test").Select(u => u.Id).SingleAsync());
        var selfGrant = await EditorSite.PostFormAsync(approver, $"/quan-tri/nguoi-dung/{userId}/vai-tro", new() { ["unitId"] = "1", ["role"] = "Approver" });
        Assert.StartsWith("/quan-tri/khong-co-quyen", selfGrant.Headers.Location!.PathAndQuery);
        Assert.Equal(1, await site.WithDbAsync(db => db.UnitMemberships.CountAsync(m => m.UserId == userId)));
    }
}
