using CchcSite.Content.Accounts;
using CchcSite.Content.Data;
using Microsoft.AspNetCore.Identity;

namespace CchcSite.Web.Editor;

public static class AccountsSetup
{
    public const string AdminEmailKey = "CCHC_ADMIN_EMAIL";
    public const string AdminPasswordKey = "CCHC_ADMIN_PASSWORD";

    public static IServiceCollection AddEditorAccounts(this IServiceCollection services)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<EditorUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                // Identity's lock-out is not used (EditorSignIn never asks for it): it let a stranger lock any account
                // at will. Its columns carry the per-account delay instead, see SignInAttempts.
            })
            .AddEntityFrameworkStores<CchcDbContext>()
            .AddSignInManager()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<VietnameseIdentityErrors>();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/quan-tri/dang-nhap";
            cookie.LogoutPath = "/quan-tri/dang-xuat";
            cookie.AccessDeniedPath = "/quan-tri/khong-co-quyen";
            cookie.Cookie.Name = "cchc.editor";
            cookie.Cookie.HttpOnly = true;
            // Secure whenever the request is HTTPS (always, behind the production proxy); plain HTTP only on localhost.
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            // Only the editor area needs the session: public pages never receive it, never pay for the check below
            // and never answer with a renewed cookie that a shared cache could keep.
            cookie.Cookie.Path = "/quan-tri";
        });
        // The security stamp is checked on every request (Identity's default waits 30 minutes), so a sign-out, a
        // password change, a deactivation or a revoked role ends every copy of the cookie at once. The price is one
        // lookup of the user (and its claims) per editor-area request, which already reads the user's grants.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        services.AddHttpContextAccessor();
        services.AddScoped<EditorSignIn>();
        services.AddSingleton<SignInNotices>();
        services.AddHostedService(provider => provider.GetRequiredService<SignInNotices>());
        services.AddScoped<CurrentEditor>();
        services.AddScoped<MyWork>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, UnitActionHandler>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, ActiveEditorHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(EditorPolicies.Editor, EditorPolicies.ActiveEditor)
            .AddPolicy(EditorPolicies.Administrator, EditorPolicies.ActiveAdministrator);
        return services;
    }

    /// <summary>
    /// There is no default password: the first administrator comes from configuration, once. Without it the
    /// public site still runs and the log says how to create one.
    /// </summary>
    public static async Task EnsureAdministratorAsync(this IServiceProvider services, IConfiguration configuration)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorUser>>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("CchcSite.Accounts");
        var email = configuration[AdminEmailKey];
        var password = configuration[AdminPasswordKey];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            if (!users.Users.Any(u => u.IsAdministrator))
                logger.LogWarning("No administrator exists. Create one by starting once with {EmailKey} and {PasswordKey} set, e.g. " +
                    "{EmailKey}=admin@example.gov.vn {PasswordKey}='…' dotnet run --project src/Web -- --migrate-only", AdminEmailKey, AdminPasswordKey, AdminEmailKey, AdminPasswordKey);
            return;
        }
        if (await users.FindByEmailAsync(email) is not null)
            return;
        var admin = new EditorUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Quản trị hệ thống", IsAdministrator = true };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
            throw new InvalidOperationException($"The administrator {email} could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        logger.LogInformation("Administrator {Email} created from configuration.", email);
    }
}
