using System.Net;
using System.Text;
using CchcSite.Content.Accounts;
using CchcSite.Testing.Hostile;
using CchcSite.Web.Tests.Editor;
using CchcSite.Web.Tests.Media;
using CchcSite.Web.Tests.Questions;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Security;

/// <summary>
/// Issue 13, finding 12: a citizen's attachment and an editor's library file are what their bytes are all the way
/// through, not only in their first bytes: images are decoded and written again within the pixel limit, Office
/// packages are bounded by their central directory, and what fails is refused with a Vietnamese message.
/// </summary>
public sealed class UploadTests(QuestionSite site) : IClassFixture<QuestionSite>
{
    private const string Unit = QuestionSite.Unit;

    public static TheoryData<string, string, string> HostileAttachments => new()
    {
        { "jpeg-header-html", "anh.jpg", "Không đọc được ảnh" },
        { "huge-png", "anh.png", "Ảnh quá lớn (30000 × 30000 điểm ảnh)" },
        { "zip-bomb", "don.docx", "Không nhận tệp" },
        { "zip-bomb", "don.pdf", "không phải là tệp PDF" },
        { "many-entries", "don.docx", "Không nhận tệp" },
    };

    [Theory]
    [MemberData(nameof(HostileAttachments))]
    public async Task A_hostile_attachment_is_refused_on_the_citizens_form_and_nothing_is_stored(string kind, string fileName, string message)
    {
        var title = $"Câu hỏi kèm tệp {kind} {fileName}";
        var response = await QuestionSite.PostFormAsync(site.NewBrowser(), $"/{Unit}/gui-cau-hoi", QuestionSite.Question(title), (fileName, File(kind)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.False(await site.WithDbAsync(db => db.Submissions.AnyAsync(s => s.Title == title)));
    }

    [Fact]
    public async Task Html_behind_a_real_jpeg_does_not_reach_the_officer_who_opens_the_attachment()
    {
        await site.AddUserAsync("tep-tiep-nhan@cchc.test", (Unit, UnitRole.HotlineOfficer));
        var response = await QuestionSite.PostFormAsync(site.NewBrowser(), $"/{Unit}/gui-cau-hoi",
            QuestionSite.Question("Ảnh hiện trường kèm trang web"), ("hien-truong.jpg", HostileFiles.JpegThenHtml()));
        var id = await site.IdOfAsync(QuestionSite.CodeOf(await response.Content.ReadAsStringAsync()));

        var officer = await site.SignedInAsync("tep-tiep-nhan@cchc.test");
        var attachment = await officer.GetAsync($"/quan-tri/hoi-dap/{id}/tep");

        Assert.Equal(HttpStatusCode.OK, attachment.StatusCode);
        Assert.Equal("image/jpeg", attachment.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<script>", Encoding.ASCII.GetString(await attachment.Content.ReadAsByteArrayAsync()));
    }

    public static TheoryData<string, string, string> HostileLibraryFiles => new()
    {
        { "jpeg-header-html", "anh.jpg", "Không đọc được ảnh" },
        { "huge-png", "anh.png", "Ảnh quá lớn (30000 × 30000 điểm ảnh)" },
        { "zip-bomb", "bao-cao.docx", "khi giải nén lớn hơn 256 MB" },
        { "many-entries", "bao-cao.docx", "60002 thành phần bên trong" },
        { "zip-bomb", "bang-tinh.xlsx", "khi giải nén lớn hơn 256 MB" },
    };

    [Theory]
    [MemberData(nameof(HostileLibraryFiles))]
    public async Task A_hostile_file_is_refused_by_the_media_library_and_nothing_is_stored(string kind, string fileName, string message)
    {
        var email = $"tep-{kind}-{Path.GetExtension(fileName)[1..]}@cchc.test";
        await site.AddUserAsync(email, (Unit, UnitRole.Editor));
        var editor = await site.SignedInAsync(email);
        var library = $"/quan-tri/thu-vien?don-vi={Unit}";
        var token = EditorSite.AntiforgeryToken(await editor.GetStringAsync(library));
        var before = await site.WithDbAsync(db => db.MediaAssets.CountAsync());

        var response = await editor.PostAsync(library, MediaSite.UploadForm(token, fileName, File(kind), "Tệp thử"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await site.WithDbAsync(db => db.MediaAssets.CountAsync()));
    }

    private static byte[] File(string kind) => kind switch
    {
        "jpeg-header-html" => HostileFiles.JpegHeaderThenHtml(),
        "huge-png" => HostileFiles.HugePng(),
        "zip-bomb" => HostileFiles.ZipBombDocx(),
        "many-entries" => HostileFiles.ManyEntriesDocx(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
