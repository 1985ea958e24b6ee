using System.Text;

namespace CchcSite.Content.Tests.Search;

public class RelevanceTests
{
    private static async Task<SearchTestSite> SiteWithAsync(params (string Title, string Body)[] posts)
    {
        var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("so-a");
        foreach (var (title, body) in posts)
            await site.AddPostAsync(unit, title, body);
        await site.ApplyOutboxAsync();
        return site;
    }

    [Fact]
    public async Task A_query_with_diacritics_ranks_the_exact_word_first_and_a_folded_query_finds_both()
    {
        await using var site = await SiteWithAsync(
            ("Tuyên truyền tại xã Hạ An", "Nội dung."),
            ("Tuyên truyền tại xã Hà An", "Nội dung."),
            ("Tuyên truyền tại xã Mỹ Phước", "Nội dung."));

        Assert.Equal(["Tuyên truyền tại xã Hà An", "Tuyên truyền tại xã Hạ An"], await site.TitlesAsync("hà"));
        Assert.Equal(["Tuyên truyền tại xã Hạ An", "Tuyên truyền tại xã Hà An"], await site.TitlesAsync("hạ"));
        Assert.Equal(2, (await site.TitlesAsync("ha")).Count);
    }

    [Theory]
    [InlineData("cai cach hanh chinh")]
    [InlineData("cải cách hành chính")]
    [InlineData("CẢI CÁCH HÀNH CHÍNH")]
    [InlineData("Cai Cách hanh CHÍNH")]
    public async Task Any_spelling_of_the_words_finds_the_same_posts(string query)
    {
        await using var site = await SiteWithAsync(
            ("Kết quả cải cách hành chính năm 2022", "Nội dung."),
            ("Lịch tiếp công dân", "Không liên quan."));

        Assert.Equal(["Kết quả cải cách hành chính năm 2022"], await site.TitlesAsync(query));
    }

    [Fact]
    public async Task D_and_d_with_stroke_fold_together()
    {
        await using var site = await SiteWithAsync(("Hướng dẫn đăng ký tài khoản dịch vụ công", "Nội dung."));

        Assert.Single(await site.TitlesAsync("dang ky"));
        Assert.Single(await site.TitlesAsync("ĐĂNG KÝ"));
    }

    [Fact]
    public async Task Adjacent_syllables_rank_above_scattered_ones()
    {
        await using var site = await SiteWithAsync(
            ("Hành chính công và những cải cách mới", "Nội dung."),
            ("Những cải cách mới về hành chính công", "Nội dung."),
            ("Cải cách hành chính công những năm mới", "Nội dung."));

        Assert.Equal("Cải cách hành chính công những năm mới", (await site.TitlesAsync("cải cách hành chính"))[0]);
    }

    [Fact]
    public async Task A_quoted_phrase_must_appear_as_written()
    {
        await using var site = await SiteWithAsync(
            ("Một cửa liên thông hiện đại", "Nội dung."),
            ("Liên thông một cửa", "Nội dung."));

        Assert.Equal(["Một cửa liên thông hiện đại"], await site.TitlesAsync("\"một cửa liên thông\""));
        Assert.Equal(["Một cửa liên thông hiện đại"], await site.TitlesAsync("“mot cua lien thong”"));
        Assert.Equal(2, (await site.TitlesAsync("một cửa liên thông")).Count);
    }

    [Fact]
    public async Task A_title_match_ranks_above_a_body_match()
    {
        await using var site = await SiteWithAsync(
            ("Thông báo lịch làm việc", "Bộ phận một cửa tiếp nhận hồ sơ trực tuyến mỗi ngày."),
            ("Tiếp nhận hồ sơ trực tuyến", "Thông báo lịch làm việc của cơ quan trong tuần."));

        Assert.Equal(["Tiếp nhận hồ sơ trực tuyến", "Thông báo lịch làm việc"], await site.TitlesAsync("hồ sơ trực tuyến"));
    }

