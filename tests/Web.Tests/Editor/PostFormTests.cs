using System.Net;
using System.Text.RegularExpressions;
using CchcSite.Content.Accounts;
using CchcSite.Content.Media;
using CchcSite.Content.Posts;
using CchcSite.Testing.Revisions;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Editor;

/// <summary>The edit form sends a document's and a video's fields as nested objects (<c>Document.Number</c>…) and shows them again.</summary>
public sealed class PostFormTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const string Unit = "so-gddt-soc-trang";

    [Fact]
    public async Task A_document_typed_into_the_form_is_stored_field_by_field_and_shown_again()
    {
        var writer = await WriterAsync("vanban@cchc.test");
        var created = await SaveAsync(writer, "/quan-tri/bai-viet/moi", new()
        {
            ["Kind"] = "Document", ["Title"] = "Kế hoạch số hóa hồ sơ", ["BodyMarkdown"] = "Nội dung.",
            ["Document.Number"] = "  35/KH-SGDĐT ", ["Document.Type"] = "Decision", ["Document.IssuedOn"] = "20/03/2024",
            ["Document.Issuer"] = "Sở Giáo dục và Đào tạo", ["Document.Signer"] = "Giám đốc", ["Document.EffectiveOn"] = "2024-04-01",
            ["Document.ExpiresOn"] = "2024-12-31", ["Document.Abstract"] = "Số hóa \"hồ sơ\" học sinh",
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editUrl = created.Headers.Location!.OriginalString;
        var id = int.Parse(editUrl[(editUrl.LastIndexOf('/') + 1)..]);
        var stored = await site.WithDbAsync(db => db.Posts.AsNoTracking().Where(p => p.Id == id).Select(p => p.Document).SingleAsync());
        Assert.Equal(new DocumentInfo
        {
            Number = "35/KH-SGDĐT", Type = DocumentType.Decision, IssuedOn = new DateOnly(2024, 3, 20), Issuer = "Sở Giáo dục và Đào tạo",
            Signer = "Giám đốc", EffectiveOn = new DateOnly(2024, 4, 1), ExpiresOn = new DateOnly(2024, 12, 31), Abstract = "Số hóa \"hồ sơ\" học sinh",
        }, stored);
        var form = await writer.GetStringAsync(editUrl);
        Assert.Equal(["35/KH-SGDĐT", "20/03/2024", "Sở Giáo dục và Đào tạo", "Giám đốc", "01/04/2024", "31/12/2024", "Số hóa \"hồ sơ\" học sinh"],
            new[] { "Number", "IssuedOn", "Issuer", "Signer", "EffectiveOn", "ExpiresOn", "Abstract" }.Select(f => InputValue(form, $"Document.{f}")));
        Assert.Equal("Decision", SelectedOption(form, "Document.Type"));
    }

    [Fact]
    public async Task Each_message_shows_beside_its_nested_field()
    {
        var writer = await WriterAsync("loi@cchc.test");

        var document = await SaveAsync(writer, "/quan-tri/bai-viet/moi", new()
        {
            ["Kind"] = "Document", ["Title"] = "Văn bản sai ngày", ["Document.EffectiveOn"] = "2024-04-01", ["Document.ExpiresOn"] = "2024-03-01",
        });
        var video = await SaveAsync(writer, "/quan-tri/bai-viet/moi", new()
        {
            ["Kind"] = "Video", ["Title"] = "Video sai địa chỉ", ["Video.ExternalUrl"] = "javascript:alert(1)", ["Video.DurationSeconds"] = "30",
        });

        Assert.Equal((HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity), (document.StatusCode, video.StatusCode));
        Assert.Matches("id=\"Document_ExpiresOn-error\"[^>]*>Ngày hết hiệu lực phải sau ngày hiệu lực.<", await document.Content.ReadAsStringAsync());
        var videoForm = await video.Content.ReadAsStringAsync();
        Assert.Matches("id=\"Video_ExternalUrl-error\"[^>]*>Địa chỉ video phải là một địa chỉ web đầy đủ", videoForm);
        Assert.Equal("30", InputValue(videoForm, "Video.DurationSeconds"));
    }

    [Fact]
    public async Task A_pending_change_saved_before_revisions_had_a_format_version_opens_in_the_form_with_every_field()
    {
        var writer = await WriterAsync("cu@cchc.test");
        var id = await site.WithDbAsync(async db =>
        {
            var unit = await db.Units.SingleAsync(u => u.Slug == Unit);
            var category = await db.Categories.OrderBy(c => c.Id).FirstAsync();
            var cover = new MediaAsset { UnitId = unit.Id, FileName = "bia-cu.jpg", ContentType = "image/jpeg", StoragePath = "x/bia-cu.jpg", AltText = "Bìa cũ" };
            var file = new MediaAsset { UnitId = unit.Id, FileName = "ke-hoach-cu.pdf", ContentType = "application/pdf", StoragePath = "x/ke-hoach-cu.pdf" };
            db.MediaAssets.AddRange(cover, file);
            await db.SaveChangesAsync();
            var now = DateTime.UtcNow;
            var revision = new PostRevision
            {
                Number = 1, CreatedAt = now, Title = "Kế hoạch tuyên truyền (sửa)", Summary = "Tóm tắt đã sửa", BodyMarkdown = "Nội dung đã sửa", FieldsVersion = 1,
                FieldsJson = Version1Revisions.Version1Document.Trim().Replace("\"CategoryId\":1", $"\"CategoryId\":{category.Id}")
                    .Replace("\"CoverImageId\":1", $"\"CoverImageId\":{cover.Id}").Replace("\"MediaAssetId\":2", $"\"MediaAssetId\":{file.Id}"),
            };
            var post = new Post
            {
                UnitId = unit.Id, Kind = PostKind.Document, Slug = $"ke-hoach-{Guid.NewGuid():N}", Title = "Kế hoạch tuyên truyền", BodyMarkdown = "Bản đang đăng",
                Status = PostStatus.Published, PublishAt = new DateTime(2022, 2, 24, 1, 0, 0, DateTimeKind.Utc), Document = new DocumentInfo { Number = "20/KH-UBND" },
                CreatedAt = now, UpdatedAt = now, Version = Guid.NewGuid(), Revisions = [revision],
                PendingChange = new PendingChange { Revision = revision, Status = PostStatus.Draft, CreatedAt = now, UpdatedAt = now },
            };
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return (post.Id, Category: category.Id, Cover: cover.Id, File: file.Id);
        });

        var form = await writer.GetStringAsync($"/quan-tri/bai-viet/{id.Id}");

        Assert.Equal(["Kế hoạch tuyên truyền (sửa)", "ke-hoach", "cải cách, tuyên truyền", "24/02/2022 08:00"],
            new[] { "Title", "Slug", "Tags", "PublishAt" }.Select(f => InputValue(form, f)));
        Assert.Equal(["21/KH-UBND", "18/02/2022", "Ủy ban nhân dân tỉnh", "Phó Chủ tịch Lê Văn A", "01/03/2022", "31/12/2022", "Tuyên truyền \"CCHC\" năm 2022"],
            new[] { "Number", "IssuedOn", "Issuer", "Signer", "EffectiveOn", "ExpiresOn", "Abstract" }.Select(f => InputValue(form, $"Document.{f}")));
        Assert.Equal(("Decision", id.Category.ToString(), "CitizensAndBusinesses", id.Cover.ToString()),
            (SelectedOption(form, "Document.Type"), SelectedOption(form, "CategoryId"), SelectedOption(form, "Audience"), SelectedOption(form, "CoverImageId")));
        Assert.Contains("Tóm tắt đã sửa</textarea>", form);
        Assert.Matches($"id=\"dinh-kem-{id.File}\" name=\"AttachmentIds\" value=\"{id.File}\" checked=\"checked\"", form);
        Assert.Equal("Toàn văn (PDF)", InputValue(form, $"AttachmentTitles[{id.File}]"));
    }

    private async Task<HttpClient> WriterAsync(string email)
    {
        await site.AddUserAsync(email, (Unit, UnitRole.Editor));
        return await site.SignedInAsync(email);
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient browser, string url, Dictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync($"/quan-tri/bai-viet/moi?don-vi={Unit}");
        fields["Unit"] = Unit;
        fields["__RequestVerificationToken"] = EditorSite.AntiforgeryToken(page);
        return await browser.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static string InputValue(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"<input[^>]* name=\"{Regex.Escape(name)}\"[^>]* value=\"([^\"]*)\"").Groups[1].Value);

    private static string SelectedOption(string html, string name)
    {
        var select = Regex.Match(html, $"<select[^>]* name=\"{Regex.Escape(name)}\".*?</select>", RegexOptions.Singleline).Value;
        return Regex.Match(select, "<option value=\"([^\"]*)\" selected=\"selected\"").Groups[1].Value;
    }
}
