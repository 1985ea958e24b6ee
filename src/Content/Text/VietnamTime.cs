namespace CchcSite.Content.Text;

/// <summary>Vietnam keeps UTC+7 all year, so a fixed offset is exact and needs no time-zone database.</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTime ToLocal(DateTime utc) => DateTime.SpecifyKind(utc + Offset, DateTimeKind.Unspecified);

    /// <summary>The Vietnamese calendar day of a UTC instant: from 17:00 UTC it is already the next day.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    /// <summary>Today in Vietnam (its <c>Year</c> is this year), never the server's or UTC's day.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>The UTC instant at which the given Vietnamese calendar day begins.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);

    public static string FormatDate(DateTime utc) => ToLocal(utc).ToString("dd/MM/yyyy");

    public static string FormatDateTime(DateTime utc) => ToLocal(utc).ToString("HH:mm dd/MM/yyyy");

    public static string FormatDate(DateOnly date) => date.ToString("dd/MM/yyyy");
}
