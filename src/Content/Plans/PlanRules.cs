using CchcSite.Content.Posts;
using CchcSite.Content.Text;

namespace CchcSite.Content.Plans;

/// <summary>A calendar month in Vietnam time; its boundaries are the UTC instants at which it begins and ends in Vietnam.</summary>
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    public DateTime StartUtc => VietnamTime.StartOfDayUtc(new DateOnly(Year, Month, 1));

    public DateTime EndUtc => Next.StartUtc;

    public YearMonth Next => Month == 12 ? new(Year + 1, 1) : new(Year, Month + 1);

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public static YearMonth Of(DateTime utc)
    {
        var local = VietnamTime.ToLocal(utc);
        return new(local.Year, local.Month);
    }

    public static YearMonth Of(DateOnly day) => new(day.Year, day.Month);

    public bool Contains(DateTime utc) => utc >= StartUtc && utc < EndUtc;

    public int CompareTo(YearMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public static bool operator <(YearMonth a, YearMonth b) => a.CompareTo(b) < 0;
    public static bool operator >(YearMonth a, YearMonth b) => a.CompareTo(b) > 0;
    public static bool operator <=(YearMonth a, YearMonth b) => a.CompareTo(b) <= 0;
    public static bool operator >=(YearMonth a, YearMonth b) => a.CompareTo(b) >= 0;

    /// <summary>"Tháng 3/2022".</summary>
    public override string ToString() => $"Tháng {Month}/{Year}";
}

/// <summary>The monthly rule of the plans: at least one article or document on the CCHC section every month.</summary>
public enum QuotaStatus
{
    Met,
    /// <summary>The month has begun (or ended) and nothing counted is published in it yet.</summary>
    Missing,
    Upcoming,
}

public enum ItemStatus
{
    /// <summary>A linked post was published by the end of its month.</summary>
    Done,
    /// <summary>Published, but after its month.</summary>
    Late,
    /// <summary>The month has passed and nothing is published.</summary>
    Overdue,
    /// <summary>Due in the current month and not yet done: the reminder list.</summary>
    DueThisMonth,
    Upcoming,
    /// <summary>A row done when the occasion arises: it has posts but no month to miss.</summary>
    WhenArises,
}

/// <summary>A published post linked to a plan item, as the status rules see it.</summary>
public sealed record LinkedPost(int Id, int UnitId, string Title, PostKind Kind, DateTime PublishedAt);

/// <summary>
/// One due month of an item (null for a row done when the occasion arises), its status and the posts that decided it;
/// <see cref="DueOn"/> is the day it had to be done by, when the plan gives a day rather than the whole month.
/// </summary>
public sealed record ItemOccurrence(YearMonth? Month, ItemStatus Status, IReadOnlyList<LinkedPost> Posts, DateOnly? DueOn = null);

/// <summary>The rules of publishing against the plan, pure so that they are tested with any clock.</summary>
public static class PlanRules
{
    /// <summary>
    /// What counts towards the monthly rule: articles (videos and good practices are articles too) and documents.
    /// An announcement (thông báo) such as a reception timetable is not reform news.
    /// </summary>
    public static readonly IReadOnlyList<PostKind> QuotaKinds = [PostKind.Article, PostKind.Document, PostKind.Video, PostKind.Practice];

    /// <summary>Published and public by now. A post later past its unpublish time was still published in its month.</summary>
    public static IQueryable<Post> PublishedBy(this IQueryable<Post> posts, DateTime utcNow) =>
        posts.Where(p => p.Status == PostStatus.Published && p.PublishAt != null && p.PublishAt <= utcNow);

    public static QuotaStatus Quota(YearMonth month, int publishedInMonth, YearMonth current) =>
        publishedInMonth > 0 ? QuotaStatus.Met : month <= current ? QuotaStatus.Missing : QuotaStatus.Upcoming;

