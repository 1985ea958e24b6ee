using System.Globalization;
using System.Text;
using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Imports;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Posts;
using CchcSite.Content.Text;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Indexes;

/// <summary>What an import applies to: the index and year, how the file's units were ranked, who publishes them, and where they were announced.</summary>
public sealed record IndexImportRequest(string IndexCode, int Year, IndexGrouping Grouping, string? WithinSlug, int PublisherUnitId,
    string? SourceTitle, DateOnly? AnnouncedOn);

/// <summary>One row of a file as it would be stored: the unit, the figures, and the earlier score when it corrects a result.</summary>
public sealed record IndexImportRow(int Line, UnitRef Unit, decimal Score, int? Rank, int? RankedOf, IReadOnlyDictionary<string, decimal> Components,
    decimal? PreviousScore, bool IsCorrection, bool Unchanged);

/// <summary>A dry run's or an import's account: rows new, corrected and unchanged.</summary>
public sealed record IndexImportSummary(bool DryRun, IReadOnlyList<IndexImportRow> Rows)
{
    public int Added => Rows.Count(r => !r.IsCorrection);
    public int Corrected => Rows.Count(r => r.IsCorrection && !r.Unchanged);
    public int Unchanged => Rows.Count(r => r.Unchanged);
}

/// <summary>A result's history for the editor: the figures now and each earlier figure a correction replaced.</summary>
public sealed record IndexResultHistory(IndexResult Result, IReadOnlyList<IndexResultCorrection> Corrections);

/// <summary>
/// Enters index results from a CSV or XLSX file per index and year: a dry run first (the same reading, nothing stored), then
/// all rows or none. A unit the site does not know is listed as an error, never created. A row for a unit that already has a
/// result corrects it and keeps the earlier figures in <see cref="IndexResultCorrection"/>. The caller has checked that the
/// user may manage results of the publishing unit (<see cref="Accounts.EditorAction.ManageIndexResults"/>).
/// </summary>
public sealed class IndexEditing(CchcDbContext db, UnitDirectory units, AuditLog audit, TimeProvider clock, IOptions<TableLimits> limits)
{
    public const string UnitColumn = "Đơn vị";
    public const string ScoreColumn = "Điểm";
    public const string RankColumn = "Xếp hạng";
    public const string RankedOfColumn = "Số đơn vị xếp hạng";

    /// <summary>The template's columns for an index and year: the unit, score, rank, group size, then each component assessed that year.</summary>
    public static IReadOnlyList<string> Columns(IndexDefinition index, int year) =>
        [UnitColumn, ScoreColumn, RankColumn, RankedOfColumn, .. ComponentsOf(index, year).Select(c => c.Name)];

    private static IEnumerable<IndexComponent> ComponentsOf(IndexDefinition index, int year) =>
        index.Components.Where(c => c.AppliesTo(year)).OrderBy(c => c.SortOrder).ThenBy(c => c.Id);

    public static byte[] CsvTemplate(IndexDefinition index, int year) => TableTemplate.Csv([.. Columns(index, year)]);

    public static byte[] XlsxTemplate(IndexDefinition index, int year) => TableTemplate.Xlsx([.. Columns(index, year)], $"{index.Code} {year}");

    public Task<IndexDefinition?> DefinitionAsync(string code, CancellationToken ct) =>
        db.Set<IndexDefinition>().Include(i => i.Components).FirstOrDefaultAsync(i => i.Code == code.ToUpperInvariant(), ct);

    public Task<List<IndexDefinition>> DefinitionsAsync(CancellationToken ct) =>
        db.Set<IndexDefinition>().AsNoTracking().Include(i => i.Components).OrderBy(i => i.SortOrder).ThenBy(i => i.Code).ToListAsync(ct);

