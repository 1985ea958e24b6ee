namespace CchcSite.Content.Questions;

/// <summary>Bound from the "Questions" configuration section.</summary>
public sealed class SubmissionOptions
{
    public const string Section = "Questions";

    /// <summary>Working days a unit has to answer; 15 is the usual deadline for citizens' questions.</summary>
    public int ResponseWorkingDays { get; set; } = 15;
    /// <summary>Submissions (forms and API together) accepted per address per hour.</summary>
    public int SubmissionsPerHour { get; set; } = 20;
    /// <summary>An attached image or PDF; larger files are refused.</summary>
    public long MaxAttachmentBytes { get; set; } = 5 * 1024 * 1024;
}