    /// <summary>
    /// The status of each due month of an item in one year of its plan, as of <paramref name="nowUtc"/>. A fixed-month
    /// row is done by a post published up to its deadline (and after the previous one), late when the first post came
    /// after it, and that late post serves no later month; the deadline is the end of the due month, or the end of its due day ("trước ngày 15/6" is read as "by
    /// 15 June", the reading Vietnamese offices give it). A monthly ("thường xuyên") row is judged month by month: each
    /// month needs its own post, from <paramref name="firstMonth"/> when the plan was issued during the year (a plan
    /// signed in July asks nothing of January).
    /// </summary>
    public static IReadOnlyList<ItemOccurrence> Evaluate(PlanTiming timing, IReadOnlyList<int> dueMonths, int? dueDay, int year,
        IReadOnlyList<LinkedPost> posts, DateTime nowUtc, int firstMonth = 1)
    {
        var ordered = posts.OrderBy(p => p.PublishedAt).ToList();
        switch (timing)
        {
            case PlanTiming.WhenArises:
                return [new ItemOccurrence(null, ItemStatus.WhenArises, ordered)];
            case PlanTiming.Monthly:
                return Enumerable.Range(firstMonth, 13 - firstMonth).Select(m => new YearMonth(year, m)).Select(month =>
                {
                    var inMonth = ordered.Where(p => month.Contains(p.PublishedAt)).ToList();
                    return new ItemOccurrence(month, inMonth.Count > 0 ? ItemStatus.Done : Pending(month, month.EndUtc, nowUtc), inMonth);
                }).ToList();
            default:
                var occurrences = new List<ItemOccurrence>();
                DateTime? windowStart = null;
                foreach (var month in dueMonths.Order().Select(m => new YearMonth(year, m)))
                {
                    DateOnly? dueOn = dueDay is { } day ? new DateOnly(year, month.Month, Math.Min(day, month.LastDay.Day)) : null;
                    var deadline = dueOn is { } date ? VietnamTime.StartOfDayUtc(date.AddDays(1)) : month.EndUtc;
                    var inWindow = ordered.Where(p => (windowStart is null || p.PublishedAt >= windowStart) && p.PublishedAt < deadline).ToList();
                    var after = ordered.Where(p => p.PublishedAt >= deadline).Take(1).ToList();
                    occurrences.Add(inWindow.Count > 0 ? new ItemOccurrence(month, ItemStatus.Done, inWindow, dueOn)
                        : after.Count > 0 ? new ItemOccurrence(month, ItemStatus.Late, after, dueOn)
                        : new ItemOccurrence(month, Pending(month, deadline, nowUtc), [], dueOn));
                    // A post that made this month late was this month's: the next due month needs one of its own.
                    windowStart = inWindow.Count == 0 && after.Count > 0 ? after[0].PublishedAt.AddTicks(1) : deadline;
                }
                return occurrences;
        }
    }

    /// <summary>
    /// Whether a row counts as carried out on time in a plan's progress: something was done (a due month met, or a post
    /// for a row done when the occasion arises) and no due month is late or overdue. A month still open does not count against it.
    /// </summary>
    public static bool OnTime(IReadOnlyList<ItemOccurrence> occurrences) =>
        occurrences.Any(o => o.Status == ItemStatus.Done || (o.Status == ItemStatus.WhenArises && o.Posts.Count > 0))
        && occurrences.All(o => o.Status is not (ItemStatus.Late or ItemStatus.Overdue));

    /// <summary>Nothing done yet: overdue once the deadline has passed, due from the start of its month, upcoming before.</summary>
    private static ItemStatus Pending(YearMonth month, DateTime deadlineUtc, DateTime nowUtc) =>
        nowUtc >= deadlineUtc ? ItemStatus.Overdue : nowUtc >= month.StartUtc ? ItemStatus.DueThisMonth : ItemStatus.Upcoming;
}

public static class PlanStatusNames
{
    public static string Vietnamese(this QuotaStatus status) => status switch
    {
        QuotaStatus.Met => "Đạt",
        QuotaStatus.Missing => "Chưa có bài",
        _ => "Chưa đến",
    };

    public static string Vietnamese(this ItemStatus status) => status switch
    {
        ItemStatus.Done => "Hoàn thành",
        ItemStatus.Late => "Trễ hạn",
        ItemStatus.Overdue => "Quá hạn, chưa thực hiện",
        ItemStatus.DueThisMonth => "Đến hạn trong tháng",
        ItemStatus.Upcoming => "Chưa đến hạn",
        _ => "Khi phát sinh",
    };

}
