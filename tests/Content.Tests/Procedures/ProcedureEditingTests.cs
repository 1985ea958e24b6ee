using CchcSite.Content.Audit;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Procedures;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Tests.Procedures;

/// <summary>The editor's form: the same checks as the import, a unique code, a revision and an audit entry per save, no silent overwrite.</summary>
public class ProcedureEditingTests
{
    private static readonly Actor Approver = new("approver", "lanhdao@cchc.test", null);

    private static ProcedureInput Input(string code = "1.000001") => new()
    {
        Code = code, Name = "Đăng ký khai sinh", Field = "ho-tich", Level = "Cấp xã", ImplementingBody = "UBND phường",
        ProcessingTime = "Ngay trong ngày", Fees = "8.000 đồng/bản", Subjects = "Cá nhân", Result = "Trích lục khai sinh",
        Steps = "Bước 1: Nộp hồ sơ.\r\nBước 2: Nhận kết quả.", Dossier = "Tờ khai | 1 | 0 | Mẫu số 01",
    };

    private static async Task<Outcome<string>> SaveAsync(TestDatabase database, Unit unit, ProcedureInput input, string? code = null, Guid? version = null)
    {
        await using var db = database.NewContext();
        return await database.Get<ProcedureEditing>(db).SaveAsync(code, unit.Id, input, version, Approver, CancellationToken.None);
    }

    private static async Task<ProcedureEditView> ViewAsync(TestDatabase database, string code)
    {
        await using var db = database.NewContext();
        return (await database.Get<ProcedureEditing>(db).FindAsync(code, CancellationToken.None))!;
    }

    [Fact]
    public async Task A_new_procedure_is_stored_with_its_first_revision_and_an_audit_entry()
    {
        var (database, unit, _) = await ProcedureImportTests.SiteAsync();
        await using var _d = database;

        Assert.Equal("1.000001", Assert.IsType<Outcome<string>.Ok>(await SaveAsync(database, unit, Input())).Value);

        var view = await ViewAsync(database, "1.000001");
        Assert.Equal(unit.Id, view.OwnerUnitId);
        Assert.Equal("Bước 1: Nộp hồ sơ.\nBước 2: Nhận kết quả.", view.Input.Steps);
        Assert.Equal("Hộ tịch", view.Input.Field);
        Assert.Equal(8000m.ToString("0"), view.Input.FeeAmount);
        var revision = Assert.Single(view.Revisions);
        Assert.Equal((1, ProcedureEditing.EditSource), (revision.Number, revision.Source));
        await using var db = database.NewContext();
        Assert.Equal(1, await db.Set<AuditEntry>().CountAsync(e => e.Action == AuditActions.ProcedureSaved && e.ItemId == "1.000001"));
    }

    [Fact]
    public async Task The_form_gets_vietnamese_messages_by_field_and_a_taken_code_is_refused()
    {
        var (database, unit, _) = await ProcedureImportTests.SiteAsync();
        await using var _d = database;
        Assert.True((await SaveAsync(database, unit, Input())).IsOk);

        var bad = Input("1.000001");
        bad.Name = " ";
        bad.FeeAmount = "nhiều mức";
        bad.Dossier = "Tờ khai | một | 0";
        bad.PortalUrl = "dichvucong";
        bad.Status = "Tạm dừng";
        var invalid = Assert.IsType<Outcome<string>.Invalid>(await SaveAsync(database, unit, bad));
        Assert.Equal(new[] { "Dossier", "FeeAmount", "Name", "PortalUrl", "Status" }, invalid.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Vui lòng nhập tên thủ tục.", Assert.Single(invalid.Errors["Name"]));

        var taken = Assert.IsType<Outcome<string>.Invalid>(await SaveAsync(database, unit, Input("1.000001")));
        Assert.Contains("đã có trên trang", Assert.Single(taken.Errors["Code"]));
        var malformed = Assert.IsType<Outcome<string>.Invalid>(await SaveAsync(database, unit, Input("1001193")));
        Assert.Contains("1.001193 hoặc 2.000123", Assert.Single(malformed.Errors["Code"]));
    }

    [Fact]
    public async Task Each_save_is_a_revision_naming_the_changed_fields_and_saving_over_a_newer_version_is_a_conflict()
    {
        var (database, unit, other) = await ProcedureImportTests.SiteAsync();
        await using var _d = database;
        Assert.True((await SaveAsync(database, unit, Input())).IsOk);
        var opened = await ViewAsync(database, "1.000001");

        var edited = opened.Input;
        edited.ProcessingTime = "03 ngày làm việc";
        edited.Units = other.Slug;
        edited.Code = "9.999999"; // the code of an existing procedure is its address and stays
        Assert.Equal("1.000001", Assert.IsType<Outcome<string>.Ok>(await SaveAsync(database, unit, edited, "1.000001", opened.Version)).Value);

        var view = await ViewAsync(database, "1.000001");
        Assert.Equal(["Thời hạn giải quyết", "Đơn vị giải quyết"], view.Revisions[0].ChangedFields);
        Assert.Equal(2, view.Revisions.Count);
        Assert.Equal(other.Slug, view.Input.Units);

        // Saving again from the version opened before: someone else's change comes first.
        Assert.IsType<Outcome<string>.Conflict>(await SaveAsync(database, unit, Input(), "1.000001", opened.Version));
        // Saving without a change writes no revision.
        Assert.True((await SaveAsync(database, unit, view.Input, "1.000001", view.Version)).IsOk);
        Assert.Equal(2, (await ViewAsync(database, "1.000001")).Revisions.Count);
    }
}
