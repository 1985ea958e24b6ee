using System.Text;
using CchcSite.Content.Search;

namespace CchcSite.Content.Tests.Search;

public class VietnameseAnalysisTests
{
    [Theory]
    [InlineData("hoà", "hòa")]
    [InlineData("Hoà", "Hòa")]
    [InlineData("HOÀ", "HÒA")]
    [InlineData("thuỷ", "thủy")]
    [InlineData("uỷ", "ủy")]
    [InlineData("khoẻ", "khỏe")]
    [InlineData("hoạ", "họa")]
    [InlineData("quý", "quý")]
    [InlineData("hoàng", "hoàng")]
    [InlineData("hòa", "hòa")]
    public void Old_style_tone_marks_take_the_new_place(string word, string expected) =>
        Assert.Equal(expected, VietnameseText.NormalizeWord(word));

    [Fact]
    public void Decomposed_text_is_composed()
    {
        var decomposed = "cải cách".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("cải", decomposed.Split(' ')[0]);
        Assert.Equal(["cải", "cách"], SearchAnalyzers.Tokens(SearchAnalyzers.Exact, decomposed).Select(t => t.Term));
    }

    [Fact]
    public void Folding_strips_tones_and_maps_d_with_stroke()
    {
        Assert.Equal(["dang", "ky", "uy", "ban", "da", "nang"],
            SearchAnalyzers.Tokens(SearchAnalyzers.Folded, "Đăng ký Uỷ ban ĐÀ NẴNG").Select(t => t.Term));
    }

    [Fact]
    public void Exact_analysis_keeps_diacritics_and_no_stop_words()
    {
        Assert.Equal(["không", "thu", "phí", "và", "của"],
            SearchAnalyzers.Tokens(SearchAnalyzers.Exact, "Không thu phí và của").Select(t => t.Term));
    }

    [Fact]
    public void Shingles_pair_adjacent_folded_syllables()
    {
        Assert.Equal(["cai cach", "cach hanh", "hanh chinh"],
            SearchAnalyzers.Tokens(SearchAnalyzers.Shingles, "Cải cách hành chính").Select(t => t.Term));
    }

    [Fact]
    public void Document_numbers_have_one_key_whatever_the_separators()
    {
        Assert.Equal("21 kh ubnd", SearchDocument.NumberKey("21/KH-UBND"));
        Assert.Equal("86 kh sgddt", SearchDocument.NumberKey("86/KH-SGDĐT"));
    }
}
