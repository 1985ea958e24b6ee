using CchcSite.Content.Outcomes;
using CchcSite.Content.Media;
using CchcSite.Content.Paging;
using Microsoft.EntityFrameworkCore;
using CchcSite.Testing.Hostile;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetVips;

namespace CchcSite.Content.Tests.Media;

public sealed class MediaLibraryTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private int _unitId;
    private int _otherUnitId;

    private MediaStore Store => _database.Media;

    /// <summary>The site's upload limits; a test may lower them before it uploads.</summary>
    private MediaLimits Limits => _database.Services.GetRequiredService<IOptions<MediaLimits>>().Value;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _unitId = (await _database.AddUnitAsync("so-noi-vu")).Id;
        _otherUnitId = (await _database.AddUnitAsync("so-tu-phap")).Id;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<Outcome<MediaAsset>> UploadAsync(string fileName, byte[] content, string? alt = "Ảnh hội nghị cải cách hành chính",
        int? unitId = null)
    {
        await using var db = _database.NewContext();
        var library = _database.Get<MediaLibrary>(db);
        return await library.UploadAsync(unitId ?? _unitId, fileName, new MemoryStream(content), alt, CancellationToken.None);
    }

    /// <summary>The one message the refused upload gives under the field.</summary>
    private static string Error(Outcome<MediaAsset> outcome, string field) =>
        Assert.Single(Assert.IsType<Outcome<MediaAsset>.Invalid>(outcome).Errors[field]);

    private static MediaAsset Stored(Outcome<MediaAsset> outcome) =>
        outcome is Outcome<MediaAsset>.Ok ok ? ok.Value : throw new Xunit.Sdk.XunitException(outcome.Problem);

    private int StoredFiles => Directory.Exists(Store.Root) ? Directory.GetFiles(Store.Root, "*", SearchOption.AllDirectories).Length : 0;

    [Theory]
    [InlineData("jpeg", FileSniffer.Jpeg)]
    [InlineData("png", FileSniffer.Png)]
    [InlineData("gif", FileSniffer.Gif)]
    [InlineData("webp", FileSniffer.WebP)]
    [InlineData("pdf", FileSniffer.Pdf)]
    [InlineData("docx", FileSniffer.Docx)]
    [InlineData("xlsx", FileSniffer.Xlsx)]
    public void Sniffing_tells_the_type_from_the_bytes(string kind, string expected)
    {
        var bytes = kind switch
        {
            "jpeg" => TestFiles.Jpeg(), "png" => TestFiles.Png(), "gif" => TestFiles.Gif(), "webp" => TestFiles.WebP(),
            "pdf" => TestFiles.Pdf(), "docx" => TestFiles.Docx(), _ => TestFiles.Xlsx(),
        };
        Assert.Equal(expected, FileSniffer.Detect(bytes));
    }

    [Fact]
    public void Sniffing_refuses_scripts_plain_zips_and_macro_packages()
    {
        Assert.Null(FileSniffer.Detect(TestFiles.Php()));
        Assert.Null(FileSniffer.Detect(TestFiles.Package(("readme.txt", "xin chào"))));
        Assert.Null(FileSniffer.Detect(TestFiles.Package(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w/>"), ("word/vbaProject.bin", "x"))));
        Assert.Null(FileSniffer.Detect("PK\x03\x04 not really a zip"u8.ToArray()));
        Assert.Null(FileSniffer.Detect([]));
    }

    [Fact]
    public async Task A_php_file_renamed_jpg_is_refused_and_nothing_is_stored()
    {
        var result = await UploadAsync("anh-dep.jpg", TestFiles.Php());

        Assert.Contains("không phải là ảnh JPEG", Error(result, MediaLibrary.FileField));
        Assert.Equal(0, StoredFiles);
        await using var db = _database.NewContext();
        Assert.Equal(0, await db.MediaAssets.CountAsync());
    }

    [Fact]
    public async Task A_name_that_disagrees_with_the_content_is_refused()
    {
        var png = await UploadAsync("anh.jpg", TestFiles.Png());
        Assert.Contains("nội dung là ảnh PNG", Error(png, MediaLibrary.FileField));

        var docx = await UploadAsync("bang-tinh.xlsx", TestFiles.Docx());
        Assert.Contains("nội dung là tài liệu Word (DOCX)", Error(docx, MediaLibrary.FileField));
    }

    [Theory]
    [InlineData("chuong-trinh.php")]
    [InlineData("khong-duoi")]
    public async Task Other_extensions_are_refused(string fileName)
    {
        var result = await UploadAsync(fileName, TestFiles.Jpeg());
        Assert.Contains("Không nhận tệp có đuôi", Error(result, MediaLibrary.FileField));
    }

    [Fact]
    public async Task A_picture_named_as_a_video_is_refused_by_its_content()
    {
        var result = await UploadAsync("video.mp4", TestFiles.Jpeg());
        Assert.Contains("Nội dung tệp không phải là video", Error(result, MediaLibrary.FileField));
    }

    [Fact]
    public async Task A_broken_image_with_a_valid_signature_is_refused()
    {
        var result = await UploadAsync("hong.jpg", [0xFF, 0xD8, 0xFF, 0xE0, .. "rubbish that is not a jpeg"u8.ToArray()]);
        Assert.Contains("Không đọc được ảnh", Error(result, MediaLibrary.FileField));
        Assert.Equal(0, StoredFiles);
    }

    [Fact]
    public async Task Oversized_files_are_refused_with_the_limit_in_the_message()
    {
        Limits.MaxImageBytes = 1024 * 1024;
        Limits.MaxFileBytes = 2 * 1024 * 1024;
        var image = await UploadAsync("lon.png", new byte[1024 * 1024 + 1]);
        Assert.Equal("Tệp quá lớn. Ảnh tối đa 1 MB.", Error(image, MediaLibrary.FileField));

        var file = await UploadAsync("lon.pdf", new byte[2 * 1024 * 1024 + 1]);
        Assert.Equal("Tệp quá lớn. Tệp tài liệu tối đa 2 MB.", Error(file, MediaLibrary.FileField));
        Assert.Equal(0, StoredFiles);
    }

    [Fact]
    public async Task Office_files_past_the_unpacking_bounds_are_refused_and_nothing_is_stored()
    {
        var bomb = await UploadAsync("bao-cao.docx", HostileFiles.ZipBombDocx(), alt: null);
        var many = await UploadAsync("bao-cao.docx", HostileFiles.ManyEntriesDocx(), alt: null);

        Assert.Contains("khi giải nén lớn hơn", Error(bomb, MediaLibrary.FileField));
        Assert.Contains("thành phần bên trong", Error(many, MediaLibrary.FileField));
        Assert.Equal(0, StoredFiles);
    }

    [Fact]
    public async Task Files_are_named_after_their_content_and_the_same_upload_is_one_file()
    {
        var bytes = TestFiles.Pdf();
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

        var first = Stored(await UploadAsync("ke-hoach.pdf", bytes, alt: null));
        var second = Stored(await UploadAsync("ke-hoach-ban-sao.pdf", bytes, alt: null, unitId: _otherUnitId));

        Assert.Equal($"{hash[..2]}/{hash[2..4]}/{hash}.pdf", first.StoragePath);
        Assert.Equal(first.StoragePath, second.StoragePath);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(1, StoredFiles);
    }

    [Fact]
    public async Task A_refused_save_removes_its_own_files_but_never_those_another_asset_uses()
    {
        var photo = TestFiles.Jpeg();
        var kept = Stored(await UploadAsync("hoi-nghi.jpg", photo));
        await using var db = _database.NewContext();
        var keptPaths = await db.Set<MediaVariant>().Where(v => v.MediaAssetId == kept.Id).Select(v => v.StoragePath).ToListAsync();
        var files = StoredFiles;

        // No unit 999999: the database refuses the row after the files were written.
        await Assert.ThrowsAsync<DbUpdateException>(() => UploadAsync("hoi-nghi-lan-2.jpg", photo, unitId: 999_999));
        await Assert.ThrowsAsync<DbUpdateException>(() => UploadAsync("anh-khac.png", TestFiles.Png(), unitId: 999_999));

        Assert.Equal(files, StoredFiles);
        Assert.All(keptPaths.Append(kept.StoragePath), path => Assert.True(File.Exists(Store.FullPath(path)), path));
    }

    [Fact]
    public async Task Images_with_too_many_pixels_are_refused_before_decoding()
    {
        Limits.MaxImagePixels = 1_000_000;
        var result = await UploadAsync("rong.png", TestFiles.Png(2000, 1000));
        Assert.Contains("Ảnh quá lớn (2000 × 1000 điểm ảnh)", Error(result, MediaLibrary.FileField));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task Images_need_alt_text(string? alt)
    {
        var result = await UploadAsync("anh.jpg", TestFiles.Jpeg(), alt);
        Assert.Contains("mô tả ảnh", Error(result, MediaLibrary.AltField));
        Assert.Equal(0, StoredFiles);
    }

    [Fact]
    public async Task A_photo_with_gps_exif_is_re_encoded_into_variants_without_any_metadata()
    {
        var original = TestFiles.JpegWithGps(2400, 1600);
        using (var check = Image.NewFromBuffer(original))
            Assert.Contains(check.GetFields(), f => f.StartsWith("exif-ifd3-GPSLatitude", StringComparison.Ordinal)); // the fixture really has GPS

        var result = await UploadAsync("Ảnh Hội nghị CCHC.JPG", original);

        var asset = Stored(result);
        Assert.Equal("anh-hoi-nghi-cchc.jpg", asset.FileName);
        Assert.Equal("image/jpeg", asset.ContentType);
        Assert.Equal((1600, 1067), (asset.Width, asset.Height));
        await using var db = _database.NewContext();
        var variants = await db.Set<MediaVariant>().Where(v => v.MediaAssetId == asset.Id).ToListAsync();
        Assert.Equal(6, variants.Count);
        Assert.Equal([320, 320, 640, 640, 1600, 1600], variants.OrderBy(v => v.Width).Select(v => v.Width));
        Assert.Equal(3, variants.Count(v => v.ContentType == "image/webp" && v.FileName == "anh-hoi-nghi-cchc.webp"));
        foreach (var variant in variants)
        {
            var path = Store.FullPath(variant.StoragePath);
            Assert.Equal(variant.Length, new FileInfo(path).Length);
            Assert.Equal(variant.ContentType, FileSniffer.Detect(File.ReadAllBytes(path)));
            var fields = TestFiles.MetadataFields(path);
            Assert.DoesNotContain(fields, f => f.StartsWith("exif", StringComparison.Ordinal) || f.Contains("gps", StringComparison.OrdinalIgnoreCase)
                                               || f is "xmp-data" or "iptc-data" or "icc-profile-data");
        }
        // Never stored as uploaded: no stored file holds the original bytes.
        Assert.DoesNotContain(Directory.GetFiles(Store.Root, "*", SearchOption.AllDirectories), f => File.ReadAllBytes(f).SequenceEqual(original));
    }

    [Fact]
    public async Task Small_images_are_never_upscaled()
    {
        var result = await UploadAsync("nho.png", TestFiles.Png(400, 300));
        await using var db = _database.NewContext();
        var variants = await db.Set<MediaVariant>().Where(v => v.MediaAssetId == Stored(result).Id).ToListAsync();
        Assert.Equal(400, variants.Where(v => v.Size == ImageSize.Full).Select(v => v.Width).Distinct().Single());
        Assert.Equal(400, variants.Where(v => v.Size == ImageSize.Card).Select(v => v.Width).Distinct().Single());
        Assert.Equal(320, variants.Where(v => v.Size == ImageSize.Thumbnail).Select(v => v.Width).Distinct().Single());
    }

    [Theory]
    [InlineData("trong-suot.png", true, "image/png")]
    [InlineData("bieu-do.png", false, "image/png")]
    [InlineData("anh-dong.gif", false, "image/png")]
    [InlineData("anh.webp", false, "image/jpeg")]
    public async Task The_fallback_format_keeps_transparency_and_line_art(string fileName, bool alpha, string expected)
    {
        var bytes = Path.GetExtension(fileName) switch
        {
            ".png" => TestFiles.Png(alpha: alpha), ".gif" => TestFiles.Gif(), _ => TestFiles.WebP(),
        };
        var result = await UploadAsync(fileName, bytes);
        Assert.Equal(expected, Stored(result).ContentType);
        Assert.Equal(expected, FileSniffer.Detect(File.ReadAllBytes(Store.FullPath(Stored(result)))));
    }

    [Theory]
    [InlineData("Kế hoạch số 21.pdf", "pdf", "ke-hoach-so-21.pdf")]
    [InlineData("Du thao.docx", "docx", "du-thao.docx")]
    [InlineData("Bang diem.XLSX", "xlsx", "bang-diem.xlsx")]
    public async Task Documents_are_stored_as_uploaded_and_need_no_alt_text(string fileName, string kind, string storedName)
    {
        var bytes = kind switch { "pdf" => TestFiles.Pdf(), "docx" => TestFiles.Docx(), _ => TestFiles.Xlsx() };
        var result = await UploadAsync(fileName, bytes, alt: null);

        Assert.Equal(storedName, Stored(result).FileName);
        Assert.Equal(bytes, File.ReadAllBytes(Store.FullPath(Stored(result))));
        Assert.Equal(bytes.Length, Stored(result).Length);
        Assert.Empty(Stored(result).Variants);
    }

    [Fact]
    public async Task The_library_lists_one_unit_only_newest_first_with_thumbnails()
    {
        await UploadAsync("mot.jpg", TestFiles.Jpeg());
        _database.Clock.Advance(TimeSpan.FromMinutes(1));
        await UploadAsync("hai.pdf", TestFiles.Pdf(), alt: null);
        await UploadAsync("khac.jpg", TestFiles.Jpeg(), unitId: _otherUnitId);

        await using var db = _database.NewContext();
        var page = await _database.Get<MediaLibrary>(db).ListAsync(_unitId, new PageRequest(1, 10), CancellationToken.None);

        Assert.Equal(2, page.TotalCount);
        Assert.Equal(["hai.pdf", "mot.jpg"], page.Items.Select(i => i.FileName));
        Assert.Null(page.Items[0].ThumbnailFileName);
        Assert.Equal("mot.jpg", page.Items[1].ThumbnailFileName);
    }
}
