using CchcSite.Content.Procedures;
using CchcSite.Content.Units;

namespace CchcSite.Content.DossierResults;

/// <summary>
/// One month's figures of the one-stop desk (Bộ phận tiếp nhận và trả kết quả) for one unit and one procedure field, as the
/// one-stop software (phần mềm một cửa điện tử) exports them. One row per unit, month and field: re-importing a unit's month
/// replaces its rows.
/// </summary>
public class DossierResult
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public int Year { get; set; }
    /// <summary>1–12.</summary>
    public int Month { get; set; }
    /// <summary>The procedure field (lĩnh vực), a row of the procedures' own list.</summary>
    public int FieldId { get; set; }
    public ProcedureTerm Field { get; set; } = null!;
    public DossierFigures Figures { get; set; } = new();
    public DateTime ImportedAt { get; set; }
}

/// <summary>
/// The counts of one report (Mẫu 06 of Thông tư 01/2018/TT-VPCP words them so): dossiers received (of which online),
/// resolved on time or late, still pending within or past the time limit, and late results for which the unit sent a
/// letter of apology (thư xin lỗi). Received counts the month's new dossiers only, so the other counts need not add up to it:
/// a month also resolves dossiers received earlier.
/// </summary>
public sealed record DossierFigures
{
    public int Received { get; init; }
    public int ReceivedOnline { get; init; }
    public int ResolvedOnTime { get; init; }
    public int ResolvedLate { get; init; }
    public int PendingInTime { get; init; }
    public int PendingOverdue { get; init; }
    public int Apologies { get; init; }

    public int Resolved => ResolvedOnTime + ResolvedLate;

    /// <summary>Resolved on time among all resolved, in percent (one decimal); null when nothing was resolved.</summary>
    public decimal? OnTimeRate => Resolved == 0 ? null : Math.Round(100m * ResolvedOnTime / Resolved, 1);

    /// <summary>Received online among all received, in percent (one decimal); null when nothing was received.</summary>
    public decimal? OnlineRate => Received == 0 ? null : Math.Round(100m * ReceivedOnline / Received, 1);

    /// <summary>
    /// The sum over months or fields. Pending counts are a state at the end of a month, not a flow, so a sum over months
    /// would count one dossier in every month it waited; <see cref="Over"/> takes them from the last month instead.
    /// </summary>
    public static DossierFigures operator +(DossierFigures a, DossierFigures b) => new()
    {
        Received = a.Received + b.Received, ReceivedOnline = a.ReceivedOnline + b.ReceivedOnline,
        ResolvedOnTime = a.ResolvedOnTime + b.ResolvedOnTime, ResolvedLate = a.ResolvedLate + b.ResolvedLate,
        PendingInTime = a.PendingInTime + b.PendingInTime, PendingOverdue = a.PendingOverdue + b.PendingOverdue,
        Apologies = a.Apologies + b.Apologies,
    };

    public static DossierFigures Sum(IEnumerable<DossierFigures> figures) => figures.Aggregate(new DossierFigures(), (a, b) => a + b);

    /// <summary>
    /// A period of months (in order): the flows (received, resolved, apologies) summed, the pending counts as they stood at the
    /// end of the last month.
    /// </summary>
    public static DossierFigures Over(IReadOnlyList<DossierFigures> months)
    {
        var total = Sum(months);
        var last = months.Count > 0 ? months[^1] : new DossierFigures();
        return total with { PendingInTime = last.PendingInTime, PendingOverdue = last.PendingOverdue };
    }
}
