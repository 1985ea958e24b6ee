using System.Text;
using CchcSite.Content.Data;
using CchcSite.Content.Text;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Plans;

/// <summary>A plan row as a person types it, in a form, an imported file or the seed; coordinators are separated by ";".</summary>
public sealed record PlanItemInput(int? Order, string? Group, string Content, string? Form, string Lead, string? Coordinators,
    string TimingText, string? ExpectedOutput)
{
    /// <summary>Vietnamese messages for each invalid field, empty when the row can be stored.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Content))
            errors[nameof(Content)] = "Thiếu nội dung.";
        TextLimit.Check(errors, nameof(Content), Content, MaxContent, "Nội dung");
        if (string.IsNullOrWhiteSpace(Lead))
            errors[nameof(Lead)] = "Thiếu đơn vị chủ trì.";
        TextLimit.Check(errors, nameof(Lead), Lead, MaxName, "Đơn vị chủ trì");
        if (CoordinatorNames.FirstOrDefault(n => n.Length > MaxName) is { } coordinator)
            TextLimit.Check(errors, nameof(Coordinators), coordinator, MaxName, "Tên mỗi đơn vị phối hợp");
        TextLimit.Check(errors, nameof(Group), Group, MaxGroup, "Nhóm nhiệm vụ");
        TextLimit.Check(errors, nameof(Form), Form, MaxForm, "Hình thức");
        TextLimit.Check(errors, nameof(ExpectedOutput), ExpectedOutput, MaxExpectedOutput, "Sản phẩm");
        TextLimit.Check(errors, nameof(TimingText), TimingText, MaxTimingText, "Thời gian thực hiện");
        if (Order is < 1)
            errors[nameof(Order)] = "Số thứ tự phải là số nguyên dương.";
        if (PlanTimingText.Parse(TimingText).Error is { } timing)
            errors[nameof(TimingText)] = timing;
        return errors;
    }

    // The columns' sizes (the plan's EF configuration uses these).
    public const int MaxContent = 2000;
    public const int MaxName = 300;
    public const int MaxGroup = 300;
    public const int MaxForm = 500;
    public const int MaxExpectedOutput = 300;
    public const int MaxTimingText = 300;

    /// <summary>The coordinating units, one name each.</summary>
    public IEnumerable<string> CoordinatorNames => (Coordinators ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static PlanItemInput Of(PlanItem item) => new(item.Order, item.Group, item.Content, item.Form, item.LeadName,
        string.Join("; ", item.Coordinators.Select(c => c.Name)), item.TimingText, item.ExpectedOutput);
}

/// <summary>Turns names into the site's units where they are units, so that their editors can link posts to the row.</summary>
public sealed class UnitNames
{
    private readonly Dictionary<string, int> _ids;

    private UnitNames(Dictionary<string, int> ids) => _ids = ids;

    /// <summary>Matched by slug, full name or short name, ignoring case and tones.</summary>
    public static async Task<UnitNames> LoadAsync(CchcDbContext db, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Slug, u.Name, u.ShortName }).ToListAsync(ct);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var unit in units)
            foreach (var name in new[] { unit.Slug, unit.Name, unit.ShortName })
                ids.TryAdd(Slug.From(name), unit.Id);
        return new UnitNames(ids);
    }

    public int? Find(string name) => _ids.TryGetValue(Slug.From(name), out var id) ? id : null;

    /// <summary>Fills an item from valid input; the order defaults to after the last row.</summary>
    public void Apply(PlanItemInput input, PlanItem item, int defaultOrder)
    {
        var timing = PlanTimingText.Parse(input.TimingText);
        item.Order = input.Order ?? defaultOrder;
        item.Group = Clean(input.Group);
        item.Content = Clean(input.Content)!;
        item.Form = Clean(input.Form);
        item.LeadName = Clean(input.Lead)!;
        item.LeadUnitId = Find(item.LeadName);
        item.Coordinators = input.CoordinatorNames.Select(name => new PlanItemCoordinator { Name = Clean(name)!, UnitId = Find(name) }).ToList();
        item.Timing = timing.Timing;
        item.DueMonths = [.. timing.Months];
        item.DueDay = timing.DueDay;
        item.TimingText = Clean(input.TimingText)!;
        item.ExpectedOutput = Clean(input.ExpectedOutput);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().Normalize(NormalizationForm.FormC);
}