    /// <summary>The results the editor lists: of the publishing units given (null: all), newest year first.</summary>
    public Task<List<IndexResult>> ListAsync(IReadOnlySet<int>? publisherIds, string? code, int? year, CancellationToken ct)
    {
        var query = db.Set<IndexResult>().AsNoTracking().Include(r => r.IndexDefinition).Include(r => r.Unit).AsQueryable();
        if (publisherIds is not null)
            query = query.Where(r => publisherIds.Contains(r.PublisherUnitId));
        if (code is not null)
            query = query.Where(r => r.IndexDefinition.Code == code);
        if (year is not null)
            query = query.Where(r => r.Year == year);
        return query.OrderByDescending(r => r.Year).ThenBy(r => r.IndexDefinition.SortOrder).ThenBy(r => r.Grouping).ThenBy(r => r.Rank).ThenBy(r => r.Id)
            .Take(500).ToListAsync(ct);
    }

    public async Task<IndexResultHistory?> HistoryAsync(int id, CancellationToken ct) =>
        await db.Set<IndexResult>().AsNoTracking().Include(r => r.IndexDefinition).ThenInclude(i => i.Components).Include(r => r.Unit)
            .Include(r => r.Corrections).FirstOrDefaultAsync(r => r.Id == id, ct) is { } result
            ? new IndexResultHistory(result, result.Corrections.OrderBy(c => c.At).ThenBy(c => c.Id).ToList())
            : null;

