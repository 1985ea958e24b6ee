using System.Globalization;
using System.Text;
using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Text;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Indexes;

/// <summary>
/// One result as typed in the editor's form: text as sent (numbers may use the decimal comma), checked by
/// <see cref="IndexResultEntry"/>. The index, year, unit and publisher identify a result: a correction changes the rest.
/// </summary>
public sealed class IndexResultInput
{
    public string? IndexCode { get; set; }
    public string? Year { get; set; }
    public string? Unit { get; set; }
    public string? Publisher { get; set; }
    public string? Grouping { get; set; }
    public string? Within { get; set; }
    public string? Score { get; set; }
    public string? Rank { get; set; }
    public string? RankedOf { get; set; }
    /// <summary>Component scores by component code.</summary>
    public Dictionary<string, string?> Components { get; set; } = [];
    public string? SourceTitle { get; set; }
    /// <summary>yyyy-mm-dd, as a date field sends it, or dd/mm/yyyy.</summary>
    public string? AnnouncedOn { get; set; }

    public static string ComponentField(string code) => $"{nameof(Components)}[{code}]";

    /// <summary>The form filled with a stored result, to be corrected.</summary>
    public static IndexResultInput Of(IndexResult result, string unitSlug, string publisherSlug, string? withinSlug) => new()
    {
        IndexCode = result.IndexDefinition.Code, Year = result.Year.ToString(CultureInfo.InvariantCulture), Unit = unitSlug, Publisher = publisherSlug,
        Grouping = result.Grouping.ToString(), Within = withinSlug, Score = IndexRanking.Format(result.Score),
        Rank = result.Rank?.ToString(CultureInfo.InvariantCulture), RankedOf = result.RankedOf?.ToString(CultureInfo.InvariantCulture),
        Components = result.Components.ToDictionary(c => c.Code, c => (string?)IndexRanking.Format(c.Score)),
        SourceTitle = result.SourceTitle, AnnouncedOn = result.AnnouncedOn is { } on ? VietnameseDate.FormatDate(on) : null,
    };
}

/// <summary>
/// Enters one result, or corrects one, from the editor's form, under the same rules as an imported row
/// (<see cref="IndexFigures"/>); a correction keeps the earlier figures (<see cref="IndexResultCorrection"/>) and its audit entry
/// names the old and the new. The caller has checked <see cref="Accounts.EditorAction.ManageIndexResults"/> on the publishing unit.
/// </summary>
public sealed class IndexResultEntry(CchcDbContext db, UnitDirectory units, AuditLog audit, TimeProvider clock)
{

