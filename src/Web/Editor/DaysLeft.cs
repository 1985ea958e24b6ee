namespace CchcSite.Web.Editor;

/// <summary>Working days left before a deadline, as the inbox says it.</summary>
public static class DaysLeft
{
    public static string Text(int workingDays) => workingDays switch
    {
        > 0 => $"còn {workingDays} ngày làm việc",
        0 => "hết hạn hôm nay",
        _ => $"quá hạn {-workingDays} ngày làm việc",
    };
}
