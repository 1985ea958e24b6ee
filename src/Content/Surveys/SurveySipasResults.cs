using System.Globalization;
using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Indexes;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Text;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Surveys;

/// <summary>The unit's SIPAS result a save would replace: its score, where it came from, and who published it.</summary>
public sealed record ExistingSipasResult(int Id, decimal Score, string? Source, string PublisherName, bool PublishedByTheUnit);

/// <summary>
/// What the officers' results page of a SIPAS-style survey offers: its overall satisfaction, the year it would be saved under
/// (the survey's last day, Vietnam time), the responses, the source text the result would carry, the unit's current result for
/// that year, and <see cref="Problem"/>, why it cannot be saved now (null when it can).
/// </summary>
public sealed record SipasOffer(int Year, OverallSatisfaction Figure, int Responses, string Source, ExistingSipasResult? Existing, string? Problem);

/// <summary>
/// Saves a closed SIPAS-style survey's overall satisfaction (<see cref="SurveySatisfaction"/>) as the unit's SIPAS result for the
/// year it closed, through the index results' own entry (<see cref="IndexResultEntry"/>): a new result, or a correction of the one
/// the unit published, which keeps the earlier figures; the index year's search document and the audit entry follow from it. The
/// unit publishes the result, grouped by its level among the units of its parent. The caller has checked
/// <see cref="Accounts.EditorAction.SaveSurveySipasResult"/> on the survey's unit.
/// </summary>
public sealed class SurveySipasResults(CchcDbContext db, SurveyResults results, IndexResultEntry entry, UnitDirectory units, TimeProvider clock)
{
    public const string ReplaceField = "thay-the";

    /// <summary>The offer for a survey's results; null when the survey is not SIPAS-style.</summary>
    public async Task<SipasOffer?> OfferAsync(SurveyResultsView view, CancellationToken ct)
    {
        if (SurveySatisfaction.Of(view) is not { } figure)
            return null;
        var closed = SurveyDates.LastDate(view.ClosesAt);
        var source = $"Khảo sát “{view.Title}”, {view.Responses.ToString(CultureInfo.InvariantCulture)} phiếu, đóng ngày {VietnameseDate.FormatDate(closed)}";
        var index = await db.Set<IndexDefinition>().AsNoTracking().Where(i => i.Code == IndexDefinition.SipasCode).Select(i => (int?)i.Id).SingleOrDefaultAsync(ct);
        var existing = index is null ? null
            : await db.Set<IndexResult>().AsNoTracking().Where(r => r.IndexDefinitionId == index && r.Year == closed.Year && r.UnitId == view.UnitId)
                .Select(r => new { r.Id, r.Score, r.SourceTitle, r.PublisherUnitId }).SingleOrDefaultAsync(ct);
        var current = existing is null ? null
            : new ExistingSipasResult(existing.Id, existing.Score, existing.SourceTitle,
                (await units.FindAsync(existing.PublisherUnitId, ct))?.Unit.Name ?? "đơn vị khác", existing.PublisherUnitId == view.UnitId);
        var problem = view.State is not (SurveyState.Closed or SurveyState.Published)
            ? "Khảo sát chưa đóng: chỉ lưu được kết quả SIPAS sau khi đóng khảo sát."
            : figure.Answers == 0 ? "Khảo sát chưa có câu trả lời nào cho các câu hỏi hài lòng; không có số liệu để lưu."
            : index is null ? "Trang không còn chỉ số SIPAS (quản trị viên đã xóa); vui lòng nhờ quản trị viên tạo lại chỉ số SIPAS tại Chỉ số CCHC."
            : current is { PublishedByTheUnit: false } ? $"Kết quả SIPAS năm {closed.Year} của đơn vị do {current.PublisherName} công bố; đơn vị không thay được bằng kết quả khảo sát."
            : null;
        return new SipasOffer(closed.Year, figure, view.Responses, source, current, problem);
    }

    /// <summary>
    /// Saves the figure; when the unit already has a result for that year, only with <paramref name="replace"/> (the officer
    /// confirmed). Every refusal is a Vietnamese message and stores nothing.
    /// </summary>
    public async Task<Outcome<int>> SaveAsync(int surveyId, bool replace, Actor actor, CancellationToken ct)
    {
        if (await results.ReadAsync(surveyId, withTexts: false, ct) is not { } view)
            return new Outcome<int>.NotFound("Không tìm thấy khảo sát.");
        if (await OfferAsync(view, ct) is not { } offer)
            return new Outcome<int>.Invalid("", "Khảo sát này không phải khảo sát mức độ hài lòng kiểu SIPAS (không có câu hỏi chỉ số về mức độ hài lòng).");
        if (offer.Problem is not null)
            return new Outcome<int>.Invalid("", offer.Problem);
        if (offer.Existing is { } existing && !replace)
            return new Outcome<int>.Invalid(ReplaceField,
                $"Đơn vị đã có kết quả SIPAS năm {offer.Year}: {IndexRanking.Format(existing.Score)}%. Vui lòng đánh dấu xác nhận thay kết quả đó bằng kết quả khảo sát.");
        var unit = (await units.FindAsync(view.UnitId, ct))!;
        var grouping = GroupingOf(unit.Unit.Kind);
        var input = new IndexResultInput
        {
            IndexCode = IndexDefinition.SipasCode, Year = offer.Year.ToString(CultureInfo.InvariantCulture), Unit = unit.Unit.Slug, Publisher = unit.Unit.Slug,
            Grouping = grouping.ToString(), Within = grouping == IndexGrouping.Provinces ? null : unit.Parent?.Slug,
            Score = offer.Figure.Percent.ToString("0.0", CultureInfo.InvariantCulture), SourceTitle = offer.Source,
            AnnouncedOn = VietnameseDate.FormatDate(VietnamTime.Today(clock)),
        };
        return offer.Existing is { } replaced
            ? await entry.CorrectAsync(replaced.Id, input, actor, ct)
            : await entry.AddAsync(input, view.UnitId, actor, ct);
    }

    /// <summary>The group a unit's own result is ranked in, by its level: provinces nationwide, the others among their parent's units.</summary>
    private static IndexGrouping GroupingOf(UnitKind kind) => kind switch
    {
        UnitKind.Province => IndexGrouping.Provinces,
        UnitKind.Department => IndexGrouping.Departments,
        UnitKind.District => IndexGrouping.Districts,
        UnitKind.Ward => IndexGrouping.Wards,
        _ => IndexGrouping.Other,
    };
}
