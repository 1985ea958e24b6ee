using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Units;

/// <summary>A unit's "Giới thiệu" as its page and the API show it: the unit, its contact, its parent and its profile.</summary>
public sealed record UnitProfilePage(UnitNode Unit, UnitRef? Parent, UnitProfile Profile);

/// <summary>One leader's row of the profile form; a row with neither name nor position is an unused slot.</summary>
public sealed record UnitLeaderDraft(string? Name, string? Position, string? Phone, string? Email)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Position)
        && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Email);
}

/// <summary>What the unit's approvers write on the profile form.</summary>
public sealed record UnitProfileDraft(string? Functions, string? Organisation, string? MapUrl, string? EnglishName, string? EnglishIntro,
    IReadOnlyList<UnitLeaderDraft> Leaders);

/// <summary>Reads and saves units' "Giới thiệu" pages. Who may save is the permission table's question, asked by the caller.</summary>
public sealed class UnitProfiles(CchcDbContext db, UnitDirectory directory, AuditLog audit)
{
    public const int MaxLeaders = 12;
    private const int MaxText = 8000;

    public async Task<UnitProfilePage?> FindAsync(string slug, CancellationToken ct)
    {
        if (await directory.FindAsync(slug, ct) is not { } unit)
            return null;
        var profile = await db.Units.AsNoTracking().Where(u => u.Id == unit.Unit.Id).Select(u => u.Profile).SingleAsync(ct);
        var ancestry = await directory.AncestryAsync(slug, ct);
        return new UnitProfilePage(unit, ancestry.Count > 1 ? ancestry[^2] : null, profile);
    }

    public async Task<Outcome<int>> SaveAsync(int unitId, UnitProfileDraft draft, Actor actor, CancellationToken ct)
    {
        var errors = Validate(draft).ToList();
        if (errors.Count > 0)
            return Outcome<int>.Invalid.Of(errors);
        if (await db.Units.FirstOrDefaultAsync(u => u.Id == unitId && u.IsActive, ct) is not { } unit)
            return new Outcome<int>.NotFound("Không có đơn vị này.");
        unit.Profile = new UnitProfile
        {
            Functions = Given(draft.Functions),
            Organisation = Given(draft.Organisation),
            MapUrl = Given(draft.MapUrl),
            EnglishName = Given(draft.EnglishName),
            EnglishIntro = Given(draft.EnglishIntro),
            Leaders = draft.Leaders.Where(l => !l.IsBlank).Select(l => new UnitLeader
            {
                Name = l.Name!.Trim(), Position = l.Position!.Trim(), Phone = Given(l.Phone), Email = Given(l.Email),
            }).ToList(),
        };
        audit.Record(actor, AuditActions.UnitChanged, $"Sửa trang giới thiệu của {unit.Name}", "Unit", unit.Id.ToString(), unit.Id);
        await db.SaveChangesAsync(ct);
        return new Outcome<int>.Ok(unit.Id);
    }

    /// <summary>Messages keyed by the form's field names ("Leaders[2].Name" for the third leader's name).</summary>
    public static IEnumerable<KeyValuePair<string, string>> Validate(UnitProfileDraft draft)
    {
        foreach (var (field, text, name) in new[]
                 {
                     (nameof(draft.Functions), draft.Functions, "Chức năng, nhiệm vụ"),
                     (nameof(draft.Organisation), draft.Organisation, "Cơ cấu tổ chức"),
                     (nameof(draft.EnglishIntro), draft.EnglishIntro, "Giới thiệu bằng tiếng Anh"),
                 })
            if (text?.Trim().Length > MaxText)
                yield return new(field, $"{name} không quá {Imports.Figures.Of(MaxText)} ký tự.");
        if (draft.EnglishName?.Trim().Length > 200)
            yield return new(nameof(draft.EnglishName), "Tên tiếng Anh không quá 200 ký tự.");
        if (Given(draft.MapUrl) is { } map && !(Uri.TryCreate(map, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            yield return new(nameof(draft.MapUrl), "Liên kết bản đồ phải là một địa chỉ web đầy đủ, bắt đầu bằng https://.");
        if (draft.Leaders.Count(l => !l.IsBlank) > MaxLeaders)
            yield return new(nameof(draft.Leaders), $"Danh sách lãnh đạo không quá {MaxLeaders} người.");
        for (var i = 0; i < draft.Leaders.Count; i++)
        {
            var leader = draft.Leaders[i];
            if (leader.IsBlank)
                continue;
            if (string.IsNullOrWhiteSpace(leader.Name))
                yield return new($"Leaders[{i}].Name", $"Lãnh đạo thứ {i + 1}: hãy nhập họ và tên.");
            else if (leader.Name.Trim().Length > 120)
                yield return new($"Leaders[{i}].Name", $"Lãnh đạo thứ {i + 1}: họ và tên không quá 120 ký tự.");
            if (string.IsNullOrWhiteSpace(leader.Position))
                yield return new($"Leaders[{i}].Position", $"Lãnh đạo thứ {i + 1}: hãy nhập chức vụ.");
            else if (leader.Position.Trim().Length > 160)
                yield return new($"Leaders[{i}].Position", $"Lãnh đạo thứ {i + 1}: chức vụ không quá 160 ký tự.");
            if (Given(leader.Phone) is { } phone && (phone.Length > 40 || !phone.All(c => char.IsDigit(c) || c is ' ' or '.' or '+' or '-' or '(' or ')')))
                yield return new($"Leaders[{i}].Phone", $"Lãnh đạo thứ {i + 1}: số điện thoại chỉ gồm chữ số, dấu cách, dấu chấm hoặc dấu +.");
            if (Given(leader.Email) is { } email && (email.Length > 120 || !System.Net.Mail.MailAddress.TryCreate(email, out _)))
                yield return new($"Leaders[{i}].Email", $"Lãnh đạo thứ {i + 1}: địa chỉ thư điện tử không đúng dạng (ví dụ: vanphong@soctrang.gov.vn).");
        }
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
