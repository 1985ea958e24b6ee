using System.Net;
using CchcSite.Content.Search;
using CchcSite.Web.Search;
using CchcSite.Content.Text;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Editor;

/// <summary>
/// The search thesaurus page (issue 27): administrators only, every change audited and applied to the next search. The
/// matrix row of each endpoint: the administrator's cell took its step, every other cell changed nothing.
/// </summary>
public sealed class ThesaurusAdminTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const string Url = ThesaurusAdminController.ListUrl;

    public enum Endpoint { Page, Add, Remove, TurnOff }

    public static TheoryData<Endpoint, Who> Cases() => AuthorizationMatrix.Cases<Endpoint>();

    private sealed record State(int Rows, int AuditEntries, int TurnedOff);

    private Task<State> StateAsync() => site.WithDbAsync(async db => new State(
        await db.SearchSynonyms.CountAsync(),
        await db.AuditEntries.CountAsync(e => e.ItemType == nameof(SearchSynonym)),
        await db.SearchSynonyms.CountAsync(s => s.TurnsOffShipped)));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Only_administrators_keep_the_thesaurus(Endpoint endpoint, Who who)
    {
        var expected = who == Who.Anonymous ? Outcome.Login : who == Who.Administrator ? Outcome.Allowed : Outcome.Forbidden;
        var browser = await AuthorizationMatrix.BrowserForAsync(site, who, $"thesaurus-{endpoint}-{who}".ToLowerInvariant());
        var rowId = await site.WithDbAsync(async db =>
        {
            var row = new SearchSynonym { Forms = $"ZQ{endpoint}{who} | cụm thử {endpoint} {who}", Source = "Kiểm thử quyền", UpdatedAt = DateTime.UtcNow };
            db.SearchSynonyms.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
        var before = await StateAsync();
        var token = EditorSite.AntiforgeryToken(await browser.GetStringAsync("/quan-tri/dang-nhap"));
        FormUrlEncodedContent Form(params (string, string)[] fields) =>
            new(fields.Append(("__RequestVerificationToken", token)).ToDictionary(f => f.Item1, f => f.Item2));

        var response = endpoint switch
        {
            Endpoint.Page => await browser.GetAsync(Url),
            Endpoint.Add => await browser.PostAsync(Url, Form(("Forms", $"XW{who} | từ thêm {who}"), ("Source", "Kiểm thử"))),
            Endpoint.Remove => await browser.PostAsync($"{Url}/{rowId}/xoa", Form()),
            _ => await browser.PostAsync($"{Url}/tat", Form(("forms", "quy định | qui định"))),
        };

        Assert.Equal(expected, AuthorizationMatrix.Classify(response, Url));
        var after = await StateAsync();
        var changed = expected != Outcome.Allowed ? before : endpoint switch
        {
            Endpoint.Add => before with { Rows = before.Rows + 1, AuditEntries = before.AuditEntries + 1 },
            Endpoint.Remove => before with { Rows = before.Rows - 1, AuditEntries = before.AuditEntries + 1 },
            Endpoint.TurnOff => before with { Rows = before.Rows + 1, AuditEntries = before.AuditEntries + 1, TurnedOff = before.TurnedOff + 1 },
            _ => before,
        };
        Assert.Equal(changed, after);
    }

    [Fact]
    public async Task An_added_group_is_used_by_the_next_search_and_a_shipped_one_can_be_turned_off_and_on()
    {
        var admin = await site.SignedInAsync(EditorSite.AdminEmail);
        var citizen = site.CreateClient();
        Assert.Contains("Không tìm thấy kết quả nào", await citizen.GetStringAsync("/tim-kiem?q=DDNCCHC"));

        var page = await admin.GetStringAsync(Url);
        Assert.Contains("TTHC | thủ tục hành chính", page);
        var added = await EditorSite.PostFormAsync(admin, Url, new() { ["Forms"] = "DDNCCHC | đường dây nóng", ["Source"] = "Cách viết tắt thử nghiệm" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Tìm thấy", await citizen.GetStringAsync("/tim-kiem?q=DDNCCHC"));
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == ThesaurusAdministration.Added && e.Summary.Contains("DDNCCHC"))));
        // The summary dates the group as every editor page does: dd/mm/yyyy hh:mm, Vietnam time.
        var updatedAt = await site.WithDbAsync(db => db.SearchSynonyms.Where(s => s.Forms.Contains("DDNCCHC")).Select(s => s.UpdatedAt).SingleAsync());
        Assert.Contains($"<td>{VietnameseDate.FormatDateTime(updatedAt)}<br>", await admin.GetStringAsync(Url));

        var found = await CountAsync(citizen, "DVCTT");
        Assert.True(found > 0);
        var off = await EditorSite.PostFormAsync(admin, $"{Url}/tat", new() { ["forms"] = "DVCTT | DVC trực tuyến | dịch vụ công trực tuyến" });
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Equal(0, await CountAsync(citizen, "DVCTT"));
        var id = await site.WithDbAsync(db => db.SearchSynonyms.Where(s => s.TurnsOffShipped && s.Forms.StartsWith("DVCTT")).Select(s => s.Id).SingleAsync());
        await EditorSite.PostFormAsync(admin, $"{Url}/{id}/xoa", []);
        Assert.Equal(found, await CountAsync(citizen, "DVCTT"));
    }

    [Theory]
    [InlineData("chỉ một cách viết", "Nguồn", "Cần ít nhất hai cách viết")]
    [InlineData("BHYT2 | bảo hiểm y tế hai", "", "Vui lòng ghi nguồn")]
    [InlineData("TTHC | thủ tục hành chính", "Trùng", "đã có trong danh sách")]
    public async Task A_bad_group_is_refused_with_a_Vietnamese_message_and_nothing_saved(string forms, string source, string message)
    {
        var admin = await site.SignedInAsync(EditorSite.AdminEmail);
        var before = await StateAsync();

        var response = await EditorSite.PostFormAsync(admin, Url, new() { ["Forms"] = forms, ["Source"] = source });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await StateAsync());
    }

    private static async Task<int> CountAsync(HttpClient citizen, string q)
    {
        var html = await citizen.GetStringAsync($"/tim-kiem?q={Uri.EscapeDataString(q)}");
        var match = System.Text.RegularExpressions.Regex.Match(html, @"Tìm thấy (\d+) kết quả");
        return match.Success ? int.Parse(match.Groups[1].Value) : 0;
    }
}
