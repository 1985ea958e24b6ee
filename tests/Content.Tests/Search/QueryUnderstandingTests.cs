using CchcSite.Content.Search;

namespace CchcSite.Content.Tests.Search;

/// <summary>Issue 27: thesaurus, question words, whole words in titles, rare words and typos — rules and rankings.</summary>
public class QueryUnderstandingTests
{
    private static List<(IReadOnlyList<string> Folded, string Typed)> Words(string text) =>
        text.Split(' ').Select(w => ((IReadOnlyList<string>)SearchAnalyzers.Tokens(SearchAnalyzers.Folded, w).Select(t => t.Term).ToList(), w)).ToList();

    private static Thesaurus Of(params string[] groups) => new(groups.Select(g => ThesaurusGroup.Parse(g)!));

    [Fact]
    public void The_shipped_thesaurus_has_at_least_sixty_entries_each_with_a_source()
    {
        Assert.True(Thesaurus.Shipped.Count >= 60, $"{Thesaurus.Shipped.Count} entries");
        Assert.All(Thesaurus.Shipped, g => Assert.False(string.IsNullOrWhiteSpace(g.Source), g.FormsText));
    }

    [Fact]
    public void A_term_matches_in_both_directions_and_across_several_words()
    {
        var thesaurus = Of("UBND | Ủy ban nhân dân");

        var abbreviation = thesaurus.Match(Words("UBND tỉnh"), 0);
        Assert.NotNull(abbreviation);
        Assert.Equal(("UBND", 1), (abbreviation.Value.Form.Text, abbreviation.Value.WordCount));

        var full = thesaurus.Match(Words("uy ban nhan dan tinh"), 0);
        Assert.NotNull(full);
        Assert.Equal(("Ủy ban nhân dân", 4), (full.Value.Form.Text, full.Value.WordCount));

        Assert.Null(thesaurus.Match(Words("ủy ban tỉnh"), 0));
    }

    [Fact]
    public void A_form_inside_one_typed_word_must_cover_the_whole_word()
    {
        var thesaurus = Of("TN&TKQ | tiếp nhận và trả kết quả", "KH | kế hoạch");

        Assert.Equal("TN&TKQ", thesaurus.Match(Words("TN&TKQ"), 0)?.Form.Text);
        // "KH" is one token of the document number, not the whole word: the number is not expanded.
        Assert.Null(thesaurus.Match(Words("05/KH-UBND"), 0));
    }

    [Fact]
    public void A_form_that_is_also_a_word_is_expanded_only_when_typed_in_capitals()
    {
        var thesaurus = Of("!CA | công an");

        Assert.NotNull(thesaurus.Match(Words("CA tỉnh"), 0));
        Assert.Null(thesaurus.Match(Words("ca trực"), 0));
        // The full form finds the abbreviation whatever its case.
        Assert.NotNull(thesaurus.Match(Words("công an"), 0));
    }

    [Fact]
    public void A_multi_word_form_has_parts_of_two_items_or_more_and_without_its_conjunction()
    {
        Assert.Equal(["cán bộ, công chức", "công chức, viên chức"],
            ThesaurusGroup.Parse("CBCCVC | cán bộ, công chức, viên chức")!.Parts.Select(p => p.Text));
        Assert.Equal(["tiếp nhận, trả kết quả"], ThesaurusGroup.Parse("TN&TKQ | tiếp nhận và trả kết quả")!.Parts.Select(p => p.Text));
        // Two items without a conjunction are the form itself; one item alone ("công chức") is never a part.
        Assert.Empty(ThesaurusGroup.Parse("CCVC | công chức, viên chức")!.Parts);
        Assert.Empty(ThesaurusGroup.Parse("UBND | Ủy ban nhân dân")!.Parts);
    }

