using CchcSite.Content.Search;

namespace CchcSite.Content.Tests.Search;

public class AttachmentTextTests
{
    private static string SeedAttachment(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CchcSite.sln")))
                return Path.Combine(dir.FullName, "seed", "files", "attachments", name);
        throw new InvalidOperationException("Repository root not found.");
    }

    [Theory]
    [InlineData("kh-tuyen-truyen-cchc-2022-sgddt.pdf")]
    [InlineData("kh-tuyen-truyen-cchc-2022-sgddt.docx")]
    public void Pdf_and_docx_attachments_give_their_vietnamese_text(string file)
    {
        var text = AttachmentText.Extract(SeedAttachment(file));

        Assert.Contains("cải cách hành chính", text);
        Assert.Contains("21/KH-UBND", text);
    }

    [Fact]
    public void Missing_damaged_and_other_files_give_no_text()
    {
        var damaged = Path.GetTempFileName() + ".pdf";
        File.WriteAllText(damaged, "không phải PDF");
        try
        {
            Assert.Equal("", AttachmentText.Extract(damaged));
            Assert.Equal("", AttachmentText.Extract(Path.Combine(Path.GetTempPath(), "khong-co.pdf")));
            Assert.Equal("", AttachmentText.Extract(SeedAttachment("../images/khong-co.jpg")));
        }
        finally
        {
            File.Delete(damaged);
        }
    }
}
