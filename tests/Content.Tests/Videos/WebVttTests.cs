using System.Text;
using CchcSite.Content.Videos;

namespace CchcSite.Content.Tests.Videos;

public sealed class WebVttTests
{
    private static (IReadOnlyList<Cue>? Cues, string? Refusal) Parse(string text) => WebVtt.Parse(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Cues_keep_their_times_and_plain_text_and_lose_markup_settings_notes_and_styles()
    {
        var (cues, refusal) = Parse("\uFEFFWEBVTT - Phụ đề\r\n\r\nSTYLE\r\n::cue { background: url(https://example.com/x.png) }\r\n\r\n"
            + "NOTE người soạn: Văn phòng\r\n\r\n1\r\n00:00.000 --> 00:02.500 line:0 position:10%\r\n<v Cán bộ>Bước 1: <b>đăng nhập</b> Cổng dịch vụ công</v>\r\n\r\n"
            + "01:00:02.500 --> 01:00:05.000\r\n<script>alert(1)</script>Chọn thủ tục &amp; nộp hồ sơ\r\nhai dòng\r\n");

        Assert.Null(refusal);
        Assert.Equal([new Cue("00:00.000", "00:02.500", "Bước 1: đăng nhập Cổng dịch vụ công"),
            new Cue("01:00:02.500", "01:00:05.000", "alert(1)Chọn thủ tục & nộp hồ sơ\nhai dòng")], cues);
        var written = Encoding.UTF8.GetString(WebVtt.Write(cues!));
        Assert.Equal("WEBVTT\n\n00:00.000 --> 00:02.500\nBước 1: đăng nhập Cổng dịch vụ công\n\n"
            + "01:00:02.500 --> 01:00:05.000\nalert(1)Chọn thủ tục &amp; nộp hồ sơ\nhai dòng\n", written);
        Assert.Equal(cues, WebVtt.Parse(Encoding.UTF8.GetBytes(written)).Cues);
    }

    [Theory]
    [InlineData("1\n00:00.000 --> 00:01.000\nXin chào\n", "dòng đầu tiên phải là “WEBVTT”")]
    [InlineData("WEBVTTX\n\n00:00.000 --> 00:01.000\nXin chào\n", "dòng đầu tiên phải là “WEBVTT”")]
    [InlineData("WEBVTT\n\n00:00,000 --> 00:01,000\nXin chào\n", "Câu phụ đề thứ 1 có mốc thời gian sai")]
    [InlineData("WEBVTT\n\n00:00.000 --> 00:01.000\nMột\n\n00:05.000 --> 00:04.000\nHai\n", "Câu phụ đề thứ 2 kết thúc trước khi bắt đầu")]
    [InlineData("WEBVTT\n\nNOTE chỉ có ghi chú\n", "không có câu phụ đề nào")]
    [InlineData("", "dòng đầu tiên phải là “WEBVTT”")]
    public void A_file_that_is_not_webvtt_with_captions_is_refused_with_the_reason(string text, string reason)
    {
        var (cues, refusal) = Parse(text);
        Assert.Null(cues);
        Assert.Contains(reason, refusal);
    }

    [Fact]
    public void Text_that_is_not_utf8_is_refused()
    {
        var latin1 = Encoding.Latin1.GetBytes("WEBVTT\n\n00:00.000 --> 00:01.000\nCh\u00e0o\n");
        Assert.Contains("UTF-8", WebVtt.Parse(latin1).Refusal);
        Assert.Equal("", WebVtt.TextOf(latin1));
    }
}
