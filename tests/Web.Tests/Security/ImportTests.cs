using System.Net;
using CchcSite.Content.Audit;
using CchcSite.Content.Plans;
using CchcSite.Testing.Hostile;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Security;

/// <summary>
/// Issue 13, finding 6: hostile spreadsheets uploaded to the plan import. Each is refused with a Vietnamese line
/// error and a 422, never a 500 or a server busy for seconds, and the plan keeps exactly the rows it had.
/// </summary>
public sealed class ImportTests(EditorSite site) : IClassFixture<EditorSite>
{
    private static readonly string[] ValidRow = ["1", "", "Đăng tin kế hoạch CCHC", "Đăng web", "Văn phòng", "", "Tháng 3", ""];

    public static TheoryData<string, string> Attacks => new()
    {
        { nameof(HostileSpreadsheets.CellFarRight), $"Dòng 2: Dòng có dữ liệu ở ô {HostileSpreadsheets.FarColumn}2, ngoài 50 cột đầu tiên" },
        { nameof(HostileSpreadsheets.SharedStringOutOfRange), "Dòng 2: Cột \"STT\": ô A2 trỏ tới một chuỗi không có trong tệp." },
        { nameof(HostileSpreadsheets.TextInNumberCell), "Dòng 2: Cột \"STT\": ô A2 có giá trị số không đọc được \"abc\"." },
        { nameof(HostileSpreadsheets.ZipBomb), "Tệp XLSX khi giải nén lớn hơn 16 MB" },
        { nameof(HostileSpreadsheets.ManyRows), "Dòng 5002: Tệp có hơn 5.000 dòng dữ liệu" },
        { nameof(HostileSpreadsheets.ManyParts), "nhiều hơn 200 phần" },
    };

    private static byte[] Attack(string name) => name switch
    {
        nameof(HostileSpreadsheets.CellFarRight) => HostileSpreadsheets.CellFarRight(PlanItemFile.Columns, ValidRow),
        nameof(HostileSpreadsheets.SharedStringOutOfRange) => HostileSpreadsheets.SharedStringOutOfRange(PlanItemFile.Columns, ValidRow),
        nameof(HostileSpreadsheets.TextInNumberCell) => HostileSpreadsheets.TextInNumberCell(PlanItemFile.Columns, ValidRow),
        nameof(HostileSpreadsheets.ZipBomb) => HostileSpreadsheets.ZipBomb(PlanItemFile.Columns, ValidRow),
        nameof(HostileSpreadsheets.ManyRows) => HostileSpreadsheets.ManyRows(PlanItemFile.Columns, ValidRow),
        nameof(HostileSpreadsheets.ManyParts) => HostileSpreadsheets.ManyParts(PlanItemFile.Columns, ValidRow),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task A_hostile_xlsx_is_refused_by_line_in_vietnamese_and_nothing_is_stored(string attack, string message)
    {
        var browser = await site.SignedInAsync(EditorSite.AdminEmail);
        var planId = await site.WithDbAsync(db => db.Plans.Where(p => p.Unit.Slug == SeedFacts.Units.SoGddtSocTrang).Select(p => p.Id).SingleAsync());
        var rowsBefore = await site.WithDbAsync(db => db.PlanItems.CountAsync(i => i.PlanId == planId));
        var importsBefore = await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.PlanImported));
        var token = EditorSite.AntiforgeryToken(await browser.GetStringAsync($"/quan-tri/ke-hoach/{planId}"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Attack(attack)), "tep", "nhiem-vu.xlsx" },
        };

        var response = await browser.PostAsync($"/quan-tri/ke-hoach/{planId}/nhap", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("không có nhiệm vụ nào được lưu", html);
        Assert.Contains(message, html);
        Assert.Equal(rowsBefore, await site.WithDbAsync(db => db.PlanItems.CountAsync(i => i.PlanId == planId)));
        Assert.Equal(importsBefore, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.PlanImported)));
    }

    [Fact]
    public async Task The_same_rows_in_an_ordinary_xlsx_are_stored()
    {
        var browser = await site.SignedInAsync(EditorSite.AdminEmail);
        var planId = await site.WithDbAsync(db => db.Plans.Where(p => p.Unit.Slug == SeedFacts.Units.SoGddtSocTrang).Select(p => p.Id).SingleAsync());
        var token = EditorSite.AntiforgeryToken(await browser.GetStringAsync($"/quan-tri/ke-hoach/{planId}"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(HostileSpreadsheets.Valid(PlanItemFile.Columns, ValidRow)), "tep", "nhiem-vu.xlsx" },
        };

        var response = await browser.PostAsync($"/quan-tri/ke-hoach/{planId}/nhap", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await site.WithDbAsync(db => db.PlanItems.AnyAsync(i => i.PlanId == planId && i.Content == "Đăng tin kế hoạch CCHC")));
    }
}
