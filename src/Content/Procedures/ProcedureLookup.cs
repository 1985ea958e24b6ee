using CchcSite.Content.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Procedures;

/// <summary>A procedure as a question names it.</summary>
public sealed record ProcedureRef(string Code, string Name)
{
    public string Url => ProcedureAddresses.ProcedureUrl(Code);

    /// <summary>How the form's box shows a chosen procedure; typed back, it finds the same one by its code.</summary>
    public string Label => $"{Code} – {Name}";
}

/// <summary>
/// What a typed procedure came to: nothing typed (all null), one procedure, or a Vietnamese reason, with the procedures to
/// choose from when the words fit several.
/// </summary>
public sealed record ProcedureLookupResult(int? Id, ProcedureRef? Found, string? Problem, IReadOnlyList<ProcedureRef> Candidates)
{
    public static readonly ProcedureLookupResult Nothing = new(null, null, null, []);
}

/// <summary>
/// Finds the procedure a citizen or an officer names in a text box, on the server, so the form works without script: a
/// code ("1.001193", or a chosen "1.001193 – Đăng ký khai sinh") exactly; otherwise words of the name, with or without tones.
/// </summary>
public sealed class ProcedureLookup(CchcDbContext db)
{
    public const int MaxCandidates = 8;
    public const int MaxTyped = ProcedureRules.MaxName;

    public async Task<ProcedureLookupResult> FindAsync(string? typed, CancellationToken ct)
    {
        var text = typed?.Trim();
        if (string.IsNullOrEmpty(text))
            return ProcedureLookupResult.Nothing;
        if (text.Length > MaxTyped)
            return Problem($"Tên thủ tục tối đa {MaxTyped} ký tự.");
        var first = text.Split([' ', '\t'], 2)[0];
        // Something that starts like a code is meant as one: a mistyped code is said so rather than searched as words.
        if (char.IsAsciiDigit(first[0]) && first.Contains('.'))
        {
            var byCode = ProcedureRules.IsCode(first)
                ? await db.Procedures.AsNoTracking().Where(p => p.Code == first).Select(p => new { p.Id, p.Code, p.Name }).FirstOrDefaultAsync(ct)
                : null;
            return byCode is null
                ? Problem($"Không có thủ tục mã {first}. Vui lòng kiểm tra lại mã (ví dụ 1.001193) hoặc nhập tên thủ tục.")
                : new ProcedureLookupResult(byCode.Id, new ProcedureRef(byCode.Code, byCode.Name), null, []);
        }
        var folded = ProcedureRules.Fold(text);
        // In force first: a citizen asks about today's procedure; an abolished one stays findable by its name or code.
        var matches = await db.Procedures.AsNoTracking().Where(p => p.FoldedName.Contains(folded))
            .OrderBy(p => p.FoldedName == folded ? 0 : 1).ThenBy(p => p.Status).ThenBy(p => p.Name).ThenBy(p => p.Code)
            .Select(p => new { p.Id, p.Code, p.Name, Exact = p.FoldedName == folded }).Take(MaxCandidates + 1).ToListAsync(ct);
        var exact = matches.Where(m => m.Exact).ToList();
        var single = exact.Count == 1 ? exact[0] : matches.Count == 1 ? matches[0] : null;
        if (single is not null)
            return new ProcedureLookupResult(single.Id, new ProcedureRef(single.Code, single.Name), null, []);
        if (matches.Count == 0)
            return Problem($"Không tìm thấy thủ tục nào có tên chứa \"{text}\". Vui lòng nhập mã thủ tục (ví dụ 1.001193) hoặc một phần tên khác.");
        return new ProcedureLookupResult(null, null,
            $"Có nhiều thủ tục có tên chứa \"{text}\". Vui lòng chọn một thủ tục trong danh sách hoặc nhập mã thủ tục.",
            matches.Take(MaxCandidates).Select(m => new ProcedureRef(m.Code, m.Name)).ToList());
    }

    private static ProcedureLookupResult Problem(string message) => new(null, null, message, []);
}
