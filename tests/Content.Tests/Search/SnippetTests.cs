using CchcSite.Content.Search;

namespace CchcSite.Content.Tests.Search;

public class SnippetTests
{
    private static SnippetTerms Terms(string query)
    {
        Assert.True(UserQuery.TryParse(query, out var parsed, out _));
        return new SnippetTerms(SearchQueryBuilder.Parts(parsed));
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

    [Fact]
    public void A_form_the_query_was_widened_to_is_marked_only_where_it_stands_whole()
    {
        var terms = Terms("CBCCVC văn hóa");
        terms.AddForm(["can", "bo", "cong", "chuc", "vien", "chuc"]);

        var html = SnippetBuilder.Build(terms, null,
            "Bộ phận căn cứ kế hoạch bồi dưỡng văn hóa công vụ cho cán bộ, công chức, viên chức của xã.");

        Assert.Contains("<mark>cán</mark> <mark>bộ</mark>, <mark>công</mark> <mark>chức</mark>, <mark>viên</mark> <mark>chức</mark>", html);
        Assert.Contains("<mark>văn</mark> <mark>hóa</mark> công vụ", html);
        Assert.DoesNotContain("<mark>Bộ</mark>", html);
        Assert.DoesNotContain("<mark>căn</mark>", html);
    }

    [Fact]
    public async Task A_search_marks_a_thesaurus_form_whole_and_never_its_lone_syllables()
    {
        await using var site = await SearchTestSite.CreateAsync();
        await site.AddPostAsync(await site.AddUnitAsync("so-a"), "Kế hoạch bồi dưỡng năm 2025",
            "Bộ phận một cửa căn cứ kế hoạch bồi dưỡng cho cán bộ, công chức, viên chức của xã.");
        await site.ApplyOutboxAsync();

        var html = Assert.Single((await site.SearchAsync("CBCCVC bồi dưỡng")).Hits.Items).SnippetHtml;

        Assert.StartsWith("Bộ phận một cửa căn cứ kế hoạch <mark>bồi</mark> <mark>dưỡng</mark> cho <mark>cán</mark> <mark>bộ</mark>,", html);
    }

    [Fact]
    public void A_word_typed_with_marks_is_marked_where_written_so_unless_the_text_never_writes_it_so()
    {
        const string text = "Duy trì đường dây nóng và kế hoạch bồi dưỡng năm 2025.";

        Assert.Equal("Duy trì đường dây nóng và kế hoạch bồi <mark>dưỡng</mark> năm 2025.", SnippetBuilder.Build(Terms("dưỡng"), null, text));
        Assert.Equal("Duy trì <mark>đường</mark> dây nóng và kế hoạch bồi <mark>dưỡng</mark> năm 2025.", SnippetBuilder.Build(Terms("duong"), null, text));
        // A wrong mark typed: the words the search found by their letters are marked.
        Assert.Equal("Duy trì <mark>đường</mark> dây nóng và kế hoạch bồi <mark>dưỡng</mark> năm 2025.", SnippetBuilder.Build(Terms("dượng"), null, text));
        Assert.Equal("<mark>Hoà</mark> giải", SnippetBuilder.Build(Terms("hòa"), null, "Hoà giải"));
    }
}
