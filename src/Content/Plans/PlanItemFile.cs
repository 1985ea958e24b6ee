using System.Text;
using CchcSite.Content.Imports;

namespace CchcSite.Content.Plans;

/// <summary>
/// Plan items in a CSV or XLSX file with the template's columns, read by <see cref="TableFile"/>. Reading never
/// stores anything: the caller stores the rows only when there is no error at all.
/// </summary>
public static class PlanItemFile
{
    /// <summary>The template's columns, in order; files are matched by these titles, ignoring case and tones.</summary>
    public static readonly string[] Columns =
        ["STT", "Nhóm", "Nội dung", "Hình thức", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện", "Sản phẩm"];

    private static readonly string[] Required = ["Nội dung", "Đơn vị chủ trì", "Thời gian thực hiện"];

    private static readonly TableLayout Layout = new(Columns.Select(c => new TableField(c, Required.Contains(c))).ToList());

    /// <summary>The column each of <see cref="PlanItemInput.Validate"/>'s fields comes from.</summary>
    private static readonly Dictionary<string, string> ColumnOfField = new()
    {
        [nameof(PlanItemInput.Order)] = "STT",
        [nameof(PlanItemInput.Content)] = "Nội dung",
        [nameof(PlanItemInput.Lead)] = "Đơn vị chủ trì",
        [nameof(PlanItemInput.TimingText)] = "Thời gian thực hiện",
        [nameof(PlanItemInput.Group)] = "Nhóm",
        [nameof(PlanItemInput.Form)] = "Hình thức",
        [nameof(PlanItemInput.Coordinators)] = "Đơn vị phối hợp",
        [nameof(PlanItemInput.ExpectedOutput)] = "Sản phẩm",
    };

    public static TableImport<PlanItemInput> Read(Stream file, string fileName, TableLimits limits) =>
        TableFile.Read(file, fileName, Layout with { Limits = limits }, ToInput);

    private static PlanItemInput ToInput(TableRow row)
    {
        var input = new PlanItemInput(row.Integer("STT"), row.Text("Nhóm"), row.Text("Nội dung") ?? "", row.Text("Hình thức"),
            row.Text("Đơn vị chủ trì") ?? "", row.Text("Đơn vị phối hợp"), row.Text("Thời gian thực hiện") ?? "", row.Text("Sản phẩm"));
        // A number that could not be read is already reported; the empty fields it leaves are not reported again.
        if (row.Errors.Count == 0)
            foreach (var (field, message) in input.Validate())
                row.Fail(ColumnOfField.GetValueOrDefault(field), message);
        return input;
    }

    public static byte[] CsvTemplate() =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join(",", Columns) + "\r\n")];

    public static byte[] XlsxTemplate() => TableTemplate.Xlsx("Nhiệm vụ", Columns);
}
