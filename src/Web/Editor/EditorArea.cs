using System.ComponentModel.DataAnnotations;
using CchcSite.Content;
using CchcSite.Web.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace CchcSite.Web.Editor;

public static class EditorArea
{
    public const string Name = "QuanTri";
    public const string LoginRateLimit = "dang-nhap";

    /// <summary>Per-address limits in front of the account lockout, which only protects one account at a time.</summary>
    public static IServiceCollection AddEditorRateLimits(this IServiceCollection services)
    {
        services.AddSettings<EditorOptions>(EditorOptions.Section);
        services.Configure<RateLimiterOptions>(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                // The API answers every refusal as a problem; pages with a line of Vietnamese.
                if (http.Request.Path.StartsWithSegments("/api"))
                {
                    var (title, message) = ErrorStatuses.Describe(StatusCodes.Status429TooManyRequests);
                    await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = http,
                        ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = title, Detail = message },
                    });
                    return;
                }
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync(ErrorStatuses.Describe(StatusCodes.Status429TooManyRequests).Message, ct);
            };
        });
        return services.AddPerAddressPolicy<EditorOptions>(LoginRateLimit, editor => editor.LoginAttemptsPerMinute);
    }
}

/// <summary>Bound from the "Editor" configuration section.</summary>
public sealed class EditorOptions
{
    public const string Section = "Editor";

    /// <summary>Sign-in attempts allowed per address per minute.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be a positive number")]
    public int LoginAttemptsPerMinute { get; set; } = 10;
}
