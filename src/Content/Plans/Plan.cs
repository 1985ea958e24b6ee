using CchcSite.Content.Posts;
using CchcSite.Content.Units;

namespace CchcSite.Content.Plans;

/// <summary>
/// A unit's communication plan (kế hoạch tuyên truyền CCHC): what to publish, by whom, in which month. Most plans are
/// yearly; some carry out a programme over several years ("từ nay đến năm 2030"), and then their rows recur every year.
/// </summary>
public class Plan
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    /// <summary>The plan's year, or the first year of a plan over several years.</summary>
    public int Year { get; set; }
    /// <summary>The last year of a plan over several years; null for a plan of one year.</summary>
    public int? EndYear { get; set; }
    /// <summary>Số ký hiệu as printed, e.g. "21/KH-UBND"; plans signed with a blank number keep "/KH-SGDĐT".</summary>
    public string? Number { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public required string Title { get; set; }
    /// <summary>The Document post that holds the plan's full text.</summary>
    public int? DocumentPostId { get; set; }
    public Post? DocumentPost { get; set; }
    public List<PlanItem> Items { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public int LastYear => EndYear ?? Year;

    public bool Covers(int year) => year >= Year && year <= LastYear;

    /// <summary>The year whose schedule is shown by default: this year while the plan runs, else its nearest year.</summary>
    public int YearShown(int currentYear) => Math.Clamp(currentYear, Year, LastYear);

    public string PeriodText => PeriodOf(Year, EndYear);

    /// <summary>"Năm 2022", or "Giai đoạn 2022–2030".</summary>
    public static string PeriodOf(int year, int? endYear) => endYear is { } end ? $"Giai đoạn {year}–{end}" : $"Năm {year}";
}

/// <summary>One row of the plan's schedule table.</summary>
public class PlanItem
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan Plan { get; set; } = null!;
    public int Order { get; set; }
    /// <summary>The heading the row stands under in the plan, e.g. "A. Đối với công chức, viên chức và người lao động".</summary>
    public string? Group { get; set; }
    /// <summary>Nội dung tuyên truyền.</summary>
    public required string Content { get; set; }
    /// <summary>Hình thức tuyên truyền.</summary>
    public string? Form { get; set; }
    /// <summary>Đơn vị chủ trì, as the plan names it (often a section of the unit, such as "Phòng TCCB").</summary>
    public required string LeadName { get; set; }
    /// <summary>Set when the lead is itself a unit of the site; editors of that unit may then link posts to the item.</summary>
    public int? LeadUnitId { get; set; }
    public List<PlanItemCoordinator> Coordinators { get; set; } = [];
    public PlanTiming Timing { get; set; }
    /// <summary>Due months (1–12) of the plan's year when <see cref="Timing"/> is <see cref="PlanTiming.Months"/>.</summary>
    public List<int> DueMonths { get; set; } = [];
    /// <summary>
    /// The day of each due month by which the row must be done ("trước ngày 15 của tháng cuối quý"), when the plan gives
    /// one; otherwise the whole month counts.
    /// </summary>
    public int? DueDay { get; set; }
    /// <summary>"Thời gian thực hiện" in the plan's own words, kept because some rows say more than a month.</summary>
    public required string TimingText { get; set; }
    /// <summary>Sản phẩm, e.g. "≥ 1 bài/tháng".</summary>
    public string? ExpectedOutput { get; set; }
}

/// <summary>Đơn vị phối hợp: a name as printed, and the site's unit when it is one.</summary>
public class PlanItemCoordinator
{
    public required string Name { get; set; }
    public int? UnitId { get; set; }
}

public enum PlanTiming
{
    /// <summary>Due in the listed months (of every year, for a plan over several years), by <see cref="PlanItem.DueDay"/> when set.</summary>
    Months,
    /// <summary>"Thường xuyên": due every month of the plan's year.</summary>
    Monthly,
    /// <summary>Done when something happens (e.g. "sau khi nhận được quyết định công bố"): no month to miss.</summary>
    WhenArises,
}