    [Fact]
    public void Typed_words_match_a_part_when_no_whole_form_and_a_whole_form_names_the_groups_it_is_part_of()
    {
        var thesaurus = Of("CBCCVC | cán bộ, công chức, viên chức", "CCVC | công chức, viên chức");

        var part = thesaurus.Match(Words("cán bộ công chức tỉnh"), 0);
        Assert.NotNull(part);
        Assert.True(part.Value.Form.IsPart);
        Assert.Equal(("CBCCVC", 4), (part.Value.Group.Forms[0].Text, part.Value.WordCount));

        var whole = thesaurus.Match(Words("công chức viên chức"), 0);
        Assert.NotNull(whole);
        Assert.Equal(("CCVC", false), (whole.Value.Group.Forms[0].Text, whole.Value.Form.IsPart));
        Assert.Equal(["CBCCVC"], thesaurus.Containing(whole.Value.Form.Folded).Select(g => g.Forms[0].Text));
        Assert.Null(thesaurus.Match(Words("công chức tỉnh"), 0));
    }

    [Theory]
    [InlineData("nộp hồ sơ trực tuyến như thế nào", "nộp hồ sơ trực tuyến")]
    [InlineData("đường dây nóng ở đâu", "đường dây nóng")]
    [InlineData("làm thế nào để phản ánh kiến nghị", "phản ánh kiến nghị")]
    [InlineData("có được nhận trợ cấp qua bưu điện không", "nhận trợ cấp qua bưu điện")]
    [InlineData("không thu phí", "không thu phí")]
    [InlineData("ở đâu", "ở đâu")]
    public void Question_words_are_optional_and_content_words_are_not(string query, string required)
    {
        var words = query.Split(' ');
        var optional = QuestionPhrases.Optional(Words(query).Select(w => w.Folded).ToList());

        Assert.Equal(required, string.Join(' ', words.Where((_, i) => !optional[i])));
    }

    [Theory]
    [InlineData("2024", "2024")]
    [InlineData("21/KH-UBND", "21")]
    [InlineData("TTHC", "tthc")]
    [InlineData("SGDĐT", "sgddt")]
    [InlineData("ab", "ab")]
    [InlineData("covid19", "covid19")]
    public void Numbers_codes_and_short_words_are_never_corrected(string typed, string folded) =>
        Assert.False(TypoCorrection.IsCorrectable(typed, folded));

    [Theory]
    [InlineData("nóg", "nog")]
    [InlineData("Sipass", "sipass")]
    public void Syllables_of_letters_may_be_corrected(string typed, string folded) =>
        Assert.True(TypoCorrection.IsCorrectable(typed, folded));

    [Fact]
    public void Candidates_are_one_edit_away()
    {
        var candidates = TypoCorrection.Candidates("nog").ToHashSet();

        Assert.Contains("nong", candidates);
        Assert.Contains("ngo", candidates);
        Assert.Contains("no", candidates);
        Assert.Contains("nop", candidates);
        Assert.DoesNotContain("nog", candidates);
        Assert.DoesNotContain("nhong", candidates);
    }

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
    public async Task An_abbreviation_finds_the_full_form_and_the_full_form_the_abbreviation_the_typed_form_first()
    {
        await using var site = await SiteWithAsync(
            ("Niêm yết công khai thủ tục hành chính", "Danh mục thủ tục tại Bộ phận một cửa."),
            ("Rà soát TTHC năm 2024", "Kết quả rà soát."),
            ("Lịch tiếp công dân", "Không liên quan."));

        Assert.Equal(["Rà soát TTHC năm 2024", "Niêm yết công khai thủ tục hành chính"], await site.TitlesAsync("TTHC"));
        Assert.Equal(["Niêm yết công khai thủ tục hành chính", "Rà soát TTHC năm 2024"], await site.TitlesAsync("thủ tục hành chính"));
        // Multi-word form on the other side: "dịch vụ công trực tuyến" for "DVCTT", which no post contains.
        Assert.Empty(await site.TitlesAsync("DVCTT"));
    }

    [Fact]
    public async Task A_multi_word_variant_is_found_for_an_abbreviation_no_post_contains()
    {
        await using var site = await SiteWithAsync(
            ("Hướng dẫn nộp hồ sơ dịch vụ công trực tuyến", "Các bước nộp hồ sơ."),
            ("Dịch vụ công tại quầy", "Nộp trực tiếp; thanh toán trực tuyến."));

        Assert.Equal(["Hướng dẫn nộp hồ sơ dịch vụ công trực tuyến"], await site.TitlesAsync("DVCTT"));
        Assert.Equal(["Hướng dẫn nộp hồ sơ dịch vụ công trực tuyến"], await site.TitlesAsync("DVC trực tuyến"));
    }

