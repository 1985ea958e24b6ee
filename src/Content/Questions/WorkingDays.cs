namespace CchcSite.Content.Questions;

/// <summary>
/// Response deadlines count working days, Monday to Friday. Public holidays are not known to the site: the
/// deadline is the statutory minimum, and a unit that closes for a holiday answers within it all the same.
/// </summary>
public static class WorkingDays
{
    public static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The day <paramref name="count"/> working days after <paramref name="start"/>; the start day itself never counts.</summary>
    public static DateOnly Add(DateOnly start, int count)
    {
        var day = start;
        for (var added = 0; added < count;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
                added++;
        }
        return day;
    }

    /// <summary>Working days from <paramref name="today"/> to <paramref name="due"/>: 0 on the due day, negative once it has passed.</summary>
    public static int Between(DateOnly today, DateOnly due)
    {
        var sign = due >= today ? 1 : -1;
        var (from, to) = sign > 0 ? (today, due) : (due, today);
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            if (IsWorkingDay(day))
                count++;
        return sign * count;
    }
}
