using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Search;

/// <summary>A shipped group, and the change that turned it off if one did.</summary>
public sealed record ShippedSynonyms(ThesaurusGroup Group, int? TurnedOffBy);

public sealed record ThesaurusOverview(IReadOnlyList<ShippedSynonyms> Shipped, IReadOnlyList<SearchSynonym> Added);

/// <summary>
/// Administrators keep the search thesaurus: add a group of forms, with its source; remove a group they added; turn a
/// shipped group off and on again. Every change is audited and takes effect at the next search, with no index rebuild.
/// </summary>
public sealed class ThesaurusAdministration(CchcDbContext db, AuditLog audit, ThesaurusStore store, TimeProvider clock)
{
    public const string Added = "thesaurus.add";
    public const string Removed = "thesaurus.remove";
    public const string TurnedOff = "thesaurus.turn-off";

    public async Task<ThesaurusOverview> ListAsync(CancellationToken ct)
    {
        var rows = await db.SearchSynonyms.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        var off = rows.Where(r => r.TurnsOffShipped).GroupBy(r => r.Forms).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        return new ThesaurusOverview(
            Thesaurus.Shipped.Select(g => new ShippedSynonyms(g, off.TryGetValue(g.FormsText, out var id) ? id : null)).ToList(),
            rows.Where(r => !r.TurnsOffShipped).ToList());
    }

    public async Task<Outcome<SearchSynonym>> AddAsync(string? forms, string? source, Actor actor, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var group = ThesaurusGroup.Parse(forms ?? "");
        if (group is null)
            errors[nameof(SearchSynonym.Forms)] = "Cần ít nhất hai cách viết khác nhau, cách nhau bằng dấu |, ví dụ: UBND | Ủy ban nhân dân.";
        else if (group.FormsText.Length > SearchSynonym.MaxForms)
            errors[nameof(SearchSynonym.Forms)] = $"Các cách viết không quá {SearchSynonym.MaxForms} ký tự.";
        var cited = source?.Trim() ?? "";
        if (cited.Length == 0)
            errors[nameof(SearchSynonym.Source)] = "Vui lòng ghi nguồn hoặc lý do (văn bản quy định, cách viết thông dụng…).";
        else if (cited.Length > SearchSynonym.MaxSource)
            errors[nameof(SearchSynonym.Source)] = $"Nguồn không quá {SearchSynonym.MaxSource} ký tự.";
        if (errors.Count > 0)
            return Outcome<SearchSynonym>.Invalid.Of(errors);

        var text = group!.FormsText;
        if (Thesaurus.Shipped.Any(g => g.FormsText == text) || await db.SearchSynonyms.AnyAsync(s => s.Forms == text && !s.TurnsOffShipped, ct))
            return new Outcome<SearchSynonym>.Invalid(nameof(SearchSynonym.Forms), "Nhóm từ này đã có trong danh sách.");
        var synonym = new SearchSynonym { Forms = text, Source = cited, UpdatedAt = clock.GetUtcNow().UtcDateTime, UpdatedBy = actor.UserName };
        // One transaction: the audit entry names the new row's id, so it is written after the row, and commits with it.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.SearchSynonyms.Add(synonym);
        await db.SaveChangesAsync(ct);
        audit.Record(actor, Added, $"Thêm từ đồng nghĩa tìm kiếm: {text} (nguồn: {cited})", nameof(SearchSynonym), synonym.Id.ToString());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        store.Invalidate();
        return new Outcome<SearchSynonym>.Ok(synonym);
    }

    /// <summary>Removes a group an administrator added, or turns a shipped group back on.</summary>
    public async Task<Outcome<SearchSynonym>> RemoveAsync(int id, Actor actor, CancellationToken ct)
    {
        if (await db.SearchSynonyms.FindAsync([id], ct) is not { } synonym)
            return new Outcome<SearchSynonym>.NotFound("Không tìm thấy nhóm từ này.");
        db.SearchSynonyms.Remove(synonym);
        audit.Record(actor, Removed, synonym.TurnsOffShipped ? $"Bật lại từ đồng nghĩa tìm kiếm: {synonym.Forms}" : $"Xóa từ đồng nghĩa tìm kiếm: {synonym.Forms}",
            nameof(SearchSynonym), synonym.Id.ToString());
        await db.SaveChangesAsync(ct);
        store.Invalidate();
        return new Outcome<SearchSynonym>.Ok(synonym);
    }

    /// <summary>Turns off a shipped group, named by its forms as listed.</summary>
    public async Task<Outcome<SearchSynonym>> TurnOffAsync(string? forms, Actor actor, CancellationToken ct)
    {
        if (Thesaurus.Shipped.FirstOrDefault(g => g.FormsText == forms) is not { } group)
            return new Outcome<SearchSynonym>.NotFound("Không có nhóm từ này trong danh sách có sẵn.");
        if (await db.SearchSynonyms.AnyAsync(s => s.Forms == group.FormsText && s.TurnsOffShipped, ct))
            return new Outcome<SearchSynonym>.Conflict("Nhóm từ này đã được tắt.");
        var synonym = new SearchSynonym
        {
            Forms = group.FormsText, Source = group.Source.Length <= SearchSynonym.MaxSource ? group.Source : group.Source[..SearchSynonym.MaxSource],
            TurnsOffShipped = true, UpdatedAt = clock.GetUtcNow().UtcDateTime, UpdatedBy = actor.UserName,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.SearchSynonyms.Add(synonym);
        await db.SaveChangesAsync(ct);
        audit.Record(actor, TurnedOff, $"Tắt từ đồng nghĩa tìm kiếm: {group.FormsText}", nameof(SearchSynonym), synonym.Id.ToString());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        store.Invalidate();
        return new Outcome<SearchSynonym>.Ok(synonym);
    }
}