    [Fact]
    public async Task An_abbreviation_finds_a_post_writing_part_of_its_full_form_below_one_writing_it_whole()
    {
        await using var site = await SiteWithAsync(
            ("Văn hóa công vụ đối với công chức, viên chức", "Chuẩn mực ứng xử."),
            ("Văn hóa công vụ của cán bộ, công chức, viên chức", "Chuẩn mực ứng xử."),
            ("Văn hóa công vụ tại trụ sở", "Chuẩn mực ứng xử của công chức."));

        Assert.Equal(["Văn hóa công vụ của cán bộ, công chức, viên chức", "Văn hóa công vụ đối với công chức, viên chức"],
            await site.TitlesAsync("CBCCVC văn hóa công vụ"));
        // The tie that the part breaks is its lower weight, not the order of the posts.
        Assert.Equal(["Văn hóa công vụ của cán bộ, công chức, viên chức", "Văn hóa công vụ đối với công chức, viên chức"],
            await site.TitlesAsync("cán bộ, công chức, viên chức văn hóa công vụ"));
    }

    [Fact]
    public async Task A_part_typed_finds_a_post_writing_the_abbreviation_of_the_whole_below_those_writing_the_part_but_not_when_quoted()
    {
        await using var site = await SiteWithAsync(
            ("Tập huấn CBCCVC năm 2024", "Lớp bồi dưỡng kỹ năng."),
            ("Tập huấn công chức, viên chức năm 2024", "Lớp bồi dưỡng kỹ năng."),
            ("Tập huấn công chức năm 2024", "Lớp bồi dưỡng kỹ năng."));

        Assert.Equal(["Tập huấn công chức, viên chức năm 2024", "Tập huấn CBCCVC năm 2024"], await site.TitlesAsync("tập huấn công chức viên chức"));
        Assert.Equal(["Tập huấn công chức, viên chức năm 2024"], await site.TitlesAsync("\"công chức viên chức\""));
    }

    [Fact]
    public async Task A_question_finds_the_answer_without_its_question_words_but_a_quoted_phrase_still_needs_them()
    {
        await using var site = await SiteWithAsync(
            ("Thông báo lịch tiếp công dân", "Lãnh đạo tiếp công dân vào thứ Năm hằng tuần tại trụ sở."),
            ("Nơi làm việc ở đâu cũng cần văn minh", "Như thế nào là văn minh công sở?"));

        Assert.Equal(["Thông báo lịch tiếp công dân"], await site.TitlesAsync("lịch tiếp công dân ở đâu"));
        Assert.Equal(["Thông báo lịch tiếp công dân"], await site.TitlesAsync("tiếp công dân như thế nào"));
        Assert.Equal(["Nơi làm việc ở đâu cũng cần văn minh"], await site.TitlesAsync("\"ở đâu\""));
        Assert.Empty(await site.TitlesAsync("lịch tiếp công dân \"ở đâu\""));
    }

    [Fact]
    public async Task A_title_holding_the_whole_typed_word_ranks_above_one_holding_a_syllable_of_it()
    {
        await using var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("so-a");
        // The older post has the whole word in its title; the newer only "quyết" of "nghị quyết", inside "quyết định".
        await site.AddPostAsync(unit, "Triển khai Nghị quyết của Chính phủ", "Nội dung.", publishAt: site.Now.AddDays(-20));
        await site.AddPostAsync(unit, "Quyết định công bố thủ tục", "Thực hiện nghị quyết của Hội đồng nhân dân.", publishAt: site.Now.AddDays(-1));
        await site.ApplyOutboxAsync();

        Assert.Equal(["Triển khai Nghị quyết của Chính phủ", "Quyết định công bố thủ tục"], await site.TitlesAsync("nghị quyết"));
    }

