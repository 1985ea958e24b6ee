using System.Text;
using CchcSite.Content.Text;

namespace CchcSite.Content.Tests;

public class SlugTests
{
    [Theory]
    [InlineData("Đường dây nóng", "duong-day-nong")]
    [InlineData("Cải cách hành chính năm 2022", "cai-cach-hanh-chinh-nam-2022")]
    [InlineData("KẾ HOẠCH Tuyên truyền CCHC", "ke-hoach-tuyen-truyen-cchc")]
    [InlineData("Kế hoạch số 21/KH-UBND ngày 18/02/2022", "ke-hoach-so-21-kh-ubnd-ngay-18-02-2022")]
    [InlineData("  Hỏi – đáp: thủ tục   hành chính?! ", "hoi-dap-thu-tuc-hanh-chinh")]
    [InlineData("Thủy lợi, hòa giải, ủy ban", "thuy-loi-hoa-giai-uy-ban")]
    [InlineData("Sở LĐ-TB&XH", "so-ld-tb-xh")]
    public void Vietnamese_titles_become_lower_case_ascii(string title, string expected) =>
        Assert.Equal(expected, Slug.From(title));

    [Fact]
    public void Decomposed_text_gives_the_same_slug_as_composed_text()
    {
        const string title = "Cải cách thủ tục hành chính";
        Assert.Equal(Slug.From(title), Slug.From(title.Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void Long_titles_are_cut_without_a_trailing_dash()
    {
        var slug = Slug.From(string.Join(' ', Enumerable.Repeat("tuyên truyền", 40)));
        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.False(slug.EndsWith('-'));
    }

    [Fact]
    public void Unique_appends_the_first_free_number()
    {
        var taken = new HashSet<string> { "duong-day-nong", "duong-day-nong-2" };
        Assert.Equal("duong-day-nong-3", Slug.Unique("duong-day-nong", taken.Contains));
        Assert.Equal("hoi-dap", Slug.Unique("hoi-dap", taken.Contains));
    }
}
