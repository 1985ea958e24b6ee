using System.Text;
using CchcSite.Content.Audit;
using CchcSite.Content.Indexes;
using CchcSite.Content.Procedures;
using CchcSite.Content.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Web.Tests.Subscriptions;

/// <summary>
/// What a decision does to procedures reaches those who asked for procedure changes of a unit that handles them: one
/// message per decision and save (an import of a decision is one message), with each procedure's change and link; a
/// correction without a decision is not news, and nobody who did not tick the box gets anything.
/// </summary>
public sealed class ProcedureAlertTests(SubscriptionSite site) : IClassFixture<SubscriptionSite>
{
    private static readonly Actor Approver = new("lanh-dao-thu-tuc", "lanhdao@cchc.test", null);

    private static string Row(string code, string name, string fees, string? decision, string? date) =>
        string.Join(",", ProcedureImport.Titles.Select(title => Csv.Quote(title switch
        {
            "Mã thủ tục" => code, "Tên thủ tục" => name, "Lĩnh vực" => "Hộ tịch", "Cấp thực hiện" => "cap-xa",
            "Cơ quan thực hiện" => "UBND phường", "Thời hạn giải quyết" => "Ngay trong ngày", "Phí, lệ phí" => fees,
            "Đối tượng thực hiện" => "Cá nhân", "Kết quả thực hiện" => "Giấy xác nhận",
            "Số quyết định công bố" => decision ?? "", "Ngày quyết định công bố" => date ?? "",
            _ => "",
        })));

    private async Task ImportAsync(params string[] rows)
    {
        var file = Encoding.UTF8.GetBytes(string.Join("\r\n", rows.Prepend(string.Join(",", ProcedureImport.Titles.Select(Csv.Quote)))) + "\r\n");
        var unitId = await site.UnitIdAsync(SubscriptionSite.Unit);
        await using var scope = site.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<ProcedureImport>()
            .ImportAsync(unitId, new MemoryStream(file), "tthc.csv", dryRun: false, Approver, CancellationToken.None);
        Assert.True(outcome.IsOk, outcome.Problem);
    }