    /// <summary>
    /// The newer post has "xã hội" in its title and "bảo trợ" in its text, apart; the older has the typed words' whole run
    /// in its text only. Two other posts hold none of the words: a run in most posts would tell nothing.
    /// </summary>
    private static async Task<SearchTestSite> SiteWithARunInTheTextAndAPairInATitleAsync()
    {
        var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("so-a");
        await site.AddPostAsync(unit, "Chi trả trợ cấp hằng tháng", "Danh sách đối tượng bảo trợ xã hội được chi trả tại xã.",
            publishAt: site.Now.AddDays(-20));
        await site.AddPostAsync(unit, "Tận dụng mạng xã hội để tuyên truyền", "Chương trình bảo trợ trẻ em được đăng trên trang của Sở.",
            publishAt: site.Now.AddDays(-1));
        await site.AddPostAsync(unit, "Lịch tiếp công dân", "Lãnh đạo tiếp công dân vào thứ Năm.");
        await site.AddPostAsync(unit, "Thông báo giờ làm việc", "Bộ phận một cửa làm việc sáng thứ Bảy.");
        await site.ApplyOutboxAsync();
        return site;
    }

    [Theory]
    [InlineData("bảo trợ xã hội")]
    [InlineData("bao tro xa hoi")]
    [InlineData("bảo trơ xá hôi")]
    public async Task The_typed_words_whole_run_in_a_text_ranks_above_a_title_sharing_a_two_syllable_word(string query)
    {
        await using var site = await SiteWithARunInTheTextAndAPairInATitleAsync();

        Assert.Equal(["Chi trả trợ cấp hằng tháng", "Tận dụng mạng xã hội để tuyên truyền"], await site.TitlesAsync(query));
    }

    [Fact]
    public async Task Quoted_phrases_make_no_run_between_them()
    {
        await using var site = await SiteWithARunInTheTextAndAPairInATitleAsync();

        // Each phrase is matched alone, so the title holding one of them still comes first.
        Assert.Equal(["Tận dụng mạng xã hội để tuyên truyền", "Chi trả trợ cấp hằng tháng"], await site.TitlesAsync("\"bảo trợ\" \"xã hội\""));
        Assert.Equal(["Chi trả trợ cấp hằng tháng"], await site.TitlesAsync("\"bảo trợ xã hội\""));
    }

    [Fact]
    public async Task In_a_long_query_a_rare_year_decides_and_a_post_missing_a_common_word_is_not_dropped()
    {
        await using var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("so-a");
        for (var year = 2015; year <= 2023; year++)
            await site.AddPostAsync(unit, $"Kế hoạch tuyên truyền cải cách hành chính năm {year}", "Tuyên truyền cải cách hành chính trên địa bàn tỉnh.",
                publishAt: site.Now.AddDays(-100 + year - 2015));
        // The one post of 2024 lacks "tỉnh" and "địa bàn": with every word required it would not be found.
        await site.AddPostAsync(unit, "Kế hoạch tuyên truyền cải cách hành chính năm 2024", "Tuyên truyền cải cách hành chính.",
            publishAt: site.Now.AddDays(-200));
        await site.ApplyOutboxAsync();

        var titles = await site.TitlesAsync("kế hoạch tuyên truyền cải cách hành chính năm 2024 trên địa bàn tỉnh");
        Assert.Equal("Kế hoạch tuyên truyền cải cách hành chính năm 2024", titles[0]);
    }

    [Fact]
    public async Task A_mistyped_syllable_is_corrected_and_offered_as_did_you_mean()
    {
        await using var site = await SiteWithAsync(
            ("Thông báo đường dây nóng", "Số điện thoại tiếp nhận phản ánh."),
            ("Lịch làm việc", "Không liên quan."));

        var results = await site.SearchAsync("đường dây nóg");
        Assert.Equal(["Thông báo đường dây nóng"], results.Hits.Items.Select(h => h.Post.Title));
        Assert.Equal("đường dây nong", results.Correction);

        var exact = await site.SearchAsync("đường dây nóng");
        Assert.Null(exact.Correction);
    }

    [Fact]
    public async Task Numbers_and_codes_are_never_corrected()
    {
        await using var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("so-a");
        await site.AddPostAsync(unit, "Kế hoạch năm 2024", number: "21/KH-UBND", kind: Content.Posts.PostKind.Document);
        await site.ApplyOutboxAsync();

        Assert.Empty(await site.TitlesAsync("2025"));
        Assert.Empty(await site.TitlesAsync("22/KH-UBND"));
        Assert.Empty(await site.TitlesAsync("UBNX"));
        Assert.Null((await site.SearchAsync("2025")).Correction);
    }
}
