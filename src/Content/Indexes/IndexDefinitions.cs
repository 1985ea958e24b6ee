using System.Globalization;
using System.Text;
using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Indexes;

/// <summary>A component's row on the index form, as typed; a row with neither code nor name is an unused slot.</summary>
public sealed record IndexComponentDraft(string? Code, string? Name, string? MaxScore, string? FromYear, string? ToYear)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(MaxScore)
                           && string.IsNullOrWhiteSpace(FromYear) && string.IsNullOrWhiteSpace(ToYear);

    public static IndexComponentDraft Of(IndexComponent component) => new(component.Code, component.Name,
        component.MaxScore is { } max ? IndexRanking.Format(max) : null, component.FromYear.ToString(CultureInfo.InvariantCulture),
        component.ToYear?.ToString(CultureInfo.InvariantCulture));
}

/// <summary>What an administrator writes on the index form. The code names the index in addresses and files, so it is fixed once created.</summary>
public sealed record IndexDefinitionDraft(string? Code, string? Name, string? Assessor, IndexScale Scale, string? MaxScore, bool HigherIsBetter,
    IReadOnlyList<IndexComponentDraft> Components)
{
    public static IndexDefinitionDraft Of(IndexDefinition index) => new(index.Code, index.Name, index.Assessor, index.Scale,
        index.MaxScore is { } max ? IndexRanking.Format(max) : null, index.HigherIsBetter,
        index.Components.OrderBy(c => c.SortOrder).ThenBy(c => c.FromYear).Select(IndexComponentDraft.Of).ToList());
}

/// <summary>An index in the administrator's list, with how many results it has and over which years.</summary>
public sealed record IndexDefinitionRow(IndexDefinition Index, int Results, int? FirstYear, int? LastYear);

/// <summary>
/// The catalogue of reform indexes: an administrator adds an index the seed does not have (a province's own DDCI, a sector
/// index) and keeps the components in step with each year's methodology. A component that results have scores for can only be
/// ended (a last year), never removed or narrowed past those years, so no stored figure loses its meaning; a new maximum
/// cannot fall below a stored score. Pages, search documents and the API read the catalogue, so a rename shows everywhere.
/// </summary>
public sealed class IndexDefinitions(CchcDbContext db, AuditLog audit)
{
    public const int MaxComponents = 20;
    private const int FirstYear = 2000, LastYear = 2100;

    public async Task<List<IndexDefinitionRow>> ListAsync(CancellationToken ct)
    {
        var indexes = await db.Set<IndexDefinition>().AsNoTracking().Include(i => i.Components).OrderBy(i => i.SortOrder).ThenBy(i => i.Code).ToListAsync(ct);
        var counts = (await db.Set<IndexResult>().GroupBy(r => r.IndexDefinitionId)
                .Select(g => new { Id = g.Key, Count = g.Count(), First = g.Min(r => r.Year), Last = g.Max(r => r.Year) }).ToListAsync(ct))
            .ToDictionary(c => c.Id);
        return indexes.Select(i => counts.TryGetValue(i.Id, out var c) ? new IndexDefinitionRow(i, c.Count, c.First, c.Last)
            : new IndexDefinitionRow(i, 0, null, null)).ToList();
    }

    public Task<IndexDefinition?> FindAsync(string code, CancellationToken ct) =>
        db.Set<IndexDefinition>().AsNoTracking().Include(i => i.Components).FirstOrDefaultAsync(i => i.Code == code.Trim().ToUpper(), ct);

