using System.ComponentModel.DataAnnotations;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Editor;

public sealed record UnitsAdminPage(IReadOnlyList<UnitAdminRow> Units);

public sealed record UnitEditPage(int? Id, string? Slug, UnitsAdminController.UnitForm Form, IReadOnlyList<UnitAdminRow> Parents);

public sealed record UnitMergePage(UnitAdminRow Unit, IReadOnlyList<UnitAdminRow> Targets, int? IntoId, string? Error);

/// <summary>
/// Administrators keep the unit tree in step with the real organisation: create, edit (rename, move), deactivate and
/// merge units, and allow a one-officer ward to publish its own posts.
/// </summary>
[Authorize(Policy = EditorPolicies.Administrator)]
public sealed class UnitsAdminController(UnitAdministration units, CurrentEditor editor) : EditorController
{
    private const string ListUrl = "/quan-tri/don-vi";

    public sealed class UnitForm
    {
        [Required(ErrorMessage = "Vui lòng nhập tên đơn vị.")]
        [StringLength(200, ErrorMessage = "Tên đơn vị không quá 200 ký tự.")]
        [Display(Name = "Tên đầy đủ")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập tên ngắn.")]
        [StringLength(100, ErrorMessage = "Tên ngắn không quá 100 ký tự.")]
        [Display(Name = "Tên ngắn (dùng trong danh sách, đường dẫn)")]
        public string ShortName { get; set; } = "";

        [StringLength(80, ErrorMessage = "Địa chỉ không quá 80 ký tự.")]
        [Display(Name = "Địa chỉ chuyên trang (để trống để tạo từ tên ngắn; không đổi được sau khi tạo)")]
        public string? Slug { get; set; }

        [Display(Name = "Loại đơn vị")]
        public UnitKind Kind { get; set; } = UnitKind.Department;

        [Display(Name = "Đơn vị cấp trên")]
        public int? ParentId { get; set; }

        [StringLength(1000, ErrorMessage = "Giới thiệu không quá 1.000 ký tự.")]
        [Display(Name = "Giới thiệu ngắn")]
        public string? Description { get; set; }

        [StringLength(300, ErrorMessage = "Địa chỉ liên hệ không quá 300 ký tự.")]
        [Display(Name = "Địa chỉ liên hệ")]
        public string? Address { get; set; }

        [StringLength(40, ErrorMessage = "Số điện thoại không quá 40 ký tự.")]
        [Display(Name = "Điện thoại")]
        public string? Phone { get; set; }

        [StringLength(40, ErrorMessage = "Số đường dây nóng không quá 40 ký tự.")]
        [Display(Name = "Đường dây nóng")]
        public string? Hotline { get; set; }

        [StringLength(120, ErrorMessage = "Thư điện tử không quá 120 ký tự.")]
        [EmailAddress(ErrorMessage = "Địa chỉ thư điện tử không hợp lệ.")]
        [Display(Name = "Thư điện tử")]
        public string? Email { get; set; }

        [Range(0, 10000, ErrorMessage = "Thứ tự hiển thị từ 0 đến 10.000.")]
        [Display(Name = "Thứ tự hiển thị")]
        public int SortOrder { get; set; }

        [Display(Name = "Cho phép lãnh đạo tự duyệt bài của chính mình (đơn vị chỉ có một cán bộ)")]
        public bool AllowSelfPublishing { get; set; }

        /// <summary>On unless the form says otherwise: a unit keeps listing its sub-units' posts as it always did.</summary>
        [Display(Name = "Tự động nhận bài của đơn vị trực thuộc")]
        public bool AcceptsSubUnitPostsAutomatically { get; set; } = true;

        public UnitDraft ToDraft() => new(Name, ShortName, Kind, ParentId, Description,
            new UnitContact { Address = Address, Phone = Phone, Hotline = Hotline, Email = Email }, SortOrder, AllowSelfPublishing, Slug, AcceptsSubUnitPostsAutomatically);

        public static UnitForm From(Unit unit) => new()
        {
            Name = unit.Name, ShortName = unit.ShortName, Slug = unit.Slug, Kind = unit.Kind, ParentId = unit.ParentId,
            Description = unit.Description, Address = unit.Contact.Address, Phone = unit.Contact.Phone, Hotline = unit.Contact.Hotline,
            Email = unit.Contact.Email, SortOrder = unit.SortOrder, AllowSelfPublishing = unit.AllowSelfPublishing,
            AcceptsSubUnitPostsAutomatically = unit.AcceptsSubUnitPostsAutomatically,
        };
    }