    [Fact]
    public async Task A_document_number_is_found_as_typed()
    {
        await using var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("ubnd-tinh");
        await site.AddPostAsync(unit, "Kế hoạch tuyên truyền cải cách hành chính năm 2022", number: "21/KH-UBND", kind: Content.Posts.PostKind.Document);
        await site.AddPostAsync(unit, "Kế hoạch cải cách hành chính năm 2021", number: "121/KH-UBND", kind: Content.Posts.PostKind.Document);
        await site.AddPostAsync(unit, "Quyết định ban hành quy chế", number: "21/QĐ-UBND", kind: Content.Posts.PostKind.Document);
        await site.AddPostAsync(unit, "Triển khai kế hoạch", "Thực hiện Kế hoạch số 21/KH-UBND của Ủy ban nhân dân tỉnh.");
        await site.ApplyOutboxAsync();

        var titles = await site.TitlesAsync("21/KH-UBND");
        Assert.Equal(["Kế hoạch tuyên truyền cải cách hành chính năm 2022", "Triển khai kế hoạch"], titles);
        Assert.Equal(titles, await site.TitlesAsync("21/kh-ubnd"));
        Assert.Equal(["Quyết định ban hành quy chế"], await site.TitlesAsync("21/QD-UBND"));
    }

    [Fact]
    public async Task Khong_is_not_a_stop_word()
    {
        await using var site = await SiteWithAsync(
            ("Thủ tục thu phí trực tuyến", "Nội dung."),
            ("Thủ tục không thu phí", "Nội dung."));

        Assert.Equal(["Thủ tục không thu phí"], await site.TitlesAsync("không thu phí"));
        Assert.Equal(2, (await site.TitlesAsync("thu phí")).Count);
    }

    [Fact]
    public async Task Decomposed_input_finds_composed_text_and_the_other_way_round()
    {
        await using var site = await SiteWithAsync(
            ("Cải cách thủ tục hành chính", "Nội dung."),
            ("Tiếp nhận phản ánh".Normalize(NormalizationForm.FormD), "Nội dung."));

        Assert.Single(await site.TitlesAsync("cải cách thủ tục".Normalize(NormalizationForm.FormD)));
        Assert.Single(await site.TitlesAsync("phản ánh"));
    }

    [Fact]
    public async Task Old_and_new_tone_placement_are_the_same_word()
    {
        await using var site = await SiteWithAsync(
            ("Tổ hoà giải ở cơ sở", "Nội dung."),
            ("Hóa giải mâu thuẫn", "Nội dung."),
            ("Uỷ ban nhân dân xã họp", "Nội dung."));

        Assert.Equal(["Tổ hoà giải ở cơ sở", "Hóa giải mâu thuẫn"], await site.TitlesAsync("hòa giải"));
        Assert.Equal(["Uỷ ban nhân dân xã họp"], await site.TitlesAsync("ủy ban"));
        Assert.Equal(["Uỷ ban nhân dân xã họp"], await site.TitlesAsync("uỷ ban"));
    }

    [Fact]
    public async Task Among_equal_signals_a_post_about_the_word_ranks_above_one_that_names_it_once()
    {
        await using var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("so-a");
        // Neither title has the words and both texts have them as typed and side by side: only how much each text
        // is about them tells the posts apart. The post about them is the older one, so newest first alone would fail.
        await site.AddPostAsync(unit, "Hội nghị tổng kết năm",
            "Cải cách thủ tục, cải cách bộ máy, cải cách tài chính công: năm nay cải cách là việc của mọi cơ quan.",
            publishAt: site.Now.AddDays(-30));
        await site.AddPostAsync(unit, "Hội nghị sơ kết quý",
            "Hội nghị bàn về thi đua, khen thưởng, tài chính, nhân sự, đất đai, xây dựng, giáo dục, y tế, văn hóa và cải cách của đơn vị trong quý tới.",
            publishAt: site.Now.AddDays(-1));
        await site.ApplyOutboxAsync();

        Assert.Equal(["Hội nghị tổng kết năm", "Hội nghị sơ kết quý"], await site.TitlesAsync("cải cách"));
    }

    [Fact]
    public async Task With_equal_signals_the_newer_post_ranks_first()
    {
        await using var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("so-a");
        // The same text and titles of the same length; written in an order that is neither the dates' nor the titles'.
        await site.AddPostAsync(unit, "Bản tin tuần một", "Tin về cải cách trong tuần.", publishAt: site.Now.AddDays(-9));
        await site.AddPostAsync(unit, "Bản tin tuần hai", "Tin về cải cách trong tuần.", publishAt: site.Now.AddDays(-2));
        await site.AddPostAsync(unit, "Bản tin tuần ba", "Tin về cải cách trong tuần.", publishAt: site.Now.AddDays(-5));
        await site.ApplyOutboxAsync();

        Assert.Equal(["Bản tin tuần hai", "Bản tin tuần ba", "Bản tin tuần một"], await site.TitlesAsync("cải cách"));
    }
}