    public async Task<Outcome<string>> AddAsync(IndexDefinitionDraft draft, Actor actor, CancellationToken ct)
    {
        var code = (draft.Code ?? "").Trim().ToUpperInvariant();
        var errors = Validate(draft, []).ToList();
        if (!errors.Any(e => e.Key == nameof(draft.Code)) && await db.Set<IndexDefinition>().AnyAsync(i => i.Code == code, ct))
            errors.Add(new(nameof(draft.Code), $"Đã có chỉ số mã {code}; vui lòng chọn mã khác hoặc sửa chỉ số đó."));
        if (errors.Count > 0)
            return Outcome<string>.Invalid.Of(errors);
        var index = new IndexDefinition
        {
            Code = code, Name = "", Assessor = "",
            SortOrder = (await db.Set<IndexDefinition>().MaxAsync(i => (int?)i.SortOrder, ct) ?? -1) + 1,
        };
        Fill(index, draft);
        db.Add(index);
        audit.Record(actor, AuditActions.IndexDefinitionSaved, $"Thêm chỉ số {code}: {index.Name}, {Summary(index)}", nameof(IndexDefinition), code, null);
        await db.SaveChangesAsync(ct);
        return new Outcome<string>.Ok(code);
    }

    public async Task<Outcome<string>> SaveAsync(string code, IndexDefinitionDraft draft, Actor actor, CancellationToken ct)
    {
        if (await db.Set<IndexDefinition>().Include(i => i.Components).FirstOrDefaultAsync(i => i.Code == code.Trim().ToUpper(), ct) is not { } index)
            return new Outcome<string>.NotFound("Không có chỉ số này.");
        var scores = await db.Set<IndexResult>().Where(r => r.IndexDefinitionId == index.Id)
            .Select(r => new { r.Year, r.Score, Components = r.Components.Select(c => new { c.Code, c.Score }).ToList() }).ToListAsync(ct);
        var stored = new StoredScores(scores.Count == 0 ? null : scores.Max(s => s.Score),
            scores.SelectMany(s => s.Components.Select(c => new StoredComponentScore(c.Code, s.Year, c.Score))).ToList());
        var errors = Validate(draft with { Code = index.Code }, stored.Components).ToList();
        if (stored.HighestTotal is { } highest && draft.Scale == IndexScale.Points && Number(draft.MaxScore) is { } max && max < highest)
            errors.Add(new(nameof(draft.MaxScore), $"Đã có kết quả {IndexRanking.Format(highest)} điểm: điểm tối đa không thể nhỏ hơn."));
        if (errors.Count > 0)
            return Outcome<string>.Invalid.Of(errors);
        var before = $"{index.Name}, {Summary(index)}";
        Fill(index, draft);
        var after = $"{index.Name}, {Summary(index)}";
        audit.Record(actor, AuditActions.IndexDefinitionSaved, before == after ? $"Lưu chỉ số {index.Code}, không đổi" : $"Sửa chỉ số {index.Code}: {before} → {after}",
            nameof(IndexDefinition), index.Code, null);
        await db.SaveChangesAsync(ct);
        return new Outcome<string>.Ok(index.Code);
    }

    /// <summary>A stored component score: the component it names must still be assessed in its year.</summary>
    public sealed record StoredComponentScore(string Code, int Year, decimal Score);

    private sealed record StoredScores(decimal? HighestTotal, IReadOnlyList<StoredComponentScore> Components);

