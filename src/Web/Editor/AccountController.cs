using System.ComponentModel.DataAnnotations;
using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CchcSite.Web.Editor;

/// <summary>Signing in and out and one's own password; only the sign-in page and the refusal page are open to anyone.</summary>
public sealed class AccountController(SignInManager<EditorUser> signIn, UserManager<EditorUser> users, AuditLog audit) : EditorController
{
    public sealed class LoginForm
    {
        [Required(ErrorMessage = "Vui lòng nhập địa chỉ thư điện tử.")]
        [EmailAddress(ErrorMessage = "Địa chỉ thư điện tử không hợp lệ.")]
        [Display(Name = "Thư điện tử")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập mật khẩu.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mật khẩu")]
        public string Password { get; set; } = "";

        [Display(Name = "Ghi nhớ đăng nhập trên máy này")]
        public bool RememberMe { get; set; }

        public string? ReturnUrl { get; set; }
    }

    public sealed class ChangePasswordForm
    {
        [Required(ErrorMessage = "Vui lòng nhập mật khẩu hiện tại.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mật khẩu hiện tại")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập mật khẩu mới.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mật khẩu mới (ít nhất 10 ký tự, có chữ hoa, chữ thường và chữ số; không dùng mật khẩu phổ biến)")]
        public string NewPassword { get; set; } = "";

        [Compare(nameof(NewPassword), ErrorMessage = "Hai lần nhập mật khẩu mới không khớp.")]
        [DataType(DataType.Password)]
        [Display(Name = "Nhập lại mật khẩu mới")]
        public string ConfirmPassword { get; set; } = "";
    }

    [HttpGet("/quan-tri/dang-nhap")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("/quan-tri/dang-nhap")]
    [AllowAnonymous]
    [EnableRateLimiting(EditorArea.LoginRateLimit)]
    public async Task<IActionResult> Login(LoginForm form, [FromServices] EditorSignIn editorSignIn)
    {
        if (!ModelState.IsValid)
            return View(form);
        if (await editorSignIn.TryAsync(form.Email, form.Password, form.RememberMe, CurrentEditor.AddressOf(HttpContext), HttpContext.RequestAborted))
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/quan-tri");
        ModelState.AddModelError("", EditorSignIn.Refused);
        return View(form);
    }

    [HttpPost("/quan-tri/dang-xuat")]
    public async Task<IActionResult> Logout([FromServices] CurrentEditor editor)
    {
        await audit.RecordNowAsync(editor.Actor, AuditActions.SignedOut, "Đăng xuất", HttpContext.RequestAborted);
        // Deleting the cookie in this browser is not enough: a copy of it (stolen, or on a shared computer) must die too.
        if (await users.GetUserAsync(User) is { } user)
            await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return LocalRedirect("/quan-tri/dang-nhap");
    }

    [HttpGet("/quan-tri/doi-mat-khau")]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [HttpPost("/quan-tri/doi-mat-khau")]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form)
    {
        if (!ModelState.IsValid)
            return View(form);
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError("", error.Description);
            return View(form);
        }
        await signIn.RefreshSignInAsync(user);
        await audit.RecordNowAsync(new Actor(user.Id, user.Email, CurrentEditor.AddressOf(HttpContext)), AuditActions.PasswordChanged, "Đổi mật khẩu", HttpContext.RequestAborted);
        TempData["Message"] = "Đã đổi mật khẩu.";
        return LocalRedirect("/quan-tri");
    }

    [HttpGet("/quan-tri/khong-co-quyen")]
    [AllowAnonymous]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }
}
