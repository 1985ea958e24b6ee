using System.Xml;
using CchcSite.Content.Text;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;

namespace CchcSite.Content.Imports;

/// <summary>
/// The one reader of imported tables (CSV or XLSX with a header row): the plan rows today, and the procedures,
/// index results, contests and surveys that follow. It bounds the file before reading it and the rows and
/// columns while reading, and turns every malformed cell into a line error: a file never makes it throw.
/// Reading stores nothing; each row is handed to <c>map</c>, and the importer stores the rows only when the
/// result has no error at all.
/// </summary>
public static class TableFile
{
    public static TableImport<T> Read<T>(Stream file, string fileName, TableLayout layout, Func<TableRow, T> map)
    {
        var limits = layout.Limits;
        try
        {
            var seekable = Seekable(file, limits.MaxUnpackedBytes);
            if (seekable is null)
                return TableImport<T>.Refused($"Tệp lớn hơn {limits.MaxUnpackedBytes / (1024 * 1024)} MB; vui lòng chia thành nhiều tệp.");
            using var _ = seekable == file ? null : seekable;
            var rows = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? XlsxTable.Rows(seekable, limits) : CsvTable.Rows(seekable, limits);
            return Collect(rows, layout, map);
        }
        catch (TableFileException e)
        {
            return TableImport<T>.Refused(e.Message);
        }
        catch (Exception e) when (e is CsvHelperException or OpenXmlPackageException or InvalidDataException or FileFormatException
                                       or XmlException)
        {
            return TableImport<T>.Refused("Không đọc được tệp. Vui lòng dùng tệp mẫu (CSV UTF-8 hoặc XLSX).");
        }
    }

    private static TableImport<T> Collect<T>(IEnumerable<SourceRow> rows, TableLayout layout, Func<TableRow, T> map)
    {
        var limits = layout.Limits;
        var titles = layout.Titles.ToHashSet();
        var records = new List<TableRecord<T>>();
        var errors = new List<LineError>();
        Dictionary<int, string>? header = null;
        var headerLine = 0;
        var count = 0;
        foreach (var source in rows)
        {
            if (source.IsBlank)
                continue;
            if (header is null)
            {
                headerLine = source.Line;
                header = Header(source, layout);
                var missing = layout.Columns.Where(c => c.Required && !header.ContainsValue(c.Title)).Select(c => c.Title).ToList();
                if (missing.Count > 0)
                    return new([], [new LineError(headerLine, null, $"Dòng tiêu đề thiếu cột: {string.Join(", ", missing)}. Vui lòng dùng tệp mẫu.")]);
                continue;
            }
            if (++count > limits.MaxRows)
            {
                errors.Add(new LineError(source.Line, null,
                    $"Tệp có hơn {Figures.Of(limits.MaxRows)} dòng dữ liệu; vui lòng chia thành nhiều tệp."));
                break;
            }
            var row = Row(source, header, titles, limits);
            var value = map(row);
            if (row.Errors.Count == 0)
                records.Add(new TableRecord<T>(row.Line, value));
            else
                errors.AddRange(row.Errors);
            if (errors.Count >= limits.MaxErrors)
            {
                errors.Add(new LineError(0, null, $"Đã dừng đọc sau {limits.MaxErrors} lỗi; vui lòng sửa các dòng trên rồi nhập lại."));
                break;
            }
        }
        if (header is null)
            return TableImport<T>.Refused("Tệp không có dữ liệu.");
        if (records.Count == 0 && errors.Count == 0)
            errors.Add(new LineError(headerLine, null, "Tệp chỉ có dòng tiêu đề, chưa có dòng dữ liệu nào."));
        return new TableImport<T>(errors.Count == 0 ? records : [], errors);
    }

    /// <summary>Which position holds which of the layout's columns; titles match ignoring case and tones, the first one wins.</summary>
    private static Dictionary<int, string> Header(SourceRow source, TableLayout layout)
    {
        var bySlug = layout.Columns.ToDictionary(c => Slug.From(c.Title), c => c.Title);
        var header = new Dictionary<int, string>();
        foreach (var cell in source.Cells)
            if (cell.Problem is null && bySlug.Remove(Slug.From(cell.Text), out var title))
                header[cell.Column] = title;
        return header;
    }

    private static TableRow Row(SourceRow source, Dictionary<int, string> header, IReadOnlySet<string> titles, TableLimits limits)
    {
        var cells = new Dictionary<string, SourceCell>();
        var errors = new List<LineError>(source.Errors);
        foreach (var cell in source.Cells)
        {
            if (!header.TryGetValue(cell.Column, out var title))
                continue;
            if (cell.Problem is { } problem)
                errors.Add(new LineError(source.Line, title, $"Cột \"{title}\": {problem}."));
            else if (cell.Text.Length > limits.MaxCellLength)
                errors.Add(new LineError(source.Line, title, $"Cột \"{title}\" dài quá {Figures.Of(limits.MaxCellLength)} ký tự."));
            else
                cells[title] = cell;
        }
        return new TableRow(source.Line, cells, titles, errors);
    }

    /// <summary>The file itself when it can seek (an upload or a memory stream), else a copy; null when it is larger than the bound.</summary>
    private static Stream? Seekable(Stream file, long max)
    {
        if (file.CanSeek)
            return file.Length - file.Position > max ? null : file;
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = file.Read(buffer)) > 0)
        {
            if (copy.Length + read > max)
            {
                copy.Dispose();
                return null;
            }
            copy.Write(buffer, 0, read);
        }
        copy.Position = 0;
        return copy;
    }
}
