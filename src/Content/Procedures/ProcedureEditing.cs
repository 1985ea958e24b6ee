using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Procedures;

/// <summary>A line of the editor's list of procedures.</summary>
public sealed record ProcedureListRow(string Code, string Name, string Field, string Level, ProcedureStatus Status, OnlineServiceLevel Online,
    DateTime UpdatedAt, int Revisions);

/// <summary>A procedure as the editor's form opens it: the input as typed, the managing unit, the version the save must match, its history.</summary>
public sealed record ProcedureEditView(string Code, int OwnerUnitId, Guid Version, ProcedureInput Input, IReadOnlyList<ProcedureRevision> Revisions);

/// <summary>One field a save or an import would change: its Vietnamese name, the text before and after.</summary>
public sealed record FieldChange(string Field, string Before, string After);

/// <summary>
/// Procedures in the editor area: the managing unit's list, the form's create and update, and (with <see cref="ProcedureImport"/>) the
/// import. Every save writes a <see cref="ProcedureRevision"/> with the fields it changed and an audit entry in one transaction; the
/// change tracker queues the search index and drops the cached public pages. The managing unit is the procedure's first unit;
/// the caller has asked the permission table for <see cref="Accounts.EditorAction.ManageProcedures"/> in it.
/// </summary>
public sealed class ProcedureEditing(CchcDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string EditSource = "Sửa trực tiếp";

    private const string DossierField = "Thành phần hồ sơ";

    /// <summary>The lists' values tracked, so that a procedure can point at them, the units' addresses, and the managing unit's files.</summary>
    public async Task<ProcedureCatalog> CatalogAsync(int? ownerUnitId, CancellationToken ct) => new(
        await db.ProcedureTerms.OrderBy(t => t.List).ThenBy(t => t.SortOrder).ToListAsync(ct),
        await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Slug, u => u.Id, ct),
        ownerUnitId is null ? null
        : (await db.MediaAssets.AsNoTracking().Where(a => a.UnitId == ownerUnitId).OrderByDescending(a => a.Id).Select(a => new { a.FileName, a.Id }).ToListAsync(ct))
            .DistinctBy(a => a.FileName, StringComparer.OrdinalIgnoreCase).ToDictionary(a => a.FileName, a => a.Id, StringComparer.OrdinalIgnoreCase));

    /// <summary>The procedures managed by the units given (null: all), by name; the words match the code exactly or the name without tones.</summary>
    public Task<PagedResult<ProcedureListRow>> ListAsync(IReadOnlySet<int>? unitIds, string? words, PageRequest page, CancellationToken ct)
    {
        var query = db.Procedures.AsNoTracking();
        if (unitIds is not null)
            query = query.Where(p => p.Units.Any(u => u.SortOrder == 0 && unitIds.Contains(u.UnitId)));
        if (!string.IsNullOrWhiteSpace(words))
        {
            var code = words.Trim();
            var folded = ProcedureRules.Fold(words);
            query = query.Where(p => p.Code == code || p.FoldedName.Contains(folded));
        }
        return query.OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new ProcedureListRow(p.Code, p.Name, p.Field.Name, p.Level.Name, p.Status, p.OnlineLevel, p.UpdatedAt, p.Revisions.Count))
            .ToPageAsync(page, ct);
    }

    public async Task<ProcedureEditView?> FindAsync(string code, CancellationToken ct)
    {
        var p = await db.Procedures.AsNoTracking().Where(p => p.Code == code).Include(p => p.Field).Include(p => p.Level)
            .Include(p => p.Units).ThenInclude(u => u.Unit).Include(p => p.Revisions).AsSplitQuery().SingleOrDefaultAsync(ct);
        if (p is null)
            return null;
        var units = p.Units.OrderBy(u => u.SortOrder).ToList();
        var fileIds = p.Dossier.Select(d => d.FormAssetId).OfType<int>().ToList();
        var fileNames = await db.MediaAssets.AsNoTracking().Where(a => fileIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.FileName, ct);
        return new ProcedureEditView(p.Code, units.FirstOrDefault()?.UnitId ?? 0, p.Version,
            ProcedureInput.From(p, p.Field.Name, p.Level.Name, units.Skip(1).Select(u => u.Unit.Slug), fileNames),
            p.Revisions.OrderByDescending(r => r.Number).ToList());
    }

    /// <summary>
    /// Creates (<paramref name="code"/> null) or updates a procedure from the form. An update must name the version it was opened
    /// at: someone else's save in between is a conflict, not overwritten. The code of an existing procedure is its address and stays.
    /// </summary>
    public async Task<Outcome<string>> SaveAsync(string? code, int ownerUnitId, ProcedureInput input, Guid? version, Actor actor, CancellationToken ct)
    {
        Procedure? existing = null;
        if (code is not null)
        {
            existing = await db.Procedures.Include(p => p.Units).Include(p => p.Field).Include(p => p.Level)
                .SingleOrDefaultAsync(p => p.Code == code, ct);
            if (existing is null)
                return new Outcome<string>.NotFound("Không có thủ tục này.");
            if (existing.Version != version)
                return new Outcome<string>.Conflict("Thủ tục vừa được người khác sửa. Vui lòng mở lại để xem bản mới nhất rồi sửa tiếp.");
            input.Code = code;
        }
        var catalog = await CatalogAsync(ownerUnitId, ct);
        var errors = new List<KeyValuePair<string, string>>();
        var values = ProcedureInputRules.Check(input, catalog, errors);
        if (values is not null)
        {
            if (existing is null && await db.Procedures.AnyAsync(p => p.Code == values.Code, ct))
                errors.Add(KeyValuePair.Create(nameof(ProcedureInput.Code), $"Mã thủ tục {values.Code} đã có trên trang; vui lòng mở thủ tục đó để sửa."));
            if (values.ReplacedBy is { } replacement && !await db.Procedures.AnyAsync(p => p.Code == replacement, ct))
                errors.Add(KeyValuePair.Create(nameof(ProcedureInput.ReplacedBy), $"Chưa có thủ tục mã {replacement} trên trang."));
        }
        if (errors.Count > 0)
            return Outcome<string>.Invalid.Of(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var slugs = catalog.UnitIdsBySlug.ToDictionary(u => u.Value, u => u.Key);
        var before = existing is null ? null : Snapshot(existing, slugs);
        var procedure = existing ?? new Procedure
        {
            Code = values!.Code, Name = "", ImplementingBody = "", ProcessingTime = "", Fees = "", Subjects = "", Result = "", CreatedAt = now,
        };
        var nextNumber = existing is null ? 1 : await db.ProcedureRevisions.Where(r => r.ProcedureId == existing.Id).MaxAsync(r => (int?)r.Number, ct) + 1 ?? 1;
        var (changed, _) = Stage(procedure, values!, ownerUnitId, catalog, before, slugs, EditSource, actor.UserId, now, nextNumber);
        if (changed is null)
            return new Outcome<string>.Ok(procedure.Code);
        if (existing is null)
            db.Procedures.Add(procedure);
        if (procedure is { DecisionPostId: null, DecisionNumber: { } number })
            procedure.DecisionPostId = (await DecisionPostsAsync([number], ct)).GetValueOrDefault(number);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        Subscriptions.SubscriptionAlerts.Announced(db, [procedure.Revisions[^1]], now);
        audit.Record(actor, AuditActions.ProcedureSaved,
            existing is null ? $"Thêm thủ tục {procedure.Code} {procedure.Name}" : $"Sửa thủ tục {procedure.Code}: {string.Join(", ", changed)}",
            nameof(Procedure), procedure.Code, ownerUnitId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Outcome<string>.Ok(procedure.Code);
    }

    /// <summary>The procedure as its revisions store it and as a dry run compares it.</summary>
    internal static IReadOnlyDictionary<string, string> Snapshot(Procedure p, IReadOnlyDictionary<int, string> unitSlugs) =>
        ProcedureSnapshot.Fields(p, p.Field.Name, p.Level.Name,
            p.Units.OrderBy(u => u.SortOrder).Select(u => unitSlugs.GetValueOrDefault(u.UnitId, "")).ToList());

    /// <summary>
    /// Writes the values into the procedure (a new one, or one loaded and tracked with its units), its units with the managing unit
    /// first, and a revision when anything changed; null when nothing did (no revision, no new version).
    /// Returns the names of the changed fields (empty for a new procedure) and the procedure's snapshot as written.
    /// </summary>
    internal static (IReadOnlyList<string>? Changed, IReadOnlyDictionary<string, string> After) Stage(Procedure procedure, ProcedureValues values, int ownerUnitId, ProcedureCatalog catalog,
        IReadOnlyDictionary<string, string>? before, IReadOnlyDictionary<int, string> slugs, string source, string? userId, DateTime now, int number)
    {
        var statusBefore = procedure.Status;
        var decisionBefore = procedure.DecisionNumber;
        var filesBefore = procedure.Dossier.Select(d => d.FormAssetId).ToList();
        ProcedureInputRules.Apply(procedure, values);
        var unitIds = values.OtherUnitSlugs.Select(s => catalog.UnitIdsBySlug[s]).Prepend(ownerUnitId).Distinct().ToList();
        if (!procedure.Units.OrderBy(u => u.SortOrder).Select(u => u.UnitId).SequenceEqual(unitIds))
        {
            procedure.Units.Clear();
            procedure.Units.AddRange(unitIds.Select((id, i) => new ProcedureUnit { UnitId = id, SortOrder = i }));
        }
        var after = Snapshot(procedure, slugs);
        var changed = before is null ? [] : ProcedureSnapshot.Changed(before, after);
        // The snapshot names forms, not their files: a new file for the same form is a change of the dossier too.
        if (before is not null && !changed.Contains(DossierField) && !filesBefore.SequenceEqual(procedure.Dossier.Select(d => d.FormAssetId)))
            changed = [.. changed, DossierField];
        if (before is not null && changed.Count == 0)
            return (null, after);
        ProcedureChange? change = before is null ? ProcedureChange.New
            : procedure.Status != statusBefore && procedure.Status == ProcedureStatus.Abolished ? ProcedureChange.Abolished
            : procedure.Status != statusBefore && procedure.Status == ProcedureStatus.Replaced ? ProcedureChange.Replaced
            : procedure.DecisionNumber is not null && procedure.DecisionNumber != decisionBefore ? ProcedureChange.Amended
            : null;
        var underDecision = change is not null && procedure.DecisionNumber is not null;
        procedure.Revisions.Add(new ProcedureRevision
        {
            Number = number, At = now, UserId = userId, Source = source, Change = underDecision ? change : null,
            DecisionNumber = underDecision ? procedure.DecisionNumber : null, DecisionDate = underDecision ? procedure.DecisionDate : null,
            ChangedFields = [.. changed], Snapshot = ProcedureSnapshot.ToJson(after),
        });
        procedure.Version = Guid.NewGuid();
        procedure.UpdatedAt = now;
        return (changed, after);
    }

    /// <summary>The Document posts whose numbers are the decisions', when the site has them, by number.</summary>
    internal async Task<Dictionary<string, int?>> DecisionPostsAsync(IEnumerable<string> numbers, CancellationToken ct)
    {
        var wanted = numbers.Distinct().ToList();
        if (wanted.Count == 0)
            return [];
        var posts = await db.Posts.AsNoTracking()
            .Where(p => p.Kind == PostKind.Document && p.Document != null && p.Document.Number != null && wanted.Contains(p.Document.Number))
            .Select(p => new { p.Id, p.Document!.Number }).ToListAsync(ct);
        return posts.GroupBy(p => p.Number!).ToDictionary(g => g.Key, g => (int?)g.Max(p => p.Id));
    }
}
