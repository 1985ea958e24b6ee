using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace CchcSite.Content.Imports;

/// <summary>The records of a CSV file (UTF-8, comma, semicolon or tab as Excel writes them), numbered as a text editor numbers lines.</summary>
internal static class CsvTable
{
    public static IEnumerable<SourceRow> Rows(Stream file, TableLimits limits)
    {
        var badQuote = false;
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            BadDataFound = _ => badQuote = true,
        });
        while (csv.Read())
        {
            // RawRow is the record's last line; a quoted cell with line breaks started the record earlier.
            var breaks = csv.RawRecord.AsSpan().TrimEnd("\r\n").Count('\n');
            var row = new SourceRow(csv.RawRow - breaks);
            if (badQuote)
                row.Errors.Add(new LineError(row.Line, null, "Dòng có dấu ngoặc kép (\") không đúng chỗ."));
            badQuote = false;
            // Fields are read one by one: the record's width is never allocated beyond the limit.
            var width = Math.Min(csv.Count, limits.MaxColumns);
            for (var i = 0; i < width; i++)
                row.Cells.Add(new SourceCell(i, csv[i]));
            for (var i = width; i < csv.Count; i++)
                if (!string.IsNullOrWhiteSpace(csv[i]))
                {
                    row.Beyond(limits.MaxColumns, $"cột thứ {Figures.Of(i + 1)}");
                    break;
                }
            yield return row;
        }
    }
}
