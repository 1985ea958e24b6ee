using System.ComponentModel.DataAnnotations;

namespace CchcSite.Content.Contests;

/// <summary>Bound from the "Contests" configuration section.</summary>
public sealed class ContestOptions
{
    public const string Section = "Contests";

    /// <summary>
    /// Contest requests that write (start, save an answer, submit) accepted per address per minute; read by the web host's
    /// rate limit. An attempt saves once per answer, so this is well above one person's pace and below a robot's.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be a positive number")]
    public int WritesPerMinute { get; set; } = 120;
}