    [Fact]
    public async Task A_decision_is_one_message_to_those_who_asked_for_procedure_changes_of_a_unit_handling_it()
    {
        var unit = (await site.UnitIdAsync(SubscriptionSite.Unit)).ToString();
        var parent = (await site.UnitIdAsync(SeedFacts.Units.UbndThiXaNgaNam)).ToString();
        await site.ConfirmedAsync("thu.tuc.ngay@example.vn", more: new Dictionary<string, string> { ["UnitIds"] = unit, ["ProcedureChanges"] = "true" });
        await site.ConfirmedAsync("thu.tuc.hang.ngay@example.vn",
            more: new Dictionary<string, string> { ["UnitIds"] = parent, ["IncludeSubUnits"] = "true", ["ProcedureChanges"] = "true", ["Frequency"] = "Daily" });
        await site.ConfirmedAsync("khong.thu.tuc@example.vn", more: new Dictionary<string, string> { ["UnitIds"] = unit });
        await site.ConfirmedAsync("thu.tuc.don.vi.khac@example.vn",
            more: new Dictionary<string, string> { ["UnitIds"] = (await site.UnitIdAsync(SeedFacts.Units.SoLdtbxhBinhDinh)).ToString(), ["ProcedureChanges"] = "true" });

        await ImportAsync(Row("9.900001", "Xác nhận tình trạng hôn nhân thử nghiệm", "Không", "456/QĐ-UBND", "01/12/2026"),
            Row("9.900002", "Đăng ký lại khai sinh thử nghiệm", "Không", "456/QĐ-UBND", "01/12/2026"));
        await site.SendRoundAsync();

        var mail = Assert.Single(site.ReceivedBy("thu.tuc.ngay@example.vn"), m => m.Subject!.Contains("456/QĐ-UBND"));
        Assert.Contains("2 thủ tục hành chính", mail.Subject);
        Assert.Contains("Xác nhận tình trạng hôn nhân thử nghiệm (9.900001)", mail.TextBody);
        Assert.Contains("Đăng ký lại khai sinh thử nghiệm (9.900002)", mail.TextBody);
        Assert.Contains("Công bố mới theo Quyết định số 456/QĐ-UBND ngày 01/12/2026.", mail.TextBody);
        Assert.Contains("/thu-tuc-hanh-chinh/9.900001", mail.HtmlBody);
        Assert.StartsWith("<http", mail.Headers["List-Unsubscribe"]);
        Assert.DoesNotContain(site.ReceivedBy("khong.thu.tuc@example.vn"), m => m.Subject!.Contains("456/QĐ-UBND"));
        Assert.DoesNotContain(site.ReceivedBy("thu.tuc.don.vi.khac@example.vn"), m => m.Subject!.Contains("456/QĐ-UBND"));

        // A correction without a decision changes the page, not the law: no message.
        await ImportAsync(Row("9.900001", "Xác nhận tình trạng hôn nhân (thử nghiệm)", "Không", "456/QĐ-UBND", "01/12/2026"),
            Row("9.900002", "Đăng ký lại khai sinh thử nghiệm", "Không", "456/QĐ-UBND", "01/12/2026"));
        // A new decision amends one of them: one message naming it and what changed.
        await ImportAsync(Row("9.900001", "Xác nhận tình trạng hôn nhân (thử nghiệm)", "5.000 đồng/bản", "789/QĐ-UBND", "02/12/2026"),
            Row("9.900002", "Đăng ký lại khai sinh thử nghiệm", "Không", "456/QĐ-UBND", "01/12/2026"));
        await site.SendRoundAsync();

        var immediate = site.ReceivedBy("thu.tuc.ngay@example.vn").Where(m => m.Subject!.Contains("thử nghiệm") || m.Subject.Contains("QĐ-UBND")).ToList();
        Assert.Equal(2, immediate.Count);
        var amended = Assert.Single(immediate, m => m.Subject!.EndsWith("] Sửa đổi, bổ sung: Xác nhận tình trạng hôn nhân (thử nghiệm)"));
        Assert.Contains("Sửa đổi, bổ sung theo Quyết định số 789/QĐ-UBND ngày 02/12/2026. Nội dung thay đổi: Phí, lệ phí, Quyết định công bố.", amended.TextBody);

        // The daily digest of the parent's subscriber carries both decisions, once.
        const string Daily = "Tin cải cách hành chính trong ngày";
        Assert.DoesNotContain(site.ReceivedBy("thu.tuc.hang.ngay@example.vn"), m => m.Subject!.Contains(Daily));
        await site.MakeDueAsync();
        await site.SendRoundAsync();
        var digest = Assert.Single(site.ReceivedBy("thu.tuc.hang.ngay@example.vn"), m => m.Subject!.Contains(Daily));
        Assert.Contains($"{Daily}: 2 tin mới", digest.Subject);
        Assert.Contains("Sửa đổi, bổ sung theo Quyết định số 789/QĐ-UBND", digest.TextBody);
        Assert.Contains("Công bố mới theo Quyết định số 456/QĐ-UBND", digest.TextBody);
        Assert.Equal(2, await site.WithDbAsync(db => db.Set<SubscriptionAlert>().CountAsync(a => a.ProcedureRevisionId != null)));
    }

    [Fact]
    public async Task A_procedure_page_offers_to_subscribe_to_its_unit_with_procedure_changes_ticked()
    {
        var code = await site.WithDbAsync(db => db.Procedures.OrderBy(p => p.Id).Select(p => p.Code).FirstAsync());
        var slug = await site.WithDbAsync(db => db.Procedures.Where(p => p.Code == code)
            .Select(p => p.Units.OrderBy(u => u.SortOrder).Select(u => u.Unit.Slug).First()).FirstAsync());
        var page = await site.CreateClient().GetStringAsync(ProcedureAddresses.ProcedureUrl(code));
        Assert.Contains($"href=\"/{slug}/{SubscriptionAddresses.Segment}\"", page);

        var form = await site.CreateClient().GetStringAsync($"/{slug}/{SubscriptionAddresses.Segment}");
        Assert.Matches("name=\"ProcedureChanges\" value=\"true\" checked=\"checked\"", form);
    }
}
