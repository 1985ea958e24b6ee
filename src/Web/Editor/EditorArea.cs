using System.ComponentModel.DataAnnotations;
using CchcSite.Content;
using CchcSite.Web.Hosting;

namespace CchcSite.Web.Editor;

public static class EditorArea
{
    public const string Name = "QuanTri";
    public const string LoginRateLimit = "dang-nhap";

    /// <summary>Per-address limits in front of the account lockout, which only protects one account at a time.</summary>
    public static IServiceCollection AddEditorRateLimits(this IServiceCollection services)
    {
        services.AddSettings<EditorOptions>(EditorOptions.Section);
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
