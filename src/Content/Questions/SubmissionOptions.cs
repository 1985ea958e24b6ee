using System.ComponentModel.DataAnnotations;

namespace CchcSite.Content.Questions;

/// <summary>Bound from the "Questions" configuration section.</summary>
public sealed class SubmissionOptions
{
    public const string Section = "Questions";

    /// <summary>Working days a unit has to answer; 15 is the usual deadline for citizens' questions.</summary>
    [Range(1, 365, ErrorMessage = "must be a number of working days from {1} to {2}")]
    public int ResponseWorkingDays { get; set; } = 15;
    /// <summary>Submissions (forms and API together) accepted per address per hour.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be a positive number")]
    public int SubmissionsPerHour { get; set; } = 20;
    /// <summary>Tracking lookups (page and API together) per address per minute; read by the web host's rate limit.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be a positive number")]
    public int TrackingLookupsPerMinute { get; set; } = 30;
    /// <summary>Votes on answers ("có hữu ích không?", page and API together) per address per minute; read by the web host's rate limit.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be a positive number")]
    public int HelpfulVotesPerMinute { get; set; } = 20;
    /// <summary>An attached image or PDF; larger files are refused.</summary>
    [Range(1, long.MaxValue, ErrorMessage = "must be a positive number of bytes")]
    public long MaxAttachmentBytes { get; set; } = 5 * 1024 * 1024;
}
