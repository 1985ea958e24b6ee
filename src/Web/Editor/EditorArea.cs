using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CchcSite.Web.Editor;

public static class EditorArea
{
    public const string Name = "QuanTri";
    public const string LoginRateLimit = "dang-nhap";

    /// <summary>Per-address limits in front of the account lockout, which only protects one account at a time.</summary>
    public static IServiceCollection AddEditorRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var loginsPerMinute = configuration.GetValue("Editor:LoginAttemptsPerMinute", 10);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Bạn đã gửi quá nhiều yêu cầu. Vui lòng đợi một phút rồi thử lại.", ct);
            };
            options.AddPolicy(LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = loginsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }
}