    /// <summary>Messages keyed by the form's field names ("Components[2].Code" for the third component's code).</summary>
    public static IEnumerable<KeyValuePair<string, string>> Validate(IndexDefinitionDraft draft, IReadOnlyCollection<StoredComponentScore> stored)
    {
        var code = (draft.Code ?? "").Trim();
        if (code.Length == 0)
            yield return new(nameof(draft.Code), "Vui lòng nhập mã chỉ số, ví dụ DDCI.");
        else if (code.Length > IndexDefinition.MaxCode || !code.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            yield return new(nameof(draft.Code), $"Mã chỉ số chỉ gồm chữ cái không dấu, chữ số và dấu gạch dưới, không quá {IndexDefinition.MaxCode} ký tự.");
        foreach (var (field, text, label, limit) in new[]
                 {
                     (nameof(draft.Name), draft.Name, "Tên chỉ số", IndexDefinition.MaxName),
                     (nameof(draft.Assessor), draft.Assessor, "Cơ quan đánh giá", IndexDefinition.MaxAssessor),
                 })
        {
            if (string.IsNullOrWhiteSpace(text))
                yield return new(field, $"Vui lòng nhập {label.ToLower(CultureInfo.GetCultureInfo("vi-VN"))}.");
            else if (text.Trim().Length > limit)
                yield return new(field, $"{label} không quá {limit} ký tự.");
        }
        if (!Enum.IsDefined(draft.Scale))
            yield return new(nameof(draft.Scale), "Vui lòng chọn thang điểm.");
        var indexMax = draft.Scale == IndexScale.Percent ? 100m : Number(draft.MaxScore);
        if (draft.Scale == IndexScale.Points && indexMax is not > 0)
            yield return new(nameof(draft.MaxScore), "Thang điểm số cần điểm tối đa lớn hơn 0, ví dụ 100.");

        var rows = draft.Components.Select((row, i) => (Row: row, Field: $"{nameof(draft.Components)}[{i}]")).Where(r => !r.Row.IsBlank).ToList();
        if (rows.Count > MaxComponents)
            yield return new(nameof(draft.Components), $"Một chỉ số có không quá {MaxComponents} thành phần.");
        var periods = new List<(string Code, int From, int To, string Field, decimal? Max)>();
        foreach (var (row, field) in rows)
        {
            var componentCode = (row.Code ?? "").Trim().ToUpperInvariant();
            if (componentCode.Length == 0)
                yield return new($"{field}.Code", "Vui lòng nhập mã thành phần, ví dụ TTHC.");
            else if (componentCode.Length > IndexComponent.MaxCode || !componentCode.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                yield return new($"{field}.Code", $"Mã thành phần chỉ gồm chữ cái không dấu, chữ số và dấu gạch dưới, không quá {IndexComponent.MaxCode} ký tự.");
            if (string.IsNullOrWhiteSpace(row.Name))
                yield return new($"{field}.Name", "Vui lòng nhập tên thành phần.");
            else if (row.Name.Trim().Length > IndexComponent.MaxName)
                yield return new($"{field}.Name", $"Tên thành phần không quá {IndexComponent.MaxName} ký tự.");
            if (!string.IsNullOrWhiteSpace(row.MaxScore) && Number(row.MaxScore) is null)
                yield return new($"{field}.MaxScore", "Điểm tối đa phải là số, ví dụ 12,5.");
            else if (Number(row.MaxScore) is { } m && (m <= 0 || (indexMax is { } im && m > im)))
                yield return new($"{field}.MaxScore", $"Điểm tối đa của thành phần phải lớn hơn 0 và không quá điểm của chỉ số ({IndexRanking.Format(indexMax ?? 0)}).");
            var from = Year(row.FromYear);
            var to = string.IsNullOrWhiteSpace(row.ToYear) ? LastYear : Year(row.ToYear);
            if (from is null)
                yield return new($"{field}.FromYear", $"Năm bắt đầu áp dụng phải từ {FirstYear} đến {LastYear}.");
            if (to is null)
                yield return new($"{field}.ToYear", $"Năm cuối áp dụng phải từ {FirstYear} đến {LastYear}, hoặc để trống nếu còn áp dụng.");
            else if (from is not null && to < from)
                yield return new($"{field}.ToYear", "Năm cuối áp dụng không được trước năm bắt đầu.");
            else if (from is not null && componentCode.Length > 0)
                periods.Add((componentCode, from.Value, to.Value, field, Number(row.MaxScore)));
        }
        // Two rows of one code assessed in the same year would make a score ambiguous.
        foreach (var clash in periods.GroupBy(p => p.Code).SelectMany(g => g.OrderBy(p => p.From).Zip(g.OrderBy(p => p.From).Skip(1)))
                     .Where(pair => pair.Second.From <= pair.First.To))
            yield return new($"{clash.Second.Field}.FromYear", $"Thành phần {clash.Second.Code} đã áp dụng trong năm {clash.Second.From} ở một dòng khác.");
        foreach (var orphan in stored.GroupBy(s => (s.Code, s.Year)).Select(g => g.First())
                     .Where(s => !periods.Any(p => p.Code == s.Code && p.From <= s.Year && s.Year <= p.To)).OrderBy(s => s.Code).ThenBy(s => s.Year))
            yield return new(nameof(draft.Components),
                $"Thành phần {orphan.Code} đã có điểm trong kết quả năm {orphan.Year}: hãy giữ thành phần này và ghi năm cuối áp dụng thay vì xóa.");
        foreach (var over in stored.Select(s => (Score: s, Period: periods.FirstOrDefault(p => p.Code == s.Code && p.From <= s.Year && s.Year <= p.To)))
                     .Where(s => s.Period.Max is { } max && s.Score.Score > max)
                     .GroupBy(s => s.Period.Field).Select(g => g.MaxBy(s => s.Score.Score)))
            yield return new($"{over.Period.Field}.MaxScore",
                $"Đã có điểm {IndexRanking.Format(over.Score.Score)} của thành phần {over.Score.Code} năm {over.Score.Year}: điểm tối đa không thể nhỏ hơn.");
    }

    private static void Fill(IndexDefinition index, IndexDefinitionDraft draft)
    {
        index.Name = Clean(draft.Name);
        index.Assessor = Clean(draft.Assessor);
        index.Scale = draft.Scale;
        index.MaxScore = draft.Scale == IndexScale.Percent ? null : Number(draft.MaxScore);
        index.HigherIsBetter = draft.HigherIsBetter;
        var rows = draft.Components.Where(c => !c.IsBlank).Select((row, order) => (Code: row.Code!.Trim().ToUpperInvariant(), Name: Clean(row.Name),
            Max: Number(row.MaxScore), From: Year(row.FromYear)!.Value, To: string.IsNullOrWhiteSpace(row.ToYear) ? null : Year(row.ToYear), Order: order)).ToList();
        // A component keeps its row (and id) while its code and first year stay: what changed is then an update, not a new row.
        index.Components.RemoveAll(c => !rows.Any(r => r.Code == c.Code && r.From == c.FromYear));
        foreach (var row in rows)
        {
            var component = index.Components.FirstOrDefault(c => c.Code == row.Code && c.FromYear == row.From);
            if (component is null)
                index.Components.Add(component = new IndexComponent { Code = row.Code, Name = row.Name, FromYear = row.From });
            component.Name = row.Name;
            component.MaxScore = row.Max;
            component.ToYear = row.To;
            component.SortOrder = row.Order;
        }
    }

    /// <summary>"thang 100 điểm, 8 thành phần": what an audit entry says of the figures' frame.</summary>
    private static string Summary(IndexDefinition index) =>
        (index.Scale == IndexScale.Percent ? "thang phần trăm" : $"thang {IndexRanking.Format(index.MaxScore ?? 0)} điểm")
        + (index.HigherIsBetter ? "" : ", điểm thấp là tốt")
        + $", thành phần: {(index.Components.Count == 0 ? "không" : string.Join("; ", index.Components.OrderBy(c => c.SortOrder).Select(c =>
            $"{c.Code} {c.FromYear}–{(c.ToYear is { } to ? to.ToString(CultureInfo.InvariantCulture) : "nay")}{(c.MaxScore is { } m ? $" ({IndexRanking.Format(m)})" : "")}")))}";

    private static string Clean(string? text) => (text ?? "").Trim().Normalize(NormalizationForm.FormC);

    private static decimal? Number(string? text) => string.IsNullOrWhiteSpace(text) ? null : IndexFigures.Parse(text.Trim());

    private static int? Year(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= FirstYear and <= LastYear ? year : null;
}
