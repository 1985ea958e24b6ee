using System.Text;
using CchcSite.Content.Imports;
using CchcSite.Testing.Hostile;

namespace CchcSite.Content.Tests.Imports;

/// <summary>The one import reader, attacked with the hostile spreadsheets and fed ordinary files.</summary>
public class TableFileTests
{
    private static readonly string[] Header = ["STT", "Nội dung", "Ngày", "Điểm"];
    private static readonly string[] Row = ["1", "Nội dung một", "18/02/2022", "9,5"];

    private static readonly TableLayout Layout = new([new("STT"), new("Nội dung", Required: true), new("Ngày"), new("Điểm")]);

    private sealed record Entry(int? Order, string? Content, DateOnly? Day, decimal? Score);

    private static TableImport<Entry> Read(byte[] file, string name = "bang.xlsx", TableLayout? layout = null) =>
        TableFile.Read(new MemoryStream(file), name, layout ?? Layout,
            row => new Entry(row.Integer("STT"), row.Text("Nội dung"), row.Date("Ngày"), row.Number("Điểm")));

    /// <summary>Bytes allocated on this thread while reading; the reader works on the caller's thread.</summary>
    private static (TableImport<Entry> Result, long Allocated) Measured(byte[] file)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Read(file);
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private const long Generous = 50L * 1024 * 1024;

    [Fact]
    public void Cells_addressed_at_column_JWRTH_are_line_errors_and_no_row_is_allocated_that_wide()
    {
        var (result, allocated) = Measured(HostileSpreadsheets.CellFarRight(Header, Row));

        Assert.Empty(result.Rows);
        Assert.Equal(Enumerable.Range(2, 20), result.Errors.Select(e => e.Line));
        Assert.All(result.Errors, e => Assert.Contains($"ô {HostileSpreadsheets.FarColumn}", e.Message));
        Assert.All(result.Errors, e => Assert.Contains("ngoài 50 cột", e.Message));
        Assert.True(allocated < Generous, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void A_shared_string_index_out_of_range_is_an_error_of_its_line_and_column()
    {
        var result = Read(HostileSpreadsheets.SharedStringOutOfRange(Header, Row));

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "STT"), (error.Line, error.Field));
        Assert.Contains("ô A2 trỏ tới một chuỗi không có trong tệp", error.Message);
    }

    [Fact]
    public void Text_in_a_number_cell_is_an_error_of_its_line_and_column()
    {
        var result = Read(HostileSpreadsheets.TextInNumberCell(Header, Row));

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "STT"), (error.Line, error.Field));
        Assert.Contains("giá trị số không đọc được \"abc\"", error.Message);
    }

    [Fact]
    public void A_zip_bomb_is_refused_from_its_directory_without_unpacking()
    {
        var (result, allocated) = Measured(HostileSpreadsheets.ZipBomb(Header, Row));

        var error = Assert.Single(result.Errors);
        Assert.Equal(0, error.Line);
        Assert.Contains("khi giải nén lớn hơn 16 MB", error.Message);
        Assert.True(allocated < 5 * 1024 * 1024, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void A_hundred_thousand_rows_stop_at_the_row_limit_with_bounded_memory()
    {
        var (result, allocated) = Measured(HostileSpreadsheets.ManyRows(Header, Row));

        Assert.Empty(result.Rows);
        var error = Assert.Single(result.Errors);
        Assert.Equal(5002, error.Line);
        Assert.Contains("hơn 5.000 dòng", error.Message);
        Assert.True(allocated < Generous, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void A_package_of_thousands_of_parts_is_refused()
    {
        var error = Assert.Single(Read(HostileSpreadsheets.ManyParts(Header, Row)).Errors);
        Assert.Contains("nhiều hơn 200 phần", error.Message);
    }

    [Fact]
    public void Bounds_are_the_layouts_own()
    {
        var narrow = Layout with { Limits = new TableLimits { MaxColumns = 3, MaxCellLength = 11 } };

        var errors = Read(HostileSpreadsheets.Valid(Header, Row), layout: narrow).Errors;

        Assert.Equal([(2, null), (2, "Nội dung")], errors.Select(e => (e.Line, e.Field)));
        Assert.Contains("ô D2, ngoài 3 cột đầu tiên", errors[0].Message);
        Assert.Contains("dài quá 11 ký tự", errors[1].Message);
    }

    [Fact]
    public void An_ordinary_xlsx_gives_typed_values_by_column_title()
    {
        var result = Read(HostileSpreadsheets.Valid(["nội DUNG", "Điểm", "Ngay", "Cột khác", "stt"], ["Nội dung một", "9,5", "2022-02-18", "x", "7."]));

        Assert.Empty(result.Errors);
        var row = Assert.Single(result.Rows);
        Assert.Equal((2, new Entry(7, "Nội dung một", new DateOnly(2022, 2, 18), 9.5m)), (row.Line, row.Value));
    }

    [Fact]
    public void A_bad_value_in_a_csv_names_its_line_and_column_and_no_row_is_kept()
    {
        var csv = "STT;Nội dung;Ngày;Điểm\n1;Đúng;18/02/2022;9,5\nhai;Sai số;31/02/2022;chín\n\n4;\"Có\nxuống dòng\";;x\n";

        var result = Read(Encoding.UTF8.GetBytes(csv), "bang.csv");

        Assert.Empty(result.Rows);
        Assert.Equal([(3, "STT"), (3, "Ngày"), (3, "Điểm"), (5, "Điểm")], result.Errors.Select(e => (e.Line, e.Field)));
        Assert.Equal("Cột \"STT\": \"hai\" không phải là số nguyên.", result.Errors[0].Message);
        Assert.Contains("không phải là ngày", result.Errors[1].Message);
    }

    [Fact]
    public void A_csv_row_wider_than_the_limit_is_a_line_error()
    {
        var csv = "STT,Nội dung\n1,Đúng" + new string(',', 100_000) + "x\n";

        var error = Assert.Single(Read(Encoding.UTF8.GetBytes(csv), "bang.csv").Errors);

        Assert.Equal(2, error.Line);
        Assert.Contains("cột thứ 100.002", error.Message);
    }

    [Fact]
    public void A_file_without_a_required_column_is_refused_at_its_header()
    {
        var error = Assert.Single(Read(Encoding.UTF8.GetBytes("\n\nSTT,Ngày\n1,18/02/2022\n"), "bang.csv").Errors);
        Assert.Equal((3, "Dòng tiêu đề thiếu cột: Nội dung. Vui lòng dùng tệp mẫu."), (error.Line, error.Message));
    }

    [Theory]
    [InlineData("bang.xlsx")]
    [InlineData("bang.csv")]
    public void Bytes_that_are_no_table_are_one_error(string name)
    {
        var result = Read([0x50, 0x4B, 0x03, 0x04, 0xFF, 0x00, 0x13], name);
        Assert.Empty(result.Rows);
        Assert.Single(result.Errors);
    }
}
