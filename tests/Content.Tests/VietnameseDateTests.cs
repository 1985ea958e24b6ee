using CchcSite.Content.Text;

namespace CchcSite.Content.Tests;

public class VietnameseDateTests
{
    [Theory]
    [InlineData("15/06/2027", 2027, 6, 15)]
    [InlineData("5/1/2027", 2027, 1, 5)]
    [InlineData(" 05/01/2027 ", 2027, 1, 5)]
    [InlineData("29/02/2028", 2028, 2, 29)]
    [InlineData("05-01-2027", 2027, 1, 5)]
    [InlineData("05.01.2027", 2027, 1, 5)]
    [InlineData("05012027", 2027, 1, 5)] // a phone's number pad has no "/"
    [InlineData("2027-01-05", 2027, 1, 5)] // old links and the browser's date inputs
    public void Reads_a_day_month_first(string text, int year, int month, int day)
    {
        var read = VietnameseDate.ParseDate(text);

        Assert.Equal(new DateOnly(year, month, day), read.Value);
        Assert.Null(read.Problem);
    }

    [Theory]
    [InlineData("31/02/2027", "Không có ngày 31/02/2027 trong lịch.")]
    [InlineData("29/02/2027", "Không có ngày 29/02/2027 trong lịch.")]
    [InlineData("01/13/2027", "Không có ngày 01/13/2027 trong lịch.")]
    [InlineData("00/01/2027", "Không có ngày 00/01/2027 trong lịch.")]
    [InlineData("06/15/27", "Ngày phải có dạng dd/mm/yyyy, ví dụ 15/06/2027.")]
    [InlineData("5012027", "Ngày phải có dạng dd/mm/yyyy, ví dụ 15/06/2027.")]
    [InlineData("15/06-2027", "Ngày phải có dạng dd/mm/yyyy, ví dụ 15/06/2027.")]
    [InlineData("hôm qua", "Ngày phải có dạng dd/mm/yyyy, ví dụ 15/06/2027.")]
    [InlineData("١٥/٠٦/٢٠٢٧", "Ngày phải có dạng dd/mm/yyyy, ví dụ 15/06/2027.")]
    public void Refuses_a_wrong_or_impossible_day_in_vietnamese(string text, string problem)
    {
        var read = VietnameseDate.ParseDate(text);

        Assert.Null(read.Value);
        Assert.Equal(problem, read.Problem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_text_is_no_date_and_no_problem(string? text)
    {
        Assert.True(VietnameseDate.ParseDate(text).Empty);
        Assert.True(VietnameseDate.ParseDateTime(text).Empty);
    }

    /// <summary>Vietnam is UTC+7: 08:30 on 15 June is 01:30 UTC, and 03:00 on 1 January is still the previous year in UTC.</summary>
    [Theory]
    [InlineData("15/06/2027 08:30", "2027-06-15T01:30:00Z")]
    [InlineData("1/1/2027 3:00", "2026-12-31T20:00:00Z")]
    [InlineData("15/06/2027 23:59", "2027-06-15T16:59:00Z")]
    [InlineData("08:30 15/06/2027", "2027-06-15T01:30:00Z")] // as VietnamTime.FormatDateTime shows a time
    [InlineData("2027-06-15T08:30", "2027-06-15T01:30:00Z")] // the browser's old datetime-local value
    public void Reads_a_vietnam_time_as_the_utc_instant(string text, string utc)
    {
        var read = VietnameseDate.ParseDateTime(text);

        Assert.Equal(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), read.Value);
        Assert.Equal(DateTimeKind.Utc, read.Value!.Value.Kind);
    }

    [Theory]
    [InlineData("15/06/2027 24:00", "Không có giờ 24:00; giờ ghi từ 00:00 đến 23:59.")]
    [InlineData("15/06/2027 08:60", "Không có giờ 08:60; giờ ghi từ 00:00 đến 23:59.")]
    [InlineData("15/06/2027 8:30 PM", "Thời gian phải có dạng dd/mm/yyyy hh:mm (24 giờ), ví dụ 15/06/2027 08:30.")]
    [InlineData("15/06/2027", "Thời gian phải có dạng dd/mm/yyyy hh:mm (24 giờ), ví dụ 15/06/2027 08:30.")]
    [InlineData("31/06/2027 08:30", "Không có ngày 31/06/2027 trong lịch.")]
    public void Refuses_a_wrong_time_in_vietnamese(string text, string problem)
    {
        var read = VietnameseDate.ParseDateTime(text);

        Assert.Null(read.Value);
        Assert.Equal(problem, read.Problem);
    }

    [Fact]
    public void Writes_back_what_it_reads()
    {
        var instant = new DateTime(2027, 6, 14, 17, 5, 0, DateTimeKind.Utc);

        Assert.Equal("15/06/2027 00:05", VietnameseDate.FormatDateTime(instant));
        Assert.Equal(instant, VietnameseDate.ParseDateTime(VietnameseDate.FormatDateTime(instant)).Value);
        Assert.Equal("05/01/2027", VietnameseDate.FormatDate(new DateOnly(2027, 1, 5)));
    }
}
