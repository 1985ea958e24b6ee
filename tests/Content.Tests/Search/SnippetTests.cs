using CchcSite.Content.Search;

namespace CchcSite.Content.Tests.Search;

public class SnippetTests
{
    private static HashSet<string> Terms(string query)
    {
        Assert.True(UserQuery.TryParse(query, out var parsed, out _));
        return SearchQueryBuilder.FoldedTerms(SearchQueryBuilder.Parts(parsed));
    }

    [Fact]
    public void Marks_the_accented_words_a_folded_query_found_and_escapes_the_rest()
    {
        var html = SnippetBuilder.Build(Terms("cai cach"), null, "Bài <script>alert(1)</script>\nvề cải cách & đổi mới.");

        Assert.Contains("<mark>cải</mark> <mark>cách</mark>", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("&amp;", html);
        Assert.Contains("</script> về", html.Replace("&lt;/script&gt;", "</script>"));
    }

    [Fact]
    public void A_word_found_inside_a_long_address_starts_the_passage_at_the_address()
    {
        // No space in the lead before the word: the passage cannot start at a word boundary before it.
        var filler = string.Concat(Enumerable.Repeat("Nội dung khác không liên quan. ", 5));
        var body = filler + "Xem tại https://dichvucong.soctrang.gov.vn/thu-tuc/chi-tiet/cong-bo-danh-muc-thu-tuc-hanh-chinh-moi nhé.";

        var html = SnippetBuilder.Build(Terms("danh muc"), null, body);

        Assert.Contains("<mark>danh</mark>-<mark>muc</mark>", html);
    }

    [Fact]
    public void A_word_found_inside_an_address_longer_than_a_passage_is_cut_inside_the_address()
    {
        var filler = string.Concat(Enumerable.Repeat("Nội dung khác không liên quan. ", 5));
        var address = "https://dichvucong.soctrang.gov.vn/thu-tuc/" + string.Concat(Enumerable.Repeat("chi-tiet-", 40)) + "danh-muc-" +
            string.Concat(Enumerable.Repeat("moi-", 80));
        var html = SnippetBuilder.Build(Terms("danh muc"), null, filler + "Xem tại " + address + " nhé.");

        Assert.StartsWith("… <mark>danh</mark>-<mark>muc</mark>-moi-", html);
        Assert.EndsWith(" …", html);
    }

    [Fact]
    public void Picks_the_passage_with_the_most_query_words()
    {
        var filler = string.Concat(Enumerable.Repeat("Nội dung khác không liên quan gì đến chủ đề. ", 20));
        var body = "Dịch vụ ở đầu bài. " + filler + "Đăng ký dịch vụ công trực tuyến tại đây. " + filler;

        var html = SnippetBuilder.Build(Terms("dịch vụ công trực tuyến"), null, body);

        Assert.Contains("<mark>dịch</mark> <mark>vụ</mark> <mark>công</mark> <mark>trực</mark> <mark>tuyến</mark>", html);
        Assert.StartsWith("… ", html);
        Assert.True(html.Length < SnippetBuilder.MaxLength * 2);
    }

    [Fact]
    public void A_line_break_is_a_space_where_the_passage_starts_and_is_cut()
    {
        // Lines of one word each on either side of the match, so that the passage starts and ends at line breaks, not spaces.
        var lines = string.Join("\n", Enumerable.Range(0, 60).Select(i => $"dòng{i}"));
        foreach (var text in new[] { lines + "\ncải cách\n" + lines, lines + "\r\ncải cách\r\n" + lines, "cải\ncách\n" + lines })
        {
            var html = SnippetBuilder.Build(Terms("cai cach"), null, text);

            Assert.Equal(SnippetBuilder.Build(Terms("cai cach"), null, text.Replace('\n', ' ').Replace('\r', ' ')), html);
            Assert.DoesNotContain("&#xA;", html);
            Assert.Matches(@"^(… )?(dòng\d+ +)*<mark>cải</mark> +<mark>cách</mark>( +dòng\d+)* …$", html);
        }
    }

    [Fact]
    public void Without_a_match_the_snippet_is_the_start_of_the_summary()
    {
        var html = SnippetBuilder.Build(Terms("không có"), "Tóm tắt ngắn.", "Thân bài.");
        Assert.Equal("Tóm tắt ngắn.", html);
    }
}
