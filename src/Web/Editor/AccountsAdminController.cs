using System.ComponentModel.DataAnnotations;
using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Editor;

public sealed record AccountsPage(IReadOnlyList<AccountRow> Accounts, IReadOnlyList<UnitRef> Units, AccountsAdminController.NewAccountForm Form);

/// <summary>Administrators create accounts, grant and revoke unit roles, and lock or unlock accounts.</summary>
[Authorize(Policy = EditorPolicies.Administrator)]
public sealed class AccountsAdminController(AccountAdministration accounts, UserManager<EditorUser> users, UnitDirectory units,
    CurrentEditor editor, AuditLog audit) : EditorController
{
    private const string ListUrl = "/quan-tri/nguoi-dung";

    public sealed class NewAccountForm
    {
        [Required(ErrorMessage = "Vui lòng nhập địa chỉ thư điện tử.")]
        [EmailAddress(ErrorMessage = "Địa chỉ thư điện tử không hợp lệ.")]
        [Display(Name = "Thư điện tử")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập họ và tên.")]
        [StringLength(200, ErrorMessage = "Họ và tên không quá 200 ký tự.")]
        [Display(Name = "Họ và tên")]
        public string FullName { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập mật khẩu ban đầu.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mật khẩu ban đầu (người dùng đổi sau khi đăng nhập)")]
        public string Password { get; set; } = "";

        [Display(Name = "Đơn vị")]
        public int? UnitId { get; set; }

        [Display(Name = "Vai trò")]
        public UnitRole Role { get; set; }
    }

    [HttpGet("/quan-tri/nguoi-dung")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await PageAsync(new NewAccountForm(), ct));

    [HttpPost("/quan-tri/nguoi-dung")]
    public async Task<IActionResult> Create(NewAccountForm form, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var user = new EditorUser { UserName = form.Email.Trim(), Email = form.Email.Trim(), FullName = form.FullName.Trim(), EmailConfirmed = true };
            var result = await users.CreateAsync(user, form.Password);
            if (result.Succeeded)
            {
                await audit.RecordNowAsync(editor.Actor, AuditActions.AccountCreated, $"Tạo tài khoản {user.Email}", ct);
                if (form.UnitId is { } unitId)
                    await accounts.GrantAsync(user.Id, unitId, form.Role, editor.Actor, ct);
                TempData["Message"] = $"Đã tạo tài khoản {user.Email}.";
                return Redirect(ListUrl);
            }
            foreach (var error in result.Errors)
                ModelState.AddModelError("", error.Description);
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Index", await PageAsync(form, ct));
    }

    [HttpPost("/quan-tri/nguoi-dung/{id}/vai-tro")]
    public async Task<IActionResult> Grant(string id, int unitId, UnitRole role, CancellationToken ct)
    {
        return MessageOutcome(await accounts.GrantAsync(id, unitId, role, editor.Actor, ct), ListUrl, _ => "Đã giao vai trò.");
    }

    [HttpPost("/quan-tri/nguoi-dung/vai-tro/{membershipId:int}/thu-hoi")]
    public async Task<IActionResult> Revoke(int membershipId, CancellationToken ct)
    {
        return MessageOutcome(await accounts.RevokeAsync(membershipId, editor.Actor, ct), ListUrl, _ => "Đã thu hồi vai trò.");
    }

    [HttpPost("/quan-tri/nguoi-dung/{id}/kich-hoat")]
    public async Task<IActionResult> SetActive(string id, bool active, CancellationToken ct)
    {
        return MessageOutcome(await accounts.SetActiveAsync(id, active, editor.Actor, ct), ListUrl,
            _ => active ? "Đã mở khóa tài khoản." : "Đã khóa tài khoản.");
    }

    private async Task<AccountsPage> PageAsync(NewAccountForm form, CancellationToken ct) => new(
        await accounts.ListAsync(ct),
        (await units.RootsAsync(ct)).SelectMany(r => r.SelfAndDescendants()).Select(n => n.Unit).ToList(),
        form);

}
