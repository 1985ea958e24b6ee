using System.Net;
using System.Text.Json;
using CchcSite.Content.Accounts;

namespace CchcSite.Web.Tests.Editor;

public sealed class SearchRebuildTests(EditorSite site) : IClassFixture<EditorSite>
{
    [Fact]
    public async Task An_administrator_rebuilds_the_index_and_follows_its_progress_and_search_still_answers()
    {
        var admin = await site.SignedInAsync(EditorSite.AdminEmail);
        var page = await admin.GetStringAsync("/quan-tri/tim-kiem");
        Assert.Contains("Xây dựng lại chỉ mục", page);

        var started = await admin.PostAsync("/quan-tri/tim-kiem/xay-lai", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = EditorSite.AntiforgeryToken(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);

        JsonElement status;
        // Waits for the background rebuild to finish (bounded), then checks what it reports.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        do
        {
            await Task.Delay(100);
            status = JsonDocument.Parse(await admin.GetStringAsync("/quan-tri/tim-kiem/tien-do")).RootElement;
        }
        while (status.GetProperty("running").GetBoolean() && DateTime.UtcNow < deadline);

        Assert.False(status.GetProperty("running").GetBoolean());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("error").ValueKind);
        Assert.True(status.GetProperty("total").GetInt32() > 0);
        Assert.Equal(status.GetProperty("total").GetInt32(), status.GetProperty("indexed").GetInt32());
        Assert.Contains("Đã xây dựng lại xong", await admin.GetStringAsync("/quan-tri/tim-kiem"));
        Assert.Contains("Tìm thấy", await site.CreateClient().GetStringAsync("/tim-kiem?q=duong+day+nong"));
    }

    [Fact]
    public async Task Only_administrators_may_rebuild()
    {
        await site.AddUserAsync("khong-phai-quan-tri@cchc.test", (SeedFacts.Units.SoGddtSocTrang, UnitRole.Approver));
        var approver = await site.SignedInAsync("khong-phai-quan-tri@cchc.test");
        foreach (var url in new[] { "/quan-tri/tim-kiem", "/quan-tri/tim-kiem/tien-do" })
            Assert.StartsWith("/quan-tri/khong-co-quyen", (await approver.GetAsync(url)).Headers.Location!.PathAndQuery);
        var refused = await EditorSite.PostFormAsync(approver, "/quan-tri/tim-kiem/xay-lai", []);
        Assert.StartsWith("/quan-tri/khong-co-quyen", refused.Headers.Location!.PathAndQuery);
    }
}