    [HttpGet(ListUrl)]
    public async Task<IActionResult> Index(CancellationToken ct) => View(new UnitsAdminPage(await units.ListAsync(ct)));

    [HttpGet(ListUrl + "/moi")]
    public async Task<IActionResult> New(int? capTren, CancellationToken ct) =>
        View("Edit", await EditPageAsync(null, null, new UnitForm { ParentId = capTren }, ct));

    [HttpPost(ListUrl + "/moi")]
    public async Task<IActionResult> Create(UnitForm form, CancellationToken ct)
    {
        async Task<IActionResult> Form() => View("Edit", await EditPageAsync(null, null, form, ct));
        if (Unreadable())
            return await Form();
        return await FormOutcomeAsync(await units.CreateAsync(form.ToDraft(), editor.Actor, ct),
            _ => Saved($"Đã tạo đơn vị {form.Name.Trim()}."), Form);
    }

    [HttpGet(ListUrl + "/{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct) =>
        await units.FindAsync(id, ct) is { MergedIntoId: null } unit
            ? View(await EditPageAsync(id, unit.Slug, UnitForm.From(unit), ct))
            : NotFound();

    [HttpPost(ListUrl + "/{id:int}")]
    public async Task<IActionResult> Update(int id, UnitForm form, CancellationToken ct)
    {
        if (await units.FindAsync(id, ct) is not { MergedIntoId: null } unit)
            return NotFound();
        async Task<IActionResult> Form() => View("Edit", await EditPageAsync(id, unit.Slug, form, ct));
        if (Unreadable())
            return await Form();
        return await FormOutcomeAsync(await units.UpdateAsync(id, form.ToDraft(), editor.Actor, ct),
            _ => Saved($"Đã lưu đơn vị {form.Name.Trim()}."), Form);
    }

    [HttpPost(ListUrl + "/{id:int}/kich-hoat")]
    public async Task<IActionResult> SetActive(int id, bool active, CancellationToken ct) =>
        MessageOutcome(await units.SetActiveAsync(id, active, editor.Actor, ct), ListUrl,
            _ => active ? "Đã mở lại đơn vị." : "Đã ngừng hoạt động đơn vị; nội dung vẫn được giữ.");

    [HttpGet(ListUrl + "/{id:int}/sap-nhap")]
    public async Task<IActionResult> Merge(int id, CancellationToken ct) =>
        await MergePageAsync(id, null, null, ct) is { } page ? View(page) : NotFound();

    [HttpPost(ListUrl + "/{id:int}/sap-nhap")]
    public async Task<IActionResult> MergeInto(int id, int? intoId, CancellationToken ct)
    {
        var change = intoId is { } into
            ? await units.MergeAsync(id, into, editor.Actor, ct)
            : new Outcome<MergeSummary>.Invalid(UnitAdministration.MergeTargetField, "Vui lòng chọn đơn vị nhận sáp nhập.");
        return await FormOutcomeAsync(change, moved => Saved(
                $"Đã sáp nhập: chuyển {moved.Posts} bài viết ({moved.RenamedPosts} bài đổi địa chỉ vì trùng), "
                + $"{moved.Media} ảnh và tệp, {moved.Submissions} câu hỏi và phản ánh, {moved.Plans} kế hoạch, {moved.SubUnits} đơn vị trực thuộc. Địa chỉ cũ tự chuyển đến đơn vị mới."
                + (moved.AccountsLeftBehind.Count > 0
                    ? $" Tài khoản chưa có vai trò ở đơn vị mới, hãy giao lại nếu cần: {string.Join(", ", moved.AccountsLeftBehind)}."
                    : "")),
            // The merger page shows its one message above the choice, whatever kind of refusal it is.
            async () => await MergePageAsync(id, intoId, change.Problem, ct) is { } page ? View("Merge", page) : NotFound());
    }

    private RedirectResult Saved(string message) => Saved(ListUrl, message);

    private async Task<UnitEditPage> EditPageAsync(int? id, string? slug, UnitForm form, CancellationToken ct) =>
        new(id, slug, form, (await units.ListAsync(ct)).Where(u => u.IsActive && u.Id != id).ToList());

    private async Task<UnitMergePage?> MergePageAsync(int id, int? intoId, string? error, CancellationToken ct)
    {
        var all = await units.ListAsync(ct);
        return all.FirstOrDefault(u => u.Id == id && u.IsActive) is { } unit
            ? new UnitMergePage(unit, all.Where(u => u.IsActive && u.Id != id).ToList(), intoId, error)
            : null;
    }
}