    /// <summary>
    /// Reads the file and checks every row; with <paramref name="dryRun"/> stores nothing, else stores all rows in one
    /// transaction with one audit entry, or none when any row is wrong (errors keyed "Dòng N", "" for the whole file).
    /// </summary>
    public async Task<Outcome<IndexImportSummary>> ImportAsync(IndexImportRequest request, Stream file, string fileName, bool dryRun, Actor actor,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var index = await DefinitionAsync(request.IndexCode ?? "", ct);
        if (index is null)
            errors[nameof(IndexImportRequest.IndexCode)] = "Vui lòng chọn chỉ số.";
        if (request.Year is < 2000 or > 2100)
            errors[nameof(IndexImportRequest.Year)] = "Năm đánh giá phải từ 2000 đến 2100.";
        TextLimit.Check(errors, nameof(IndexImportRequest.SourceTitle), request.SourceTitle, IndexResult.MaxSource, "Văn bản công bố");
        UnitRef? within = null;
        if (!string.IsNullOrWhiteSpace(request.WithinSlug))
        {
            within = (await units.FindAsync(request.WithinSlug.Trim(), ct))?.Unit;
            if (within is null)
                errors[nameof(IndexImportRequest.WithinSlug)] = "Không có đơn vị này trên trang.";
        }
        if (errors.Count > 0)
            return Outcome<IndexImportSummary>.Invalid.Of(errors);

        var components = ComponentsOf(index!, request.Year).ToList();
        var layout = new TableLayout(Columns(index!, request.Year).Select(c => new TableField(c, c is UnitColumn or ScoreColumn)).ToList())
            { Limits = limits.Value };
        var known = await KnownUnitsAsync(ct);
        var unknown = new List<string>();
        var read = TableFile.Read(file, fileName, layout, row => ToRow(row, index!, components, known, unknown));
        var lineErrors = read.Errors.ToList();
        // The same unit twice in one file is a mistake in the file, not a correction.
        foreach (var twice in read.Rows.GroupBy(r => r.Value?.Unit.Id).Where(g => g.Key is not null && g.Count() > 1).SelectMany(g => g.Skip(1)))
            lineErrors.Add(new LineError(twice.Line, UnitColumn, $"Đơn vị \"{twice.Value!.Unit.Name}\" đã có ở dòng {read.Rows.First(r => r.Value?.Unit.Id == twice.Value.Unit.Id).Line}."));
        if (lineErrors.Count > 0)
        {
            var messages = lineErrors.Select(e => KeyValuePair.Create(e.Key, e.Message)).ToList();
            if (unknown.Count > 0)
                messages.Insert(0, KeyValuePair.Create("", $"Các đơn vị chưa có trên trang (không được tạo tự động; vui lòng nhờ quản trị viên thêm đơn vị hoặc sửa tên): {string.Join("; ", unknown.Distinct())}."));
            return Outcome<IndexImportSummary>.Invalid.Of(messages);
        }

        var unitIds = read.Rows.Select(r => r.Value!.Unit.Id).ToList();
        var existing = await db.Set<IndexResult>().Include(r => r.Components).Include(r => r.Corrections)
            .Where(r => r.IndexDefinitionId == index!.Id && r.Year == request.Year && unitIds.Contains(r.UnitId)).ToDictionaryAsync(r => r.UnitId, ct);
        if (existing.Values.FirstOrDefault(r => r.PublisherUnitId != request.PublisherUnitId) is { } other)
        {
            var line = read.Rows.First(r => r.Value!.Unit.Id == other.UnitId).Line;
            return new Outcome<IndexImportSummary>.Invalid($"Dòng {line}",
                $"Kết quả năm {request.Year} của \"{read.Rows.First(r => r.Value!.Unit.Id == other.UnitId).Value!.Unit.Name}\" do đơn vị khác công bố; đơn vị này không sửa được.");
        }
        var rows = read.Rows.Select(r =>
        {
            var v = r.Value!;
            var current = existing.GetValueOrDefault(v.Unit.Id);
            var unchanged = current is not null && current.Score == v.Score && current.Rank == v.Rank && current.RankedOf == v.RankedOf
                            && ComponentsText(current.Components) == ComponentsText(v.Components);
            return v with { Line = r.Line, PreviousScore = current?.Score, IsCorrection = current is not null, Unchanged = unchanged };
        }).ToList();
        var summary = new IndexImportSummary(dryRun, rows);
        if (dryRun)
            return new Outcome<IndexImportSummary>.Ok(summary);

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in rows.Where(r => !r.Unchanged))
        {
            if (existing.GetValueOrDefault(row.Unit.Id) is { } result)
                result.Corrections.Add(new IndexResultCorrection
                {
                    At = now, UserName = actor.UserName, Score = result.Score, Rank = result.Rank, RankedOf = result.RankedOf,
                    ComponentsText = ComponentsText(result.Components),
                });
            else
            {
                result = new IndexResult { IndexDefinitionId = index!.Id, Year = request.Year, UnitId = row.Unit.Id, CreatedAt = now };
                db.Add(result);
            }
            result.Grouping = request.Grouping;
            result.WithinUnitId = within?.Id;
            result.PublisherUnitId = request.PublisherUnitId;
            result.Score = row.Score;
            result.Rank = row.Rank;
            result.RankedOf = row.RankedOf;
            result.Components.Clear();
            result.Components.AddRange(row.Components.Select(c => new IndexComponentScore { Code = c.Key, Score = c.Value }));
            result.SourceTitle = string.IsNullOrWhiteSpace(request.SourceTitle) ? null : request.SourceTitle.Trim().Normalize(NormalizationForm.FormC);
            result.SourcePostId = await SourcePostAsync(db, result.SourceTitle, ct);
            result.AnnouncedOn = request.AnnouncedOn;
            result.UpdatedAt = now;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        audit.Record(actor, AuditActions.IndexResultsImported,
            $"{index!.Code} năm {request.Year}: {summary.Added} mới, {summary.Corrected} đính chính, {summary.Unchanged} không đổi, từ {fileName}",
            nameof(IndexResult), null, request.PublisherUnitId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Outcome<IndexImportSummary>.Ok(summary);
    }

    /// <summary>Deletes a result entered by mistake; its corrections go with it, the audit entry keeps its figures.</summary>
    public async Task<Outcome<int>> DeleteAsync(int id, Actor actor, CancellationToken ct)
    {
        if (await db.Set<IndexResult>().Include(r => r.IndexDefinition).Include(r => r.Unit).FirstOrDefaultAsync(r => r.Id == id, ct) is not { } result)
            return new Outcome<int>.NotFound("Không có kết quả này.");
        db.Remove(result);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        audit.Record(actor, AuditActions.IndexResultDeleted,
            $"{result.IndexDefinition.Code} năm {result.Year}, {result.Unit.Name}: {IndexRanking.Format(result.Score)} điểm, hạng {result.Rank?.ToString() ?? "–"}",
            nameof(IndexResult), id.ToString(), result.PublisherUnitId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Outcome<int>.Ok(id);
    }

    /// <summary>A Document post whose number is cited in the source ("Quyết định số 123/QĐ-UBND …"), when the site has it.</summary>
    internal static async Task<int?> SourcePostAsync(CchcDbContext db, string? sourceTitle, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(sourceTitle))
            return null;
        var documents = await db.Posts.AsNoTracking().Where(p => p.Kind == PostKind.Document && p.Document != null && p.Document.Number != null)
            .Select(p => new { p.Id, p.Document!.Number }).ToListAsync(ct);
        return documents.FirstOrDefault(d => d.Number!.Length >= 4 && sourceTitle.Contains(d.Number, StringComparison.OrdinalIgnoreCase))?.Id;
    }

    private sealed record KnownUnits(Dictionary<string, UnitRef> BySlug, ILookup<string, UnitRef> ByName);

    private async Task<KnownUnits> KnownUnitsAsync(CancellationToken ct)
    {
        var all = (await units.RootsAsync(ct)).SelectMany(r => r.SelfAndDescendants()).Select(n => n.Unit).ToList();
        return new KnownUnits(all.ToDictionary(u => u.Slug, StringComparer.OrdinalIgnoreCase),
            all.SelectMany(u => new[] { (Key: Slug.From(u.Name), Unit: u), (Key: Slug.From(u.ShortName), Unit: u) }).Distinct().ToLookup(p => p.Key, p => p.Unit));
    }

    private static IndexImportRow? ToRow(TableRow row, IndexDefinition index, List<IndexComponent> components, KnownUnits known, List<string> unknown)
    {
        var name = row.Text(UnitColumn);
        UnitRef? unit = null;
        if (name is null)
            row.Fail(UnitColumn, "Vui lòng ghi đơn vị (địa chỉ chuyên trang hoặc tên đơn vị).");
        else if (known.BySlug.TryGetValue(name, out var bySlug))
            unit = bySlug;
        else if (known.ByName[Slug.From(name)].Distinct().ToList() is { Count: 1 } byName)
            unit = byName[0];
        else
        {
            unknown.Add(name);
            row.Fail(UnitColumn, $"Đơn vị \"{TableRow.Shorten(name)}\" chưa có trên trang (hoặc trùng tên nhiều đơn vị); trang không tự tạo đơn vị.");
        }
        var score = row.Number(ScoreColumn);
        if (score is null && row.Errors.All(e => e.Field != ScoreColumn))
            row.Fail(ScoreColumn, "Vui lòng ghi điểm.");
        var rank = row.Integer(RankColumn);
        var rankedOf = row.Integer(RankedOfColumn);
        var scores = new Dictionary<string, decimal>();
        foreach (var component in components)
            if (row.Number(component.Name) is { } value)
                scores[component.Code] = value;
        var columns = components.ToDictionary(c => c.Code, c => c.Name);
        columns[IndexFigures.Score] = ScoreColumn;
        columns[IndexFigures.Rank] = RankColumn;
        columns[IndexFigures.RankedOf] = RankedOfColumn;
        foreach (var (field, message) in IndexFigures.Check(index, score, rank, rankedOf, components.Where(c => scores.ContainsKey(c.Code))
                     .Select(c => (c, scores[c.Code]))))
            row.Fail(columns[field], message);
        return row.Errors.Count > 0 || unit is null || score is null ? null
            : new IndexImportRow(row.Line, unit, score.Value, rank, rankedOf, scores, null, false, false);
    }

    /// <summary>Component scores as stored in a correction: "code=score" pairs by code, separated by ";".</summary>
    public static string ComponentsText(IEnumerable<IndexComponentScore> scores) =>
        ComponentsText(scores.ToDictionary(s => s.Code, s => s.Score));

    internal static string ComponentsText(IReadOnlyDictionary<string, decimal> scores) =>
        string.Join(";", scores.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value.ToString("0.##", CultureInfo.InvariantCulture)}"));
}

/// <summary>Quoting for one CSV cell, as RFC 4180 writes it; a leading =, +, - or @ is prefixed so that a spreadsheet never runs it as a formula.</summary>
public static class Csv
{
    public static string Quote(string? text)
    {
        text ??= "";
        if (text.Length > 0 && "=+-@".Contains(text[0]) && !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            text = "'" + text;
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    public static byte[] Of(IEnumerable<IEnumerable<string?>> rows) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Concat(rows.Select(r => string.Join(",", r.Select(Quote)) + "\r\n")))];
}
