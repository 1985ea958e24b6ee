using System.IO.Compression;
using System.Security;
using System.Text;

namespace CchcSite.Testing.Hostile;

/// <summary>
/// Small XLSX files that attack a spreadsheet reader, written part by part so that every address, type and size
/// is exactly the hostile one (a spreadsheet library would refuse to write most of them). Each takes the
/// template's titles and one valid row of it, so any import can be attacked with its own columns.
/// </summary>
public static class HostileSpreadsheets
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>The column of the finding: "JWRTH" is column 4,986,705, and a reader that sizes rows by address allocates that.</summary>
    public const string FarColumn = "JWRTH";

    /// <summary>An ordinary file: the header and the row, as inline strings.</summary>
    public static byte[] Valid(IReadOnlyList<string> header, IReadOnlyList<string> row) =>
        Workbook(Row(1, header) + Row(2, row));

    /// <summary>Rows that each also have a cell far to the right.</summary>
    public static byte[] CellFarRight(IReadOnlyList<string> header, IReadOnlyList<string> row, int rows = 20) =>
        Workbook(Row(1, header) + string.Concat(Enumerable.Range(2, rows).Select(line =>
            Row(line, row, $"""<c r="{FarColumn}{line}" t="inlineStr"><is><t>x</t></is></c>"""))));

    /// <summary>The row's first cell points at shared string 99 of a table of one.</summary>
    public static byte[] SharedStringOutOfRange(IReadOnlyList<string> header, IReadOnlyList<string> row) =>
        Workbook(Row(1, header) + Row(2, row, firstCell: """<c r="A2" t="s"><v>99</v></c>"""), sharedStrings: ["một"]);

    /// <summary>The row's first cell is a number cell whose value is not a number.</summary>
    public static byte[] TextInNumberCell(IReadOnlyList<string> header, IReadOnlyList<string> row) =>
        Workbook(Row(1, header) + Row(2, row, firstCell: """<c r="A2" t="n"><v>abc</v></c>"""));

    /// <summary>
    /// A valid sheet whose shared-string part unpacks to <paramref name="unpackedBytes"/> of one string (64 MB by
    /// default) from a few tens of kilobytes.
    /// </summary>
    public static byte[] ZipBomb(IReadOnlyList<string> header, IReadOnlyList<string> row, int unpackedBytes = 64 * 1024 * 1024) =>
        Workbook(Row(1, header) + Row(2, row), sharedStrings: [], bomb: unpackedBytes);

    /// <summary>
    /// The header and the row repeated <paramref name="rows"/> times (100,000 by default), its values as shared
    /// strings so that the sheet stays under a reader's size bound and only the row bound can stop it.
    /// </summary>
    public static byte[] ManyRows(IReadOnlyList<string> header, IReadOnlyList<string> row, int rows = 100_000)
    {
        var cells = string.Concat(row.Select((value, i) => value.Length == 0 ? "<c/>" : $"""<c t="s"><v>{i}</v></c>"""));
        var data = new StringBuilder(Row(1, header));
        for (var i = 0; i < rows; i++)
            data.Append("<row>").Append(cells).Append("</row>");
        return Workbook(data.ToString(), sharedStrings: row);
    }

    /// <summary>A valid sheet in a package of <paramref name="parts"/> parts.</summary>
    public static byte[] ManyParts(IReadOnlyList<string> header, IReadOnlyList<string> row, int parts = 10_000) =>
        Workbook(Row(1, header) + Row(2, row), extraParts: parts);

    private static string Row(int line, IReadOnlyList<string> values, string extra = "", string? firstCell = null) =>
        $"""<row r="{line}">{firstCell}{Cells(firstCell is null ? values : values.Skip(1).ToList(), line, firstCell is null ? 0 : 1)}{extra}</row>""";

    /// <summary>Inline-string cells, addressed when the line is given.</summary>
    private static string Cells(IReadOnlyList<string> values, int? line, int firstColumn = 0) =>
        string.Concat(values.Select((value, i) =>
            $"""<c{(line is null ? "" : $" r=\"{(char)('A' + firstColumn + i)}{line}\"")} t="inlineStr"><is><t>{SecurityElement.Escape(value)}</t></is></c>"""));

    private static byte[] Workbook(string sheetData, IReadOnlyList<string>? sharedStrings = null, int bomb = 0, int extraParts = 0)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var withStrings = sharedStrings is not null;
            Add(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
                </Types>
                """);
            Add(zip, "_rels/.rels", """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """);
            Add(zip, "xl/workbook.xml", $"""
                <workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>
                """);
            Add(zip, "xl/_rels/workbook.xml.rels", $"""
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>{(withStrings ? """<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>""" : "")}</Relationships>
                """);
            Add(zip, "xl/worksheets/sheet1.xml", $"""<worksheet xmlns="{Main}"><sheetData>{sheetData}</sheetData></worksheet>""");
            if (withStrings)
            {
                var entry = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Fastest);
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                writer.Write($"""<sst xmlns="{Main}">""");
                foreach (var text in sharedStrings!)
                    writer.Write($"<si><t>{SecurityElement.Escape(text)}</t></si>");
                if (bomb > 0)
                {
                    writer.Write("<si><t>");
                    var block = new string('a', 64 * 1024);
                    for (var written = 0; written < bomb; written += block.Length)
                        writer.Write(block);
                    writer.Write("</t></si>");
                }
                writer.Write("</sst>");
            }
            for (var i = 0; i < extraParts; i++)
                Add(zip, $"xl/media/part{i}.xml", "<a/>");
        }
        return stream.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