    /// <summary>A new result published by <paramref name="publisherUnitId"/>; one the unit already has in that index and year is refused.</summary>
    public async Task<Outcome<int>> AddAsync(IndexResultInput input, int publisherUnitId, Actor actor, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var index = await db.Set<IndexDefinition>().Include(i => i.Components).FirstOrDefaultAsync(i => i.Code == (input.IndexCode ?? "").Trim().ToUpper(), ct);
        if (index is null)
            errors[nameof(input.IndexCode)] = "Vui lòng chọn chỉ số.";
        if (!int.TryParse(input.Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
            errors[nameof(input.Year)] = "Năm đánh giá phải từ 2000 đến 2100.";
        var unit = string.IsNullOrWhiteSpace(input.Unit) ? null : (await units.FindAsync(input.Unit.Trim(), ct))?.Unit;
        if (unit is null)
            errors[nameof(input.Unit)] = "Vui lòng chọn đơn vị được đánh giá.";
        else if (index is not null && await db.Set<IndexResult>().AnyAsync(r => r.IndexDefinitionId == index.Id && r.Year == year && r.UnitId == unit.Id, ct))
            errors[nameof(input.Unit)] = $"{unit.Name} đã có kết quả {index.Code} năm {year}; vui lòng đính chính kết quả đó.";
        if (index is null || errors.ContainsKey(nameof(input.Year)))
            return Outcome<int>.Invalid.Of(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var result = new IndexResult
        {
            IndexDefinitionId = index.Id, IndexDefinition = index, Year = year, UnitId = unit?.Id ?? 0, PublisherUnitId = publisherUnitId, CreatedAt = now,
        };
        if (await FillAsync(result, input, errors, ct) is false || errors.Count > 0)
            return Outcome<int>.Invalid.Of(errors);
        result.UpdatedAt = now;
        db.Add(result);
        return await SaveAsync(result, actor, AuditActions.IndexResultEntered, $"{index.Code} năm {year}, {unit!.Name}: {Figures(result)}", ct);
    }

    /// <summary>Corrects a result's figures and details; the earlier figures go to its history when any of them changed.</summary>
    public async Task<Outcome<int>> CorrectAsync(int id, IndexResultInput input, Actor actor, CancellationToken ct)
    {
        if (await db.Set<IndexResult>().Include(r => r.IndexDefinition).ThenInclude(i => i.Components).Include(r => r.Unit)
                .Include(r => r.Components).Include(r => r.Corrections).FirstOrDefaultAsync(r => r.Id == id, ct) is not { } result)
            return new Outcome<int>.NotFound("Không có kết quả này.");
        var before = new IndexResultCorrection
        {
            At = clock.GetUtcNow().UtcDateTime, UserName = actor.UserName, Score = result.Score, Rank = result.Rank, RankedOf = result.RankedOf,
            ComponentsText = IndexEditing.ComponentsText(result.Components),
        };
        var beforeText = Figures(result);
        var errors = new Dictionary<string, string>();
        if (!await FillAsync(result, input, errors, ct) || errors.Count > 0)
            return Outcome<int>.Invalid.Of(errors);
        var figuresChanged = before.Score != result.Score || before.Rank != result.Rank || before.RankedOf != result.RankedOf
                             || before.ComponentsText != IndexEditing.ComponentsText(result.Components);
        if (figuresChanged)
            result.Corrections.Add(before);
        result.UpdatedAt = before.At;
        return await SaveAsync(result, actor, AuditActions.IndexResultCorrected,
            $"{result.IndexDefinition.Code} năm {result.Year}, {result.Unit.Name}: " + (figuresChanged ? $"{beforeText} → {Figures(result)}" : "sửa thông tin công bố, số liệu không đổi"), ct);
    }

    /// <summary>Reads the form into the result; false (with messages) when a figure cannot be read or breaks the rules.</summary>
    private async Task<bool> FillAsync(IndexResult result, IndexResultInput input, Dictionary<string, string> errors, CancellationToken ct)
    {
        var index = result.IndexDefinition;
        if (!Enum.TryParse<IndexGrouping>(input.Grouping, ignoreCase: false, out var grouping) || !Enum.IsDefined(grouping))
            errors[nameof(input.Grouping)] = "Vui lòng chọn nhóm xếp hạng.";
        UnitRef? within = null;
        if (!string.IsNullOrWhiteSpace(input.Within) && (within = (await units.FindAsync(input.Within.Trim(), ct))?.Unit) is null)
            errors[nameof(input.Within)] = "Không có đơn vị này trên trang.";
        decimal? score = null;
        if (string.IsNullOrWhiteSpace(input.Score))
            errors[nameof(input.Score)] = "Vui lòng ghi điểm.";
        else if ((score = IndexFigures.Parse(input.Score.Trim())) is null)
            errors[nameof(input.Score)] = "Điểm phải là số, ví dụ 85,25.";
        var rank = Integer(input.Rank, nameof(input.Rank), "Xếp hạng", errors);
        var rankedOf = Integer(input.RankedOf, nameof(input.RankedOf), "Số đơn vị xếp hạng", errors);
        var components = index.Components.Where(c => c.AppliesTo(result.Year)).OrderBy(c => c.SortOrder).ToList();
        var scores = new List<(IndexComponent Component, decimal Score)>();
        foreach (var component in components)
        {
            if (input.Components.GetValueOrDefault(component.Code) is not { } text || string.IsNullOrWhiteSpace(text))
                continue;
            if (IndexFigures.Parse(text.Trim()) is { } value)
                scores.Add((component, value));
            else
                errors[IndexResultInput.ComponentField(component.Code)] = $"\"{component.Name}\": điểm phải là số.";
        }
        foreach (var (field, message) in IndexFigures.Check(index, score, rank, rankedOf, scores))
            errors.TryAdd(field switch
            {
                IndexFigures.Score => nameof(input.Score),
                IndexFigures.Rank => nameof(input.Rank),
                IndexFigures.RankedOf => nameof(input.RankedOf),
                _ => IndexResultInput.ComponentField(field),
            }, message);
        TextLimit.Check(errors, nameof(input.SourceTitle), input.SourceTitle, IndexResult.MaxSource, "Văn bản công bố");
        var announcedOn = VietnameseDate.ParseDate(input.AnnouncedOn);
        if (announcedOn.Problem is not null)
            errors[nameof(input.AnnouncedOn)] = "Ngày công bố phải có dạng dd/mm/yyyy.";
        if (errors.Count > 0)
            return false;
        result.Grouping = grouping;
        result.WithinUnitId = within?.Id;
        result.Score = score!.Value;
        result.Rank = rank;
        result.RankedOf = rankedOf;
        result.Components.Clear();
        result.Components.AddRange(scores.Select(s => new IndexComponentScore { Code = s.Component.Code, Score = s.Score }));
        result.SourceTitle = string.IsNullOrWhiteSpace(input.SourceTitle) ? null : input.SourceTitle.Trim().Normalize(NormalizationForm.FormC);
        result.SourcePostId = await IndexEditing.SourcePostAsync(db, result.SourceTitle, ct);
        result.AnnouncedOn = announcedOn.Value;
        return true;
    }

    private static int? Integer(string? text, string field, string label, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return value;
        errors[field] = $"{label} phải là số nguyên.";
        return null;
    }

    private async Task<Outcome<int>> SaveAsync(IndexResult result, Actor actor, string action, string summary, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        audit.Record(actor, action, summary, nameof(IndexResult), result.Id.ToString(CultureInfo.InvariantCulture), result.PublisherUnitId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Outcome<int>.Ok(result.Id);
    }

    /// <summary>"điểm 82,5, hạng 1/8, thành phần TTHC=12": what an audit entry says of the figures.</summary>
    private static string Figures(IndexResult result) =>
        $"điểm {IndexRanking.Format(result.Score)}, hạng {(result.Rank is { } rank ? $"{rank}{(result.RankedOf is { } of ? $"/{of}" : "")}" : "tự tính")}"
        + (result.Components.Count > 0 ? $", thành phần {IndexEditing.ComponentsText(result.Components)}" : "");
}
