using System.ComponentModel.DataAnnotations;

namespace CchcSite.Content.Surveys;

/// <summary>Bound from the "Surveys" configuration section.</summary>
public sealed class SurveyOptions
{
    public const string Section = "Surveys";

    /// <summary>Responses accepted per address per minute, read by the web host's rate limit (kept in memory, never stored).</summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be a positive number")]
    public int ResponsesPerMinute { get; set; } = 10;

    /// <summary>The token a desk tablet opens kiosk mode with (<c>?kiosk=TOKEN</c>) when no officer is signed in; kiosk by token is off when empty.</summary>
    public string KioskToken { get; set; } = "";
}
