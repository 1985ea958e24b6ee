using System.Text;
using CchcSite.Content.Media;
using CchcSite.Testing.Hostile;
using NetVips;

namespace CchcSite.Content.Tests.Media;

/// <summary>
/// Issue 13, finding 12: files that pass a check of their first bytes but are something else inside. Images are decoded and
/// written again (citizens' attachments as the library's); Office packages are bounded by their central directory.
/// </summary>
public sealed class UploadCheckTests
{
    private const long LibraryPixels = 50_000_000;

    [Fact]
    public void A_jpeg_header_followed_by_html_does_not_decode()
    {
        var refused = Assert.Throws<ImageRejectedException>(() => ImageEncoder.Reencode(HostileFiles.JpegHeaderThenHtml(), FileSniffer.Jpeg, LibraryPixels));
        Assert.Contains("Không đọc được ảnh", refused.Message);
    }

    [Fact]
    public void Html_appended_to_a_real_jpeg_does_not_survive_the_re_encoding()
    {
        var source = HostileFiles.JpegThenHtml();
        Assert.Contains("<script>", Encoding.ASCII.GetString(source));

        var image = ImageEncoder.Reencode(source, FileSniffer.Jpeg, LibraryPixels);

        Assert.Equal(FileSniffer.Jpeg, FileSniffer.Detect(image.Bytes));
        Assert.DoesNotContain("<script>", Encoding.ASCII.GetString(image.Bytes));
        Assert.Equal((64, 48), (image.Width, image.Height));
    }

    [Fact]
    public void A_huge_png_is_refused_from_its_header()
    {
        var refused = Assert.Throws<ImageRejectedException>(() => ImageEncoder.Reencode(HostileFiles.HugePng(), FileSniffer.Png, LibraryPixels));
        Assert.Contains("Ảnh quá lớn (30000 × 30000 điểm ảnh)", refused.Message);
    }

    [Fact]
    public void A_citizens_photo_keeps_its_size_and_format_and_loses_its_gps()
    {
        var image = ImageEncoder.Reencode(TestFiles.JpegWithGps(1200, 800), FileSniffer.Jpeg, LibraryPixels);

        Assert.Equal((1200, 800, FileSniffer.Jpeg), (image.Width, image.Height, image.ContentType));
        using var stored = Image.NewFromBuffer(image.Bytes);
        Assert.DoesNotContain(stored.GetFields(), f => f.StartsWith("exif", StringComparison.Ordinal));
        var png = ImageEncoder.Reencode(TestFiles.Png(alpha: true), FileSniffer.Png, LibraryPixels);
        Assert.Equal(FileSniffer.Png, FileSniffer.Detect(png.Bytes));
    }

    [Fact]
    public void A_docx_that_unpacks_to_a_gigabyte_is_refused_from_its_central_directory()
    {
        var bomb = HostileFiles.ZipBombDocx();
        Assert.True(bomb.Length < 5 * 1024 * 1024, $"the bomb is {bomb.Length} bytes");

        Assert.Contains("khi giải nén lớn hơn 256 MB", OfficeFileCheck.Refusal(bomb));
        // Whoever only sniffs (a citizen's attachment, the seed) does not take it for a document either.
        Assert.Null(FileSniffer.Detect(bomb));
    }

    [Fact]
    public void A_docx_of_sixty_thousand_entries_is_refused()
    {
        var many = HostileFiles.ManyEntriesDocx();

        Assert.Contains("60002 thành phần", OfficeFileCheck.Refusal(many));
        Assert.Null(FileSniffer.Detect(many));
    }

    [Fact]
    public void Ordinary_office_files_and_other_bytes_pass_the_check()
    {
        Assert.Null(OfficeFileCheck.Refusal(TestFiles.Docx()));
        Assert.Null(OfficeFileCheck.Refusal(TestFiles.Xlsx()));
        Assert.Null(OfficeFileCheck.Refusal(TestFiles.Pdf()));
        Assert.Null(OfficeFileCheck.Refusal(HostileFiles.ManyEntriesDocx(OfficeFileCheck.MaxEntries - 2)));
    }
}
