using System.Globalization;
using System.Text.Json;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CchcSite.Content.Procedures;

/// <summary>
/// A procedure as text, field by field under its Vietnamese name: what a revision stores and what two versions are
/// compared by (the editor's history, the import's dry run), so both name the same fields the same way.
/// </summary>
public static class ProcedureSnapshot
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>The fields in the order the page shows them; lists one item per line.</summary>
    public static IReadOnlyDictionary<string, string> Fields(Procedure p, string fieldName, string levelName, IReadOnlyList<string> unitSlugs) =>
        new Dictionary<string, string>
        {
            ["Tên thủ tục"] = p.Name,
            ["Lĩnh vực"] = fieldName,
            ["Cấp thực hiện"] = levelName,
            ["Loại thủ tục"] = p.ProcedureType ?? "",
            ["Cơ quan thực hiện"] = p.ImplementingBody,
            ["Cơ quan có thẩm quyền"] = p.CompetentBody ?? "",
            ["Địa chỉ tiếp nhận hồ sơ"] = p.WhereToSubmit ?? "",
            ["Trình tự thực hiện"] = string.Join("\n", p.Steps),
            ["Cách thức thực hiện"] = string.Join("\n", p.Ways.Select(w => string.Join(" | ", w.Channel.Vietnamese(), w.ProcessingTime, w.Fee, w.Description))),
            ["Thành phần hồ sơ"] = string.Join("\n", p.Dossier.Select(d =>
                string.Join(" | ", d.Name, $"{d.Originals.ToString(CultureInfo.InvariantCulture)} bản chính", $"{d.Copies.ToString(CultureInfo.InvariantCulture)} bản sao", d.FormName))),
            ["Thời hạn giải quyết"] = p.ProcessingTime,
            ["Phí, lệ phí"] = p.Fees,
            ["Đối tượng thực hiện"] = p.Subjects,
            ["Kết quả thực hiện"] = p.Result,
            ["Căn cứ pháp lý"] = string.Join("\n", p.LegalBases.Select(l => l.Text)),
            ["Yêu cầu, điều kiện"] = p.Requirements ?? "",
            ["Mức độ dịch vụ công trực tuyến"] = p.OnlineLevel.Vietnamese(),
            ["Địa chỉ trên Cổng Dịch vụ công"] = p.PortalUrl ?? "",
            ["Đơn vị giải quyết"] = string.Join(", ", unitSlugs),
            ["Quyết định công bố"] = p.DecisionNumber is null ? "" : $"{p.DecisionNumber} {(p.DecisionDate is { } date ? Text.VietnameseDate.FormatDate(date) : "")}".Trim(),
            ["Tình trạng"] = p.Status.Vietnamese(),
            ["Thay thế bởi"] = p.ReplacedByCode ?? "",
        };

    public static string ToJson(IReadOnlyDictionary<string, string> fields) => JsonSerializer.Serialize(fields, Json);

    /// <summary>The names of the fields whose text differs, in the page's order.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        after.Where(f => !before.TryGetValue(f.Key, out var old) || old != f.Value).Select(f => f.Key).ToList();
}
