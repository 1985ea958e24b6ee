using System.Text;
using CchcSite.Content.Videos;

namespace CchcSite.Content.Tests.Videos;

public sealed class SrtTests
{
    private static (IReadOnlyList<Cue>? Cues, string? Refusal) Parse(string text) => Srt.Parse(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Cues_become_webvtt_times_and_plain_text_whatever_the_numbering_and_line_ends()
    {
        var (cues, refusal) = Parse("\uFEFF1\r\n00:00:01,000 --> 00:00:04,250 X1:10 X2:20\r\n<font color=\"red\">Bước 1:</font> đăng nhập\r\n{\\an8}Cổng dịch vụ công\r\n\r\n\r\n"
            + "00:00:05,5 --> 1:02:03,040\r\nKhông có số thứ tự\r\n\r\n3\r\n00:00:06,000 --> 00:00:07,000\r\n   \r\n");

        Assert.Null(refusal);
        Assert.Equal([new Cue("00:00:01.000", "00:00:04.250", "Bước 1: đăng nhập\nCổng dịch vụ công"), new Cue("00:00:05.500", "01:02:03.040", "Không có số thứ tự")], cues);
        // Written as WebVTT, the cues read back the same: captions are stored in one form.
        Assert.Equal(cues, WebVtt.Parse(WebVtt.Write(cues!)).Cues);
    }

    [Theory]
    [InlineData("1\n00:00:01,000 --> 00:00:02,000\nMột\n\n2\n00:00:03,000 -> 00:00:04,000\nHai\n", "Dòng 6: cần số thứ tự hoặc mốc thời gian dạng “00:00:01,000 --> 00:00:04,000”, tệp ghi “00:00:03,000 -> 00:00:04,000”.")]
    [InlineData("1\n00:00:01,000 --> 00:00:02,000\nMột\nHai\n\nBa\n", "Dòng 6: cần số thứ tự hoặc mốc thời gian dạng “00:00:01,000 --> 00:00:04,000”, tệp ghi “Ba”.")]
    [InlineData("\n\n1\n00:01:70,000 --> 00:01:71,000\nMột\n", "Dòng 4: cần số thứ tự hoặc mốc thời gian")]
    [InlineData("1\n00:00:05,000 --> 00:00:04,000\nMột\n", "Dòng 2: câu phụ đề kết thúc trước khi bắt đầu (00:00:05,000 --> 00:00:04,000).")]
    [InlineData("WEBVTT\n\n00:00.000 --> 00:01.000\nMột\n", "Dòng 1: cần số thứ tự hoặc mốc thời gian")]
    [InlineData("1\n00:00:01,000 --> 00:00:02,000\n<i></i>\n", "Tệp phụ đề không có câu phụ đề nào.")]
    public void A_bad_file_is_refused_naming_its_line_in_Vietnamese(string text, string reason)
    {
        var (cues, refusal) = Parse(text);

        Assert.Null(cues);
        Assert.StartsWith(reason, refusal);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_refused()
    {
        Assert.Equal("Tệp phụ đề phải là văn bản UTF-8 (lưu lại tệp với mã hoá UTF-8).", Srt.Parse([0x31, 0x0A, 0xC0, 0xAF]).Refusal);
    }
}
