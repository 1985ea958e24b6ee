using CchcSite.Content.Posts;
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
    public void A_form_whose_letters_are_another_word_is_expanded_only_when_typed_with_its_marks()
    {
        var thesaurus = Of("GCNQSDĐ | giấy chứng nhận quyền sử dụng đất | ~sổ đỏ");

        Assert.NotNull(thesaurus.Match(Words("sổ đỏ"), 0));
        Assert.NotNull(thesaurus.Match(Words("Sổ Đỏ?"), 0));
        // Without its marks it is also "sơ đồ", "số đo".
        Assert.Null(thesaurus.Match(Words("so do"), 0));
        Assert.Null(thesaurus.Match(Words("sơ đồ tổ chức"), 0));
        Assert.Null(thesaurus.Match(Words("chỉ số đo"), 1));
        // The other forms find it whatever their marks.
        Assert.NotNull(thesaurus.Match(Words("giay chung nhan quyen su dung dat"), 0));
        Assert.Equal("GCNQSDĐ | giấy chứng nhận quyền sử dụng đất | ~sổ đỏ", thesaurus.Groups[0].FormsText);
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

    [Fact]
    public void A_term_with_a_qualifier_is_matched_as_the_term_then_the_qualifier_whichever_form_is_typed()
    {
        var thesaurus = Of("DVC | dịch vụ công", "DVCTT | DVC trực tuyến | dịch vụ công trực tuyến",
            "DVC mức độ 4 | dịch vụ công trực tuyến toàn trình");

        var typed = Words("DVC mức độ 4 tỉnh");
        var term = thesaurus.Match(typed, 0);
        Assert.NotNull(term);
        Assert.Equal(("DVC", 1), (term.Value.Form.Text, term.Value.WordCount));
        var qualifier = thesaurus.Qualifier(term.Value.Group, typed, 1);
        Assert.NotNull(qualifier);
        Assert.Equal(3, qualifier.Value.WordCount);
        Assert.Equal(["muc do 4", "toan trinh"], qualifier.Value.Term.Qualifiers.Select(q => string.Join(' ', q)));
        Assert.Equal(["DVC", "DVCTT"], qualifier.Value.Term.Heads.Select(h => h.Forms[0].Text));

        // The other way: the full term is matched whole, and the qualifier after it.
        var full = Words("dịch vụ công trực tuyến toàn trình");
        var fullTerm = thesaurus.Match(full, 0);
        Assert.NotNull(fullTerm);
        Assert.Equal(("dịch vụ công trực tuyến", 5), (fullTerm.Value.Form.Text, fullTerm.Value.WordCount));
        Assert.Equal(2, thesaurus.Qualifier(fullTerm.Value.Group, full, 5)?.WordCount);

        // Only right after the term; and a group with a one-word form ("DVCTT") names one thing, matched whole.
        Assert.Null(thesaurus.Qualifier(term.Value.Group, Words("DVC tỉnh mức độ 4"), 1));
        var named = thesaurus.Match(Words("DVC trực tuyến"), 0);
        Assert.Equal(("DVC trực tuyến", 3), (named?.Form.Text, named?.WordCount));
    }

    [Fact]
    public async Task A_term_with_a_qualifier_finds_posts_writing_the_qualifier_apart_or_another_qualifier_but_a_quoted_phrase_stays_literal()
    {
        await using var site = await SiteWithAsync(
            ("Video hướng dẫn dịch vụ công trực tuyến mức độ 3, mức độ 4", "Các bước nộp hồ sơ."),
            ("Danh mục dịch vụ công trực tuyến toàn trình", "Áp dụng từ năm 2024."),
            ("Dịch vụ công tại quầy", "Nộp trực tiếp tại Bộ phận một cửa."),
            ("Đo lường mức độ hài lòng", "Kết quả khảo sát năm 4."),
            ("Hồ sơ đạt mức độ 4", "Thống kê năm 2024."));

        // The qualifier alone in a title does not let a post lack its term: "mức độ 4" names nothing without "DVC".
        Assert.Equal(["Video hướng dẫn dịch vụ công trực tuyến mức độ 3, mức độ 4", "Danh mục dịch vụ công trực tuyến toàn trình"],
            await site.TitlesAsync("DVC mức độ 4"));
        Assert.Equal(["Danh mục dịch vụ công trực tuyến toàn trình", "Video hướng dẫn dịch vụ công trực tuyến mức độ 3, mức độ 4"],
            await site.TitlesAsync("DVCTT toàn trình"));
        Assert.Empty(await site.TitlesAsync("\"DVC mức độ 4\""));
    }

    [Theory]
    [InlineData("nộp hồ sơ trực tuyến như thế nào", "nộp hồ sơ trực tuyến")]
    [InlineData("hồ sơ trễ hạn có được xin lỗi không", "hồ sơ trễ hạn xin lỗi")]
    [InlineData("người có công có được nhận trợ cấp không", "người có công nhận trợ cấp")]
    [InlineData("hồ sơ đã được giải quyết chưa", "hồ sơ giải quyết")]
    [InlineData("ai được nhận trợ cấp", "nhận trợ cấp")]
    [InlineData("lệ phí cấp bản sao bao nhiêu", "lệ phí cấp bản sao")]
    [InlineData("nộp hồ sơ ở quầy nào", "nộp hồ sơ ở quầy")]
    [InlineData("cần mang giấy tờ gì", "cần mang giấy tờ")]
    [InlineData("ứng dụng AI trong cải cách hành chính", "ứng dụng AI trong cải cách hành chính")]
    [InlineData("kết quả sáu tháng đầu", "kết quả sáu tháng đầu")]
    [InlineData("có không", "có không")]
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
    [InlineData("Sở Tài chính tỉnh Sóc Trăng năm 2023", 3, "tỉnh Sóc Trăng")]
    [InlineData("Phòng GDĐT thị xã Ngã Năm", 2, "thị xã Ngã Năm")]
    [InlineData("UBND phường Thác Mơ tiểu phẩm", 1, "phường Thác Mơ")]
    [InlineData("ke hoach tinh soc trang", 2, "")]
    [InlineData("số 05 Hùng Vương Phường 1", 4, "")]
    [InlineData("các xã, phường", 1, "")]
    [InlineData("UBND tỉnh", 1, "")]
    public void A_place_is_its_level_and_its_capitalised_name(string query, int start, string place)
    {
        var words = Words(query);

        Assert.Equal(place, string.Join(' ', words.Skip(start).Take(PlaceNames.Match(words, start)).Select(w => w.Typed)));
    }

    [Theory]
    [InlineData("2024", "2024")]
    [InlineData("21/KH-UBND", "21")]
    [InlineData("TTHC", "tthc")]
    [InlineData("SGDĐT", "sgddt")]
    [InlineData("a", "a")]
    [InlineData("CT", "ct")]
    [InlineData("covid19", "covid19")]
    public void Numbers_codes_and_short_words_are_never_corrected(string typed, string folded) =>
        Assert.False(TypoCorrection.IsCorrectable(typed, folded));

    [Theory]
    [InlineData("nóg", "nog")]
    [InlineData("Sipass", "sipass")]
    [InlineData("xơ", "xo")]
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

    [Theory]
    [InlineData("xo", "so", true)]        // initials s/x
    [InlineData("nam", "lam", true)]      // initials l/n
    [InlineData("dieu", "rieu", true)]    // initials d/r
    [InlineData("cac", "cat", true)]      // finals c/t
    [InlineData("ban", "bang", true)]     // finals n/ng
    [InlineData("bang", "ban", true)]
    [InlineData("xo", "co", false)]       // c next to x on the keyboard, but no sound alike
    [InlineData("can", "cat", false)]     // n and t are no pair
    [InlineData("song", "sonh", false)]
    public void Initials_and_finals_that_sound_alike_are_told_apart(string typed, string candidate, bool alike) =>
        Assert.Equal(alike, TypoCorrection.SoundsAlike(typed, candidate));

    [Theory]
    [InlineData("li", "ly")]
    [InlineData("ky", "ki")]
    [InlineData("qui", "quy")]
    [InlineData("ti", "ty")]
    [InlineData("thi", null)]   // "thi" is never written "thy"
    [InlineData("ni", null)]
    [InlineData("lich", null)]
    [InlineData("y", null)]
    public void A_lone_i_or_y_after_the_initials_that_take_both_is_spelt_the_other_way_too(string folded, string? other) =>
        Assert.Equal(other, TypoCorrection.OtherSpelling(folded));

    /// <summary>
    /// "lí lịch" for "lý lịch": a post writes "xử lí", so the index holds "li", and the query is long, whose known words are
    /// never corrected as slips; but "li" is in no pair with "phiếu" or "lịch", and "lý" is, so it is read as "lý".
    /// </summary>
    [Fact]
    public async Task A_syllable_spelt_with_i_where_the_posts_write_y_is_read_as_they_write_it_in_a_long_query()
    {
        await using var site = await SiteWithAsync(
            ("Cấp phiếu lý lịch tư pháp trên VNeID", "Người dân nộp tờ khai trên ứng dụng."),
            ("Xử lí hồ sơ trễ hạn", "Cán bộ xin lỗi người dân bằng văn bản."));

        var results = await site.SearchAsync("xin phiếu lí lịch tư pháp trên VNeID");
        Assert.NotNull(results.Correction);
        Assert.Equal("Cấp phiếu lý lịch tư pháp trên VNeID", results.Hits.Items.First().Post.Title);
    }

    [Theory]
    [InlineData("nhà nước hỗ trợ mấy triệu", "nhà nước hỗ trợ triệu")]
    [InlineData("thi mấy môn", "thi môn")]
    [InlineData("ho tro may trieu", "ho tro may trieu")]   // "may" without its marks is also "máy", "may"
    [InlineData("sửa máy tính", "sửa máy tính")]
    public void A_question_word_folding_to_other_words_counts_only_typed_with_its_marks(string query, string required)
    {
        var words = query.Split(' ');
        var optional = QuestionPhrases.Optional(Words(query).Select(w => w.Folded).ToList(),
            words.Select(w => (IReadOnlyList<string>)SearchAnalyzers.Tokens(SearchAnalyzers.Exact, w).Select(t => t.Term).ToList()).ToList());

        Assert.Equal(required, string.Join(' ', words.Where((_, i) => !optional[i])));
    }

    [Theory]
    [InlineData("kuong", "luong", true)]   // k and l side by side
    [InlineData("chomg", "chong", true)]   // m and n
    [InlineData("kuong", "iuong", true)]   // k under i
    [InlineData("kuong", "huong", false)]  // j lies between h and k
    [InlineData("kuong", "uong", false)]   // a letter dropped, not a key missed
    [InlineData("kuong", "luonh", false)]  // two letters changed
    public void A_letter_changed_into_the_key_next_to_it_is_a_slip_of_the_finger(string typed, string candidate, bool nextKey) =>
        Assert.Equal(nextKey, TypoCorrection.NextKey(typed, candidate));

    /// <summary>
    /// "tiền kương": "tiền lương" and "tiền hướng (dẫn)" are both pairs of the index, equally called for by "tiền"; the
    /// commoner "hương" is not the likelier slip, "lương" is (k next to l).
    /// </summary>
    [Fact]
    public async Task Between_corrections_the_neighbour_calls_for_equally_the_key_next_to_the_typed_one_wins()
    {
        await using var site = await SiteWithAsync(
            ("Chế độ tiền lương", "Tiền lương của công chức."),
            ("Nộp tiền", "Nộp tiền hướng dẫn tại quầy."),
            ("Hồ sơ", "Hướng dẫn hồ sơ."));

        Assert.Equal(["Chế độ tiền lương"], await site.TitlesAsync("tiền kương"));
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

        // The third post names no form of CBCCVC, but its title is about "văn hóa công vụ" whole: found, below both.
        Assert.Equal(["Văn hóa công vụ của cán bộ, công chức, viên chức", "Văn hóa công vụ đối với công chức, viên chức", "Văn hóa công vụ tại trụ sở"],
            await site.TitlesAsync("CBCCVC văn hóa công vụ"));
        // The tie that the part breaks is its lower weight, not the order of the posts.
        Assert.Equal(["Văn hóa công vụ của cán bộ, công chức, viên chức", "Văn hóa công vụ đối với công chức, viên chức"],
            await site.TitlesAsync("cán bộ, công chức, viên chức văn hóa công vụ"));
    }

    [Fact]
    public async Task A_short_query_finds_a_post_lacking_the_abbreviation_when_its_title_holds_the_other_words_whole()
    {
        await using var site = await SiteWithAsync(
            ("Thông báo đường dây nóng của Sở LĐTBXH", "Số điện thoại tiếp nhận phản ánh."),
            ("Thông báo số điện thoại đường dây nóng", "Sở Tài chính tiếp nhận phản ánh, kiến nghị."),
            ("Kế hoạch tuyên truyền năm 2024", "Người dân gọi đường dây nóng của Sở Tài chính."),
            ("Danh mục thủ tục", "Sở LĐTBXH công bố danh mục."));

        // The other department's hotline notice: "đường dây nóng" whole in its title. Not the plan naming it in its text,
        // nor the department's post without it.
        Assert.Equal(["Thông báo đường dây nóng của Sở LĐTBXH", "Thông báo số điện thoại đường dây nóng"],
            await site.TitlesAsync("Sở LĐTBXH đường dây nóng"));
        Assert.Equal(["Thông báo đường dây nóng của Sở LĐTBXH", "Thông báo số điện thoại đường dây nóng"],
            await site.TitlesAsync("đường dây nóng Sở LĐTBXH"));
    }

    [Fact]
    public async Task A_two_syllable_word_in_a_title_does_not_let_a_post_lack_the_abbreviation_typed_beside_it()
    {
        await using var site = await SiteWithAsync(
            ("Mô hình hỗ trợ nộp hồ sơ", "Công chức Bộ phận TN&TKQ hướng dẫn người dân."),
            ("Giờ làm việc của Bộ phận một cửa", "Từ thứ Hai đến thứ Sáu."));

        Assert.Equal(["Mô hình hỗ trợ nộp hồ sơ"], await site.TitlesAsync("bộ phận TN&TKQ"));
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
    public async Task A_telephone_number_is_found_however_its_digits_are_grouped_and_only_that_number()
    {
        await using var site = await SiteWithAsync(
            ("Đường dây nóng của Sở", "Gọi số 0299 3869 216 trong giờ hành chính."),
            ("Liên hệ Văn phòng", "Điện thoại: 0299.3822.406, thư điện tử vanphong@example.gov.vn."),
            ("Lịch tiếp công dân", "Số trực: 0299 3869 110."));

        foreach (var typed in new[] { "0299 3869 216", "0299.3869.216", "02993869216", "(0299) 3869216", "0299-3869-216" })
            Assert.Equal(["Đường dây nóng của Sở"], await site.TitlesAsync(typed));
        foreach (var typed in new[] { "0299.3822.406", "0299 3822 406", "02993822406" })
            Assert.Equal(["Liên hệ Văn phòng"], await site.TitlesAsync(typed));
        Assert.Equal(["Lịch tiếp công dân"], await site.TitlesAsync("số trực 02993869110"));
        // A number no post gives, in any grouping, finds nothing.
        Assert.Empty(await site.TitlesAsync("0299.3869.217"));
    }

    [Fact]
    public async Task A_document_cited_by_its_number_and_issue_date_is_found_though_its_text_never_gives_the_date()
    {
        await using var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("phuong-a");
        await site.AddPostAsync(unit, "Kế hoạch tuyên truyền cải cách hành chính năm 2024", "Mục tiêu, nội dung và hình thức tuyên truyền.",
            kind: PostKind.Document, number: "16/KH-UBND", issuedOn: new DateOnly(2024, 3, 20));
        await site.AddPostAsync(unit, "Hội nghị tuyên truyền", "Ngày 20/3/2024, phường tổ chức hội nghị tuyên truyền.");
        await site.AddPostAsync(unit, "Kế hoạch năm 2021", "Thay thế kế hoạch cũ.", kind: PostKind.Document, number: "16/KH-UBND",
            issuedOn: new DateOnly(2021, 2, 23));
        await site.ApplyOutboxAsync();

        // A citation, with the day as written in either way: the document of that number issued that day, and only it.
        foreach (var typed in new[] { "16/KH-UBND ngày 20/3/2024", "16/KH-UBND ngày 20/03/2024", "Kế hoạch số 16/KH-UBND ngày 20/3/2024" })
            Assert.Equal(["Kế hoạch tuyên truyền cải cách hành chính năm 2024"], await site.TitlesAsync(typed));
        // The day alone finds both the document issued that day and the post whose text gives it.
        Assert.Equal(2, (await site.TitlesAsync("ngày 20/3/2024")).Count);
    }

    [Fact]
    public async Task An_office_abbreviation_finds_the_office_written_in_full()
    {
        await using var site = await SiteWithAsync(
            ("Ý kiến xây dựng kế hoạch", "Phòng Tổ chức cán bộ tổng hợp ý kiến các đơn vị."),
            ("Ý kiến hội nghị cán bộ", "Tổ chức hội nghị cán bộ, tổng hợp ý kiến các đơn vị."));

        foreach (var typed in new[] { "P.TCCB ý kiến", "Phòng TCCB ý kiến", "TCCB ý kiến" })
            Assert.Equal(["Ý kiến xây dựng kế hoạch"], await site.TitlesAsync(typed));
    }

    /// <summary>"Sở NV", "Sở TC": a department written as "Sở" and the initials of its field finds the department written in full.</summary>
    [Fact]
    public async Task A_department_written_as_So_and_its_initials_finds_the_department_written_in_full()
    {
        await using var site = await SiteWithAsync(
            ("Lớp tập huấn nghiệp vụ", "Sở Nội vụ tổ chức lớp tập huấn cho công chức; Sở Tài chính hướng dẫn lập dự toán."),
            ("Tập huấn công tác văn thư", "Sở Y tế tổ chức lớp tập huấn cho viên chức."));

        Assert.Equal(["Lớp tập huấn nghiệp vụ"], await site.TitlesAsync("Sở NV tập huấn"));
        Assert.Equal(["Lớp tập huấn nghiệp vụ"], await site.TitlesAsync("Sở TC tập huấn"));
    }

    /// <summary>
    /// "KH 86 năm 2022": the plan numbered 86/KH-SGDĐT, not the newer propaganda plan citing it twice ("thực hiện Kế hoạch số
    /// 86/KH-SGDĐT"), whose text holds the same words. The initials and number typed apart, either order, name the document
    /// numbered so whatever its issuer's part; a number with other initials ("CT 86") names none.
    /// </summary>
    [Fact]
    public async Task A_documents_initials_and_number_typed_apart_rank_the_document_numbered_so_first()
    {
        await using var site = await SiteWithPlanCitedTwiceAsync("Kế hoạch thực hiện cải cách hành chính năm 2022", "86", "KH-SGDĐT");

        foreach (var typed in new[] { "KH 86 năm 2022", "86 KH năm 2022" })
            Assert.Equal("Kế hoạch thực hiện cải cách hành chính năm 2022", (await site.TitlesAsync(typed))[0]);
        Assert.Equal("Kế hoạch tuyên truyền cải cách hành chính năm 2022", (await site.TitlesAsync("CT 86 kế hoạch năm 2022"))[0]);
    }

    /// <summary>
    /// A plan numbered <paramref name="number"/>/<paramref name="suffix"/> and a newer plan of the same unit whose text cites
    /// it twice: the citing post holds the same words, so only the number can rank the plan first.
    /// </summary>
    private static async Task<SearchTestSite> SiteWithPlanCitedTwiceAsync(string title, string number, string suffix)
    {
        var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("so-a");
        await site.AddPostAsync(unit, title, "Mục tiêu và nhiệm vụ của năm.",
            kind: PostKind.Document, number: $"{number}/{suffix}", publishAt: site.Now.AddDays(-40));
        await site.AddPostAsync(unit, "Kế hoạch tuyên truyền cải cách hành chính năm 2022",
            $"Thực hiện Kế hoạch số {number}/{suffix}, Sở ban hành kế hoạch tuyên truyền; phụ lục kèm Kế hoạch số {number}/{suffix}.",
            kind: PostKind.Document, number: $"12/{suffix}", publishAt: site.Now.AddDays(-10));
        await site.ApplyOutboxAsync();
        return site;
    }

    /// <summary>
    /// "KH19", "QĐ1847": a document cited by its type's initials joined to its number finds the posts writing the number
    /// first and the initials apart ("19/KH-UBND"), and only that number; letters and digits joined the other way round
    /// are found as typed ("COVID19" for "COVID-19").
    /// </summary>
    [Fact]
    public async Task A_number_joined_to_its_documents_initials_finds_the_number_as_posts_write_it()
    {
        await using var site = await SiteWithAsync(
            ("Kế hoạch tuyên truyền năm 2021", "Thực hiện Kế hoạch số 19/KH-UBND của Ủy ban nhân dân tỉnh về tuyên truyền."),
            ("Kế hoạch tuyên truyền năm 2022", "Thực hiện Kế hoạch số 21/KH-UBND của Ủy ban nhân dân tỉnh về tuyên truyền."),
            ("Văn hóa công vụ", "Triển khai Quyết định số 1847/QĐ-TTg về văn hóa công vụ."),
            ("Phòng, chống dịch", "Tuyên truyền phòng, chống dịch COVID-19 tại bộ phận một cửa."));

        Assert.Equal(["Kế hoạch tuyên truyền năm 2021"], await site.TitlesAsync("KH19 tuyên truyền"));
        Assert.Equal(["Kế hoạch tuyên truyền năm 2022"], await site.TitlesAsync("kh21"));
        Assert.Equal(["Văn hóa công vụ"], await site.TitlesAsync("QĐ1847"));
        Assert.Equal(["Phòng, chống dịch"], await site.TitlesAsync("COVID19"));
        Assert.Empty(await site.TitlesAsync("KH20 tuyên truyền"));
    }

    /// <summary>
    /// "KH403-STC", "403KH-STC", "KH-403-STC": a plan's number joined to its initials, or typed initials first, with the
    /// issuer after a hyphen, as officials write it in notes and file names for 403/KH-STC. Each finds the plan numbered so,
    /// first, above a newer post citing it twice; typed as the number writes it ("403/KH-STC") it already did.
    /// </summary>
    [Fact]
    public async Task A_number_joined_to_its_initials_with_the_issuer_after_it_names_the_document_numbered_so()
    {
        await using var site = await SiteWithPlanCitedTwiceAsync("Kế hoạch cải cách hành chính năm 2022", "403", "KH-STC");

        foreach (var typed in new[] { "KH403-STC", "403KH-STC", "KH-403-STC", "403/KH-STC", "KH403" })
            Assert.Equal("Kế hoạch cải cách hành chính năm 2022", (await site.TitlesAsync(typed))[0]);
        Assert.Empty(await site.TitlesAsync("KH404-STC"));
    }

    /// <summary>
    /// "số 5 ngày 17/1/2024": documents write a number and a day or month below 10 with a leading zero ("Kế hoạch số 05/KH-UBND
    /// ngày 17/01/2024"), citizens type them as they say them. The date and the number after "số" also match their padded forms;
    /// a "5" that is no document's number ("5 nhiệm vụ") stays as typed.
    /// </summary>
    [Fact]
    public async Task A_date_or_document_number_typed_without_its_leading_zero_finds_it_as_documents_write_it()
    {
        await using var site = await SiteWithAsync(
            ("Triển khai kế hoạch năm 2024", "Thực hiện Kế hoạch số 05/KH-UBND ngày 17/01/2024 của Ủy ban nhân dân phường."),
            ("Kế hoạch năm 2023", "Thực hiện Kế hoạch số 15/KH-UBND ngày 17/11/2023 của Ủy ban nhân dân phường."),
            ("Nhiệm vụ trọng tâm", "Năm 2024 có 5 nhiệm vụ, số 05 là nhiệm vụ chuyển đổi số."));

        Assert.Equal(["Triển khai kế hoạch năm 2024"], await site.TitlesAsync("17/1/2024"));
        Assert.Equal("Triển khai kế hoạch năm 2024", (await site.TitlesAsync("kế hoạch số 5 ngày 17/1/2024"))[0]);
        Assert.Equal(["Nhiệm vụ trọng tâm"], await site.TitlesAsync("5 nhiệm vụ"));
    }

    [Theory]
    [InlineData("kh19", "kh", "19")]
    [InlineData("1847qd", "qd", "1847")]
    [InlineData("2021", null, null)]
    [InlineData("ubnd", null, null)]
    [InlineData("a1b2", null, null)]
    public void A_word_of_letters_and_digits_joined_splits_into_its_letters_and_digits(string token, string? letters, string? digits) =>
        Assert.Equal(letters is null ? null : (letters, digits!), JoinedNumbers.Split(token));

    /// <summary>
    /// A unit's full name typed in a query is one term: a title holding it ranks no higher for its five syllable pairs
    /// than a title holding the unit's abbreviation and the words that say what the post is about.
    /// </summary>
    [Fact]
    public async Task A_unit_named_in_full_weighs_as_one_term_in_the_title_not_as_its_syllable_pairs()
    {
        await using var site = await SiteWithAsync(
            ("Kế hoạch cải cách hành chính năm 2022 của Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo ban hành kế hoạch cải cách hành chính."),
            ("Kế hoạch số 86/KH-SGDĐT thực hiện cải cách hành chính năm 2022", "Sở Giáo dục và Đào tạo ban hành kế hoạch thực hiện cải cách hành chính."));

        Assert.Equal("Kế hoạch số 86/KH-SGDĐT thực hiện cải cách hành chính năm 2022",
            (await site.TitlesAsync("Sở Giáo dục và Đào tạo kế hoạch thực hiện cải cách hành chính 2022"))[0]);
    }

    /// <summary>
    /// A day typed whole names the document issued that day, as its number does: it ranks above a post whose title gives
    /// the day for something else.
    /// </summary>
    [Fact]
    public async Task The_day_typed_ranks_the_document_issued_that_day_above_a_post_giving_it_in_its_title()
    {
        await using var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("so-a");
        await site.AddPostAsync(unit, "Kế hoạch thực hiện cải cách hành chính năm 2022", "Mục tiêu và nhiệm vụ cải cách hành chính của Sở.",
            kind: PostKind.Document, number: "86/KH-SGDĐT", issuedOn: new DateOnly(2022, 1, 17));
        await site.AddPostAsync(unit, "Hội nghị triển khai kế hoạch ngày 17/01/2022", "Sở tổ chức hội nghị triển khai kế hoạch năm 2022.");
        await site.ApplyOutboxAsync();

        // Without the leading zero ("17/1/2022") the day also matches the title's day as written (PaddedNumbers).
        foreach (var typed in new[] { "kế hoạch 17/01/2022", "kế hoạch ngày 17-01-2022", "ke hoach 17/1/2022" })
            Assert.Equal(["Kế hoạch thực hiện cải cách hành chính năm 2022", "Hội nghị triển khai kế hoạch ngày 17/01/2022"],
                await site.TitlesAsync(typed));
    }

    /// <summary>
    /// A document dates itself in words ("ngày 17 tháng 01 năm 2022", Nghị định 30/2020/NĐ-CP, Phụ lục I), and a citizen
    /// copies that line: it names the document issued that day as the day in figures does, above another plan on the same
    /// matter that year.
    /// </summary>
    [Fact]
    public async Task A_day_written_in_words_ranks_the_document_issued_that_day_first()
    {
        await using var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("so-a");
        await site.AddPostAsync(unit, "Kế hoạch số 86/KH-SGDĐT về cải cách hành chính", "Mục tiêu và nhiệm vụ cải cách hành chính của Sở.",
            kind: PostKind.Document, number: "86/KH-SGDĐT", issuedOn: new DateOnly(2022, 1, 17));
        await site.AddPostAsync(unit, "Kế hoạch tuyên truyền cải cách hành chính năm 2022", "Sở ban hành kế hoạch tuyên truyền cải cách hành chính năm 2022.",
            kind: PostKind.Document, number: "12/KH-SGDĐT", issuedOn: new DateOnly(2022, 3, 1));
        await site.ApplyOutboxAsync();

        foreach (var typed in new[] { "kế hoạch cải cách hành chính ngày 17 tháng 01 năm 2022", "ke hoach cai cach hanh chinh 17 thang 1 nam 2022" })
            Assert.Equal("Kế hoạch số 86/KH-SGDĐT về cải cách hành chính", (await site.TitlesAsync(typed))[0]);
    }

    [Theory]
    [InlineData("ngày 28 tháng 01 năm 2022", "28 01 2022")]
    [InlineData("ngay 5 thang 3 nam 2024", "05 03 2024")]
    [InlineData("ngày 30 tháng 02 năm 2022", null)]
    [InlineData("28 tháng 13 năm 2022", null)]
    [InlineData("tháng 01 năm 2022", null)]
    public void A_day_written_in_words_is_read_as_the_days_number_key(string typed, string? key) =>
        Assert.Equal(key is null ? Array.Empty<string>() : [key], DaysInWords.NumberKeys(Words(typed).Select(w => w.Folded).ToList()));

    /// <summary>
    /// A month or a day typed in figures ("tháng 12/2022") finds the plan whose annex writes it in words ("Tháng 12 năm
    /// 2022"), which holds no pair of the typed figures; not the plan of another year.
    /// </summary>
    [Fact]
    public async Task A_month_or_day_in_figures_finds_a_plan_writing_it_in_words()
    {
        await using var site = await SiteWithAsync(
            ("Kế hoạch tuyên truyền năm 2022", "Phụ lục: tổng kết công tác tuyên truyền, thời gian Tháng 12 năm 2022; hội nghị ngày 28 tháng 01 năm 2022."),
            ("Kế hoạch tuyên truyền năm 2021", "Phụ lục: tổng kết công tác tuyên truyền, thời gian Tháng 12 năm 2021; hội nghị ngày 28 tháng 01 năm 2021."));

        foreach (var typed in new[] { "tháng 12/2022", "28/1/2022", "ngày 28/01/2022" })
            Assert.Equal(["Kế hoạch tuyên truyền năm 2022"], await site.TitlesAsync(typed));
        // A month of more digits than any is no month, and no number too long to read.
        Assert.Empty(await site.TitlesAsync("tháng 123456789012/2022"));
    }

    /// <summary>
    /// "tháng 12/2022" is one date, as "Tháng 12 năm 2022" is: the plan naming the month's task ranks above a post whose
    /// title holds "nhiệm vụ tháng" for another month, which the "tháng" typed would otherwise give a word and a run of its own.
    /// </summary>
    [Fact]
    public async Task The_month_word_typed_before_a_month_in_figures_is_part_of_the_date()
    {
        await using var site = await SiteWithAsync(
            ("Kế hoạch tuyên truyền năm 2022", "Phụ lục phân công nhiệm vụ: tổng kết công tác tuyên truyền, thời gian Tháng 12 năm 2022."),
            ("Thực hiện nhiệm vụ tháng 3", "Sở thực hiện nhiệm vụ tháng 3 năm 2022 trong kế hoạch tuyên truyền."));

        Assert.Equal("Kế hoạch tuyên truyền năm 2022", (await site.TitlesAsync("nhiệm vụ tháng 12/2022"))[0]);
    }

    /// <summary>
    /// A school's survey addresses parents and judges teachers and managers, which education documents abbreviate
    /// ("CMHS", "GV", "CBQL"): each finds the post writing it out.
    /// </summary>
    [Fact]
    public async Task The_education_sectors_abbreviations_find_their_full_forms()
    {
        await using var site = await SiteWithAsync(
            ("Khảo sát sự hài lòng", "Phiếu khảo sát phát cho cha mẹ học sinh về thái độ của giáo viên và cán bộ quản lý."),
            ("Khảo sát người dân", "Phiếu khảo sát phát cho người dân về thái độ của công chức."));

        foreach (var typed in new[] { "khảo sát CMHS", "thái độ GV", "thái độ CBQL" })
            Assert.Equal(["Khảo sát sự hài lòng"], await site.TitlesAsync(typed));
    }

    /// <summary>
    /// The abbreviations a plan uses for whom it addresses ("CCVC, NLĐ và người dân, DN") find the posts that write them out.
    /// </summary>
    [Fact]
    public async Task A_plans_abbreviations_for_its_audiences_find_their_full_forms()
    {
        await using var site = await SiteWithAsync(
            ("Tuyên truyền cho người lao động", "Nội dung tuyên truyền cải cách hành chính."),
            ("Tuyên truyền cho người dân", "Nội dung tuyên truyền cải cách hành chính."),
            ("Hỗ trợ doanh nghiệp", "Hướng dẫn thủ tục."),
            ("Hỗ trợ người dân", "Hướng dẫn thủ tục."),
            ("Tập huấn cho viên chức", "Nội dung bồi dưỡng nghiệp vụ."),
            ("Tập huấn cho công chức", "Nội dung bồi dưỡng nghiệp vụ."));

        Assert.Equal(["Tuyên truyền cho người lao động"], await site.TitlesAsync("tuyên truyền NLĐ"));
        Assert.Equal(["Hỗ trợ doanh nghiệp"], await site.TitlesAsync("hỗ trợ DN"));
        Assert.Equal(["Tập huấn cho viên chức"], await site.TitlesAsync("tập huấn VC"));
    }

    /// <summary>
    /// A question is asked in the citizen's words: of its five content words the post that answers holds three ("phiếu",
    /// "hài lòng"), not "trả lời", so half of them suffice, where the same five words typed as no question need four.
    /// </summary>
    [Fact]
    public async Task A_question_needs_half_its_words_as_a_long_query_does()
    {
        await using var site = await SiteWithAsync(
            ("Lấy ý kiến người dân về mức độ hài lòng", "Người dân đánh giá qua phiếu giấy đặt tại quầy; xin dành một phút cho ý kiến trung thực."),
            ("Lịch tiếp công dân", "Lãnh đạo tiếp công dân vào thứ Năm hằng tuần."));

        Assert.Equal(["Lấy ý kiến người dân về mức độ hài lòng"], await site.TitlesAsync("tra loi phieu hai long mat bao lau"));
        Assert.Empty(await site.TitlesAsync("tra loi phieu hai long"));
    }

    /// <summary>
    /// A mass organisation named in full, "Việt Nam" and all, as its law names it, finds the initials posts write it with,
    /// which hold no "Việt Nam" to match; and so does its standing committee ("Thường trực"), which plans list among their
    /// recipients as "TT.UBMTTQVN", one word to the index.
    /// </summary>
    [Fact]
    public async Task A_mass_organisation_named_in_full_finds_the_initials_plans_write_it_with()
    {
        await using var site = await SiteWithAsync(
            ("Kế hoạch tuyên truyền của phường", "Nơi nhận: TT.UBMTTQVN; CT, PCT UBND phường; Lưu: VT."),
            ("Hội nghị phối hợp", "Ủy ban nhân dân phường phối hợp với UBMTTQVN phường."),
            ("Ngày hội đại đoàn kết", "Phường cùng MTTQVN phường tổ chức ngày hội."),
            ("Hội nghị đối thoại", "Ủy ban nhân dân phường đối thoại với người dân Việt Nam."));

        Assert.Equal(["Kế hoạch tuyên truyền của phường"], await site.TitlesAsync("Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam"));
        Assert.Equal(["Hội nghị phối hợp"], await site.TitlesAsync("Ủy ban Mặt trận Tổ quốc Việt Nam"));
        Assert.Equal(["Ngày hội đại đoàn kết"], await site.TitlesAsync("Mặt trận Tổ quốc Việt Nam"));
    }

    /// <summary>
    /// A citizen's errand in everyday words: "khai tử" is the word that says which post is meant; "cho người", a preposition
    /// beside a word in most posts, is in any post that writes "cho người dân" and must not outweigh it.
    /// </summary>
    [Fact]
    public async Task In_a_long_query_a_pair_with_a_function_word_weighs_as_a_set_phrase()
    {
        await using var site = await SiteWithAsync(
            ("Lồng ghép tuyên truyền pháp luật", "Người dân được hướng dẫn cách làm thủ tục đăng ký khai sinh, khai tử trực tuyến, giấy tờ không còn phải nộp."),
            ("Hỗ trợ người dân nộp hồ sơ", "Cán bộ hướng dẫn cho người dân làm hồ sơ, chuẩn bị giấy tờ với thái độ thân thiện."),
            ("Lịch tiếp công dân quý II", "Lãnh đạo tiếp người dân tại trụ sở."),
            ("Kế hoạch kiểm tra năm 2024", "Kiểm tra công tác văn thư, lưu trữ; lấy ý kiến người dân."),
            ("Đường dây nóng", "Số điện thoại tiếp nhận phản ánh của người dân."),
            ("Khảo sát sự hài lòng", "Người dân đánh giá sự phục vụ của cơ quan hành chính."));

        Assert.Equal("Lồng ghép tuyên truyền pháp luật", (await site.TitlesAsync("làm giấy khai tử cho người thân"))[0]);
    }

    [Theory]
    [InlineData("cho", true, true)]
    [InlineData("của", true, true)]
    [InlineData("cua", false, true)]
    [InlineData("cho", false, false)]
    [InlineData("tai", false, false)]
    [InlineData("người", true, false)]
    public void A_function_word_is_read_by_its_written_form_or_when_typed_without_diacritics_by_an_unambiguous_folded_one(string typed, bool withDiacritics, bool expected) =>
        Assert.Equal(expected, FunctionWords.Is(QueryPart.Of(typed, isTypedPhrase: false)!, withDiacritics));

    [Fact]
    public async Task Only_a_run_of_ten_or_eleven_digits_starting_with_zero_is_read_as_a_telephone_number()
    {
        await using var site = await SiteWithAsync(
            ("Kế hoạch năm 2024", "Số 2024 3869 216 là mã hồ sơ."),
            ("Đường dây nóng", "Gọi 0299 3869 216."));

        // A first digit other than 0, or twelve digits: the words are matched as typed, each required, not regrouped.
        Assert.Equal(["Kế hoạch năm 2024"], await site.TitlesAsync("2024 3869 216"));
        Assert.Empty(await site.TitlesAsync("2024.3869.216"));
        Assert.Empty(await site.TitlesAsync("20243869216"));
        Assert.Empty(await site.TitlesAsync("0299 3869 2165"));
        Assert.Equal(["Đường dây nóng"], await site.TitlesAsync("0299.3869.216"));
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
    public async Task A_yes_no_question_inside_the_query_finds_the_answer_but_a_quoted_phrase_still_needs_its_words()
    {
        await using var site = await SiteWithAsync(
            ("Những quy định cần nắm", "Trễ hạn phải xin lỗi: cơ quan gửi văn bản xin lỗi và hẹn lại ngày trả kết quả hồ sơ."),
            ("Tiếp nhận hồ sơ trong ngày", "Hồ sơ có được tiếp nhận ở mọi nơi không phụ thuộc nơi cư trú."));

        Assert.Equal(["Những quy định cần nắm"], await site.TitlesAsync("hồ sơ trễ hạn có được xin lỗi không"));
        Assert.Equal(["Tiếp nhận hồ sơ trong ngày"], await site.TitlesAsync("hồ sơ \"có được\""));
    }

    [Theory]
    [InlineData("xe mới mua có phải mang đi kiểm tra kỹ thuật không", "xe mới mua")]
    [InlineData("hồ sơ đã được duyệt chưa", "hồ sơ")]
    [InlineData("có cần mang theo phim chụp không", "")]
    [InlineData("lương hưu từ tháng mấy được chuyển vào tài khoản", "lương hưu từ tháng")]
    [InlineData("nhà bị lũ cuốn trôi thì hỗ trợ bao nhiêu", "nhà bị lũ cuốn trôi")]
    [InlineData("bị lấy đất làm dự án thì được hỗ trợ tiền gạo mấy tháng", "bị lấy đất làm dự án")]
    [InlineData("dang ky thi lai o dau cho con", "dang ky thi lai")]   // "thi" without its marks is an exam
    [InlineData("hỏi mức chi in tờ rơi ở đâu", "")]   // no frame after the question words
    [InlineData("khi nào nộp hồ sơ", "")]
    [InlineData("xe mới mua đi kiểm tra", "")]
    public void A_questions_subject_is_what_it_types_before_its_question_words(string query, string subject)
    {
        var words = Words(query).Select(w => w.Folded).ToList();
        var written = query.Split(' ').Select(w => (IReadOnlyList<string>)SearchAnalyzers.Tokens(SearchAnalyzers.Exact, w).Select(t => t.Term).ToList()).ToList();

        var count = QuestionPhrases.Subject(QuestionPhrases.Optional(words, written), written);

        Assert.Equal(subject, string.Join(' ', query.Split(' ').Take(count)));
    }

    /// <summary>
    /// Two posts hold the same words once, but one repeats the subject of the yes-no question ("xe") and the other a word
    /// of its frame ("kiểm tra"): the post repeating the subject is about what is asked. Asked with the subject after the
    /// question words, the query has none, and each repeated word weighs as little as any.
    /// </summary>
    [Fact]
    public async Task A_post_repeating_the_rare_subject_of_a_yes_no_question_ranks_above_one_repeating_its_frame()
    {
        await using var site = await SiteWithAsync(
            ("Thông báo số một", "Xe mới mua đi kiểm tra. Chủ xe đặt lịch trước. Xe tải đặt lịch sau."),
            ("Thông báo số hai", "Xe mới mua đi kiểm tra. Kiểm tra lần hai. Kiểm tra lần ba."),
            ("Lịch tiếp công dân", "Lãnh đạo tiếp công dân vào thứ năm."),
            ("Tuyển dụng giáo viên", "Nộp hồ sơ dự tuyển tại trường."),
            ("Khảo sát sự hài lòng", "Người dân đánh giá qua mã QR."));

        Assert.Equal(["Thông báo số một", "Thông báo số hai"], await site.TitlesAsync("xe mới mua có phải đi kiểm tra không"));
        Assert.Equal(["Thông báo số hai", "Thông báo số một"], await site.TitlesAsync("có phải đi kiểm tra xe mới mua không"));
    }

    /// <summary>
    /// A question asking "when" or "how many" of its subject ("lương hưu … từ tháng mấy") as a yes-no question asks "whether":
    /// the post repeating the subject's rare word ("hưu") ranks above one repeating the words of what is asked ("tài khoản"),
    /// both holding the question's words once.
    /// </summary>
    [Fact]
    public async Task A_post_repeating_the_rare_subject_of_a_question_asking_when_ranks_above_one_repeating_its_frame()
    {
        await using var site = await SiteWithAsync(
            ("Thông báo số một", "Lương hưu từ tháng sau được chuyển vào tài khoản. Người về hưu đăng ký trước. Chế độ hưu trí trả đúng hạn."),
            ("Thông báo số hai", "Lương hưu từ tháng sau được chuyển vào tài khoản. Tài khoản mở tại ngân hàng. Tài khoản miễn phí."),
            ("Lịch tiếp công dân", "Lãnh đạo tiếp công dân vào thứ năm."),
            ("Tuyển dụng giáo viên", "Nộp hồ sơ dự tuyển tại trường."),
            ("Khảo sát sự hài lòng", "Người dân đánh giá qua mã QR."));

        Assert.Equal(["Thông báo số một", "Thông báo số hai"], await site.TitlesAsync("lương hưu từ tháng mấy được chuyển vào tài khoản"));
    }

    /// <summary>
    /// In a long query, the post holding the query's rare two-syllable words ("trễ hạn", "xin lỗi") in its text ranks above
    /// posts whose titles hold only its common one ("hồ sơ") and whose texts hold its syllables apart ("thời hạn", "xin thêm").
    /// </summary>
    [Fact]
    public async Task In_a_long_query_rare_two_syllable_words_in_a_text_outweigh_a_common_one_in_a_title()
    {
        await using var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("so-a");
        await site.AddPostAsync(unit, "Những quy định cần nắm", "Hồ sơ có nguy cơ trễ hạn được báo cáo sớm; cơ quan gửi văn bản xin lỗi.",
            publishAt: site.Now.AddDays(-30));
        foreach (var place in new[] { "tại quầy", "trực tuyến", "qua bưu điện", "tại xã", "tại phường", "tại huyện" })
            await site.AddPostAsync(unit, $"Tiếp nhận hồ sơ {place}", $"Hồ sơ nộp {place} được giải quyết đúng thời hạn; không phải xin thêm giấy tờ.");
        // Posts about other things: a word in six posts of twenty is common, one in one post rare.
        for (var i = 1; i <= 14; i++)
            await site.AddPostAsync(unit, $"Thông báo lịch họp số {i}", "Lãnh đạo họp giao ban vào sáng thứ Hai.");
        await site.ApplyOutboxAsync();

        var titles = await site.TitlesAsync("hồ sơ trễ hạn xin lỗi");
        Assert.Equal("Những quy định cần nắm", titles[0]);
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
            ("Thông báo đường dây nóng", "Số điện thoại đường dây nóng tiếp nhận phản ánh."),
            ("Lịch làm việc", "Không liên quan."));

        var results = await site.SearchAsync("đường dây nóg");
        Assert.Equal(["Thông báo đường dây nóng"], results.Hits.Items.Select(h => h.Post.Title));
        Assert.Equal("đường dây nóng", results.Correction);

        var exact = await site.SearchAsync("đường dây nóng");
        Assert.Null(exact.Correction);
    }

    /// <summary>
    /// "kương" is corrected to the folded "luong", which the post writes both as "lượng" (first) and as "lương" (beside
    /// "tiền"): "did you mean" offers the written word its typed neighbour stands beside.
    /// </summary>
    [Fact]
    public async Task A_correction_is_offered_as_the_posts_found_write_it_beside_its_neighbours()
    {
        await using var site = await SiteWithAsync(
            ("Chi trả tiền lương tháng 12", "Số lượng hồ sơ đã chi trả tiền lương đúng hạn."),
            ("Lịch làm việc", "Không liên quan."));

        var results = await site.SearchAsync("tiền kương");
        Assert.Equal(["Chi trả tiền lương tháng 12"], results.Hits.Items.Select(h => h.Post.Title));
        Assert.Equal("tiền lương", results.Correction);
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

    /// <summary>
    /// "toám" is in no post: corrected to "toán", its pair with "quyết" and the run "thanh quyết toán" are found in the
    /// older post; the newer one holds the same syllables, "thanh quyết" and "toán" apart, and ranks first without them.
    /// </summary>
    [Fact]
    public async Task A_corrected_syllable_forms_pairs_and_a_run_with_the_words_typed_around_it()
    {
        await using var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("so-a");
        await site.AddPostAsync(unit, "Kinh phí năm 2023", "Giao dự toán đầu năm; cuối năm thanh quyết toán kinh phí.", publishAt: site.Now.AddDays(-30));
        await site.AddPostAsync(unit, "Kinh phí năm 2024", "Cuối năm thanh quyết kinh phí; đầu năm giao dự toán.");
        for (var i = 1; i <= 10; i++)
            await site.AddPostAsync(unit, $"Thông báo lịch họp số {i}", "Lãnh đạo họp giao ban vào sáng thứ Hai.");
        await site.ApplyOutboxAsync();

        var results = await site.SearchAsync("thanh quyết toám");
        Assert.Equal("thanh quyết toán", results.Correction);
        Assert.Equal(["Kinh phí năm 2023", "Kinh phí năm 2024"], results.Hits.Items.Select(h => h.Post.Title));
    }

    /// <summary>
    /// "hiệy" is in no post, and "hiệu" and "hiện" are one letter away: "hiện tuyên" ("thực hiện tuyên truyền") is in more
    /// posts than "khẩu hiệu", but only because "tuyên" is; every post holding "khẩu" holds "khẩu hiệu". The neighbour
    /// that calls for the candidate decides, not the commoner pair.
    /// </summary>
    [Fact]
    public async Task A_mistyped_syllable_is_corrected_to_what_its_neighbours_call_for_not_to_the_commoner_pair()
    {
        await using var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("so-a");
        await site.AddPostAsync(unit, "Khẩu hiệu tuyên truyền cải cách hành chính", "Các khẩu hiệu treo tại trụ sở.");
        for (var i = 1; i <= 3; i++)
            await site.AddPostAsync(unit, $"Báo cáo quý {i}", "Đơn vị đã thực hiện tuyên truyền pháp luật trong quý.");
        await site.ApplyOutboxAsync();

        var results = await site.SearchAsync("khẩu hiệy tuyên truyền");
        Assert.Equal("khẩu hiệu tuyên truyền", results.Correction);
        Assert.Equal(["Khẩu hiệu tuyên truyền cải cách hành chính"], results.Hits.Items.Select(h => h.Post.Title));
    }

    /// <summary>
    /// "xơ" folds to "xo", in no post. A two-letter syllable has dozens one edit away ("so", "co", "xa", "xe" …), so the
    /// commonest says nothing; "kết" beside it calls for "sơ kết" and "có kết (quả)", the commoner pair, c next to x on the
    /// keyboard as s is: s and x sound alike, and are written one for the other. Alone it has no neighbour to call for one.
    /// </summary>
    [Fact]
    public async Task A_mistyped_two_letter_syllable_is_corrected_only_to_what_its_neighbour_calls_for_a_sound_alike_first()
    {
        await using var site = await SiteWithAsync(
            ("Sơ kết công tác 6 tháng đầu năm", "Báo cáo sơ kết công tác cải cách hành chính."),
            ("Tổng kết năm", "Đơn vị có kết quả tốt, số hồ sơ đã giải quyết đúng hạn."),
            ("Khen thưởng tập thể", "Tập thể có kết quả xuất sắc trong năm."),
            ("Lịch làm việc", "Không liên quan."));

        var results = await site.SearchAsync("xơ kết");
        Assert.Equal("Sơ kết công tác 6 tháng đầu năm", results.Hits.Items.First().Post.Title);
        Assert.Equal("sơ kết", results.Correction);

        var alone = await site.SearchAsync("xơ");
        Assert.Empty(alone.Hits.Items);
        Assert.Null(alone.Correction);
    }

    /// <summary>
    /// "lãnh phí" mistypes "lãng phí" (h next to g) into another word: "lãnh" of "lãnh đạo" is in the index, but no post
    /// writes "lãnh phí", while "lãng phí", one letter away, is a pair the posts write. The word is corrected by the pair
    /// it should make; a pair a post writes ("lãnh đạo") is never corrected.
    /// </summary>
    [Fact]
    public async Task A_mistyped_syllable_that_is_another_word_is_corrected_by_the_pair_its_neighbour_calls_for()
    {
        await using var site = await SiteWithAsync(
            ("Thực hành tiết kiệm, chống lãng phí", "Đơn vị chống lãng phí trong chi tiêu thường xuyên."),
            ("Lãnh đạo đơn vị tiếp công dân", "Lãnh đạo tiếp công dân; không thu phí."),
            ("Lịch làm việc", "Không liên quan."));

        var results = await site.SearchAsync("lãnh phí");
        Assert.Equal("Thực hành tiết kiệm, chống lãng phí", results.Hits.Items.First().Post.Title);
        Assert.Equal("lãng phí", results.Correction);

        Assert.Null((await site.SearchAsync("lãnh đạo")).Correction);
    }

    /// <summary>
    /// "Phòng KSTT" is the Văn phòng UBND's Phòng Kiểm soát thủ tục hành chính, as its documents are numbered ("UBND-KSTT"):
    /// it finds the post writing the name out, not the post of another office.
    /// </summary>
    [Fact]
    public async Task The_office_controlling_procedures_abbreviated_finds_its_name_written_out()
    {
        await using var site = await SiteWithAsync(
            ("Góp ý kế hoạch cải thiện PAPI", "Góp ý gửi Phòng Kiểm soát thủ tục hành chính, Văn phòng UBND tỉnh."),
            ("Góp ý dự thảo", "Góp ý gửi Phòng Tư pháp."));

        Assert.Equal(["Góp ý kế hoạch cải thiện PAPI"], await site.TitlesAsync("Phòng KSTT"));
    }

    /// <summary>
    /// "sáp nhập" is the citizen's word for what the law calls "sắp xếp đơn vị hành chính": it finds the post writing that,
    /// not a post arranging something else ("sắp xếp lịch").
    /// </summary>
    [Fact]
    public async Task Merging_communes_in_everyday_words_finds_the_rearrangement_of_administrative_units()
    {
        await using var site = await SiteWithAsync(
            ("Thủ tục khi sắp xếp đơn vị hành chính cấp xã", "Hồ sơ đang giải quyết chuyển về xã mới."),
            ("Sắp xếp lịch tiếp dân của xã", "Lịch mới từ tháng 7."));

        Assert.Equal(["Thủ tục khi sắp xếp đơn vị hành chính cấp xã"], await site.TitlesAsync("sáp nhập xã"));
    }

    /// <summary>
    /// Parents and pupils say "thầy cô"; the sector's posts write "giáo viên": it finds the post on the teachers, not the one
    /// on the one-stop desk's officials.
    /// </summary>
    [Fact]
    public async Task Teachers_in_everyday_words_find_the_post_writing_giao_vien()
    {
        await using var site = await SiteWithAsync(
            ("Khảo sát đạo đức công vụ ngành giáo dục", "Phụ huynh đánh giá giáo viên qua mã QR."),
            ("Khảo sát tại bộ phận một cửa", "Người dân đánh giá công chức qua mã QR."));

        Assert.Equal(["Khảo sát đạo đức công vụ ngành giáo dục"], await site.TitlesAsync("đánh giá thầy cô"));
    }

    /// <summary>"QCDC" abbreviates "quy chế dân chủ" (ở cơ sở) in local plans: it finds the post writing it out.</summary>
    [Fact]
    public async Task The_abbreviation_of_the_grassroots_democracy_rules_finds_its_full_form()
    {
        await using var site = await SiteWithAsync(
            ("Lồng ghép tuyên truyền", "Kết hợp với phổ biến pháp luật, quy chế dân chủ ở cơ sở."),
            ("Lồng ghép văn nghệ", "Kết hợp với phổ biến pháp luật trong hội diễn."));

        Assert.Equal(["Lồng ghép tuyên truyền"], await site.TitlesAsync("phổ biến QCDC"));
    }

    /// <summary>
    /// A citizen asks in everyday words; posts write the procedure as the law and the National Public Service Portal name
    /// it (thesaurus.tsv): none of these posts holds the words typed, and each is found first by them.
    /// </summary>
    [Theory]
    [InlineData("mở công ty", "Hồ sơ thành lập doanh nghiệp qua mạng")]
    [InlineData("giấy phép kinh doanh", "Hồ sơ thành lập doanh nghiệp qua mạng")]
    [InlineData("làm giấy khai sinh", "Đăng ký khai sinh trực tuyến")]
    [InlineData("làm căn cước", "Cấp thẻ căn cước cho trẻ em")]
    [InlineData("sổ đỏ", "Cấp giấy chứng nhận quyền sử dụng đất lần đầu")]
    [InlineData("đổi bằng lái", "Đổi giấy phép lái xe trực tuyến")]
    [InlineData("nhập hộ khẩu", "Đăng ký thường trú cho trẻ mới sinh")]
    [InlineData("xin giấy phép xây nhà", "Cấp giấy phép xây dựng nhà ở riêng lẻ")]
    [InlineData("sao y bản chính", "Chứng thực bản sao từ bản chính tại xã")]
    [InlineData("mở cửa hàng", "Đăng ký hộ kinh doanh qua mạng")]
    [InlineData("làm hộ chiếu", "Cấp hộ chiếu phổ thông ở trong nước")]
    public async Task A_procedure_asked_in_everyday_words_finds_the_post_naming_it_as_the_law_does(string query, string title)
    {
        await using var site = await SiteWithAsync(
            ("Hồ sơ thành lập doanh nghiệp qua mạng", "Phòng Đăng ký kinh doanh cấp giấy chứng nhận đăng ký doanh nghiệp trong ba ngày."),
            ("Đăng ký khai sinh trực tuyến", "Cha mẹ nộp tờ khai trên Cổng Dịch vụ công."),
            ("Cấp thẻ căn cước cho trẻ em", "Cha mẹ đưa trẻ đến công an xã."),
            ("Cấp giấy chứng nhận quyền sử dụng đất lần đầu", "Hồ sơ nộp tại Bộ phận một cửa."),
            ("Đổi giấy phép lái xe trực tuyến", "Nộp hồ sơ trên Cổng Dịch vụ công quốc gia."),
            ("Đăng ký thường trú cho trẻ mới sinh", "Liên thông với khai sinh."),
            ("Cấp giấy phép xây dựng nhà ở riêng lẻ", "Thời hạn 15 ngày."),
            ("Chứng thực bản sao từ bản chính tại xã", "Lệ phí 2.000 đồng một trang."),
            ("Đăng ký hộ kinh doanh qua mạng", "Phòng Tài chính – Kế hoạch cấp giấy chứng nhận trong ba ngày."),
            ("Cấp hộ chiếu phổ thông ở trong nước", "Nộp tờ khai trực tuyến, nhận hộ chiếu qua bưu điện."),
            ("Người dân xin làm con dấu", "Mở lớp, công ty, bằng khen, đổi lịch, nhập kho, sao chép, sổ tay, đỏ, xây dựng nông thôn."),
            // The typed words apart, in a title: without the thesaurus these come first.
            ("Nhà văn hóa xin giấy phép sửa chữa, xây thêm phòng", "Chờ ý kiến."),
            ("Sao lưu bản chính hồ sơ điện tử, y như bản giấy", "Sao lưu định kỳ."));

        Assert.Equal(title, (await site.TitlesAsync(query)).FirstOrDefault());
    }

    /// <summary>
    /// The things citizens name in their words that posts name as the law does (thesaurus.tsv, the twenty-ninth tuning): no
    /// post holds the words typed together, and the post the law's name is in comes first, above one holding them apart.
    /// </summary>
    [Theory]
    [InlineData("đăng kiểm", "Kiểm định xe cơ giới: đặt lịch trực tuyến")]
    [InlineData("làm giấy chứng tử", "Đăng ký khai tử cho người mất tại nhà")]
    [InlineData("lên thổ cư", "Chuyển mục đích sử dụng đất trồng lúa")]
    [InlineData("đất thổ cư", "Bảng giá đất ở tại đô thị năm 2025")]
    [InlineData("tiền già", "Trợ cấp xã hội hằng tháng cho người từ đủ 80 tuổi")]
    [InlineData("tiền thất nghiệp", "Hưởng trợ cấp thất nghiệp trực tuyến")]
    [InlineData("hộ cá thể", "Hộ kinh doanh khai thuế qua điện thoại")]
    [InlineData("hộ khẩu", "Chứng minh nơi thường trú khi làm giấy tờ cho con")]
    [InlineData("bấm biển số", "Đăng ký xe máy tại công an phường")]
    [InlineData("nước máy", "Nước sinh hoạt yếu vào mùa khô")]
    [InlineData("OCOP", "Chương trình Mỗi xã một sản phẩm năm 2025")]
    [InlineData("PCCC", "Kiểm tra an toàn phòng cháy, chữa cháy nhà ở kết hợp kinh doanh")]
    [InlineData("CMND", "Cấp đổi thẻ căn cước gắn chip")]
    [InlineData("photo công chứng", "Chứng thực bản sao từ bản chính tại xã")]
    [InlineData("khai lính", "Đăng ký nghĩa vụ quân sự lần đầu năm 2025")]
    [InlineData("NVQS", "Đăng ký nghĩa vụ quân sự lần đầu năm 2025")]
    [InlineData("GPXD", "Miễn giấy phép xây dựng nhà ở nông thôn")]
    [InlineData("lấy đất", "Bồi thường khi Nhà nước thu hồi đất làm đường")]
    [InlineData("bé", "Đăng ký khai sinh cho trẻ sinh ra ở nước ngoài")]
    [InlineData("cho mượn công nhân", "Cấp giấy phép hoạt động cho thuê lại lao động")]
    [InlineData("HKD", "Hộ kinh doanh khai thuế qua điện thoại")]
    public async Task A_thing_named_in_everyday_words_finds_the_post_naming_it_as_the_law_does(string query, string title)
    {
        await using var site = await SiteWithAsync(
            ("Kiểm định xe cơ giới: đặt lịch trực tuyến", "Chủ phương tiện nộp phí trước qua ứng dụng."),
            ("Đăng ký khai tử cho người mất tại nhà", "Thân nhân nộp tờ khai tại xã."),
            ("Chuyển mục đích sử dụng đất trồng lúa", "Hồ sơ nộp tại Bộ phận một cửa."),
            ("Bảng giá đất ở tại đô thị năm 2025", "Giá tăng gấp đôi ở trung tâm phường."),
            ("Trợ cấp xã hội hằng tháng cho người từ đủ 80 tuổi", "Chi trả qua tài khoản ngân hàng."),
            ("Hưởng trợ cấp thất nghiệp trực tuyến", "Người lao động nộp hồ sơ trên Cổng Dịch vụ công."),
            ("Hộ kinh doanh khai thuế qua điện thoại", "Không phải ra Chi cục Thuế."),
            ("Chứng minh nơi thường trú khi làm giấy tờ cho con", "Dùng ứng dụng VNeID."),
            ("Đăng ký xe máy tại công an phường", "Nộp hồ sơ trực tuyến, nhận kết quả trong ngày."),
            ("Nước sinh hoạt yếu vào mùa khô", "Ủy ban nhân dân thị xã trả lời phản ánh của người dân."),
            ("Chương trình Mỗi xã một sản phẩm năm 2025", "Thị xã nhận hồ sơ đánh giá, phân hạng."),
            ("Kiểm tra an toàn phòng cháy, chữa cháy nhà ở kết hợp kinh doanh", "Công an phường kiểm tra từ tháng 4."),
            ("Cấp đổi thẻ căn cước gắn chip", "Công an xã tiếp nhận hồ sơ."),
            ("Chứng thực bản sao từ bản chính tại xã", "Lệ phí 2.000 đồng một trang."),
            ("Đăng ký nghĩa vụ quân sự lần đầu năm 2025", "Nam công dân đủ 17 tuổi đến Ban Chỉ huy quân sự phường."),
            ("Miễn giấy phép xây dựng nhà ở nông thôn", "Nhà ở riêng lẻ ngoài khu vực có quy hoạch."),
            ("Bồi thường khi Nhà nước thu hồi đất làm đường", "Hộ dân nhận tiền qua tài khoản."),
            ("Đăng ký khai sinh cho trẻ sinh ra ở nước ngoài", "Cha mẹ nộp bản dịch giấy chứng sinh."),
            ("Cấp giấy phép hoạt động cho thuê lại lao động", "Doanh nghiệp ký quỹ hai tỷ đồng."),
            // The typed words apart, in a title: without the thesaurus these come first.
            ("Đăng ký kiểm tra sức khỏe đầu năm học", "Học sinh đăng ký theo lớp."),
            ("Khai báo lưu trú cho công nhân thời vụ", "Chủ nhà trọ khai báo qua VNeID."),
            ("Lên kế hoạch kiểm kê tài sản công", "Các trường lên danh sách."),
            ("Cư dân nhận đất tái định cư", "Đất được giao trong năm."),
            ("Thu tiền học phí không dùng tiền mặt", "Phụ huynh nộp tiền qua mã QR."),
            ("Doanh nghiệp thất thu tiền thuế", "Chi cục Thuế đôn đốc doanh nghiệp nộp tiền."),
            ("Thể lệ hội thi dành cho hộ gia đình", "Mỗi hộ đăng ký một đội."),
            ("Phát khẩu trang cho người dân", "Mỗi người nhận mười chiếc."),
            ("Số hóa bản đồ ven biển", "Dữ liệu số của vùng biển."),
            ("Sửa máy tính của cơ quan nhà nước", "Máy tính được bảo trì định kỳ."),
            ("Hợp đồng mua bán nhà được công chứng", "Văn phòng công chứng làm việc cả thứ Bảy."),
            ("Lấy ý kiến người dân về bảng giá đất", "Góp ý đến hết tháng 10."));

        Assert.Equal(title, (await site.TitlesAsync(query)).FirstOrDefault());
    }

    /// <summary>The other way: the procedure's official name finds the citizen's question that names it in everyday words.</summary>
    [Fact]
    public async Task A_procedure_named_as_the_law_does_finds_the_question_asked_in_everyday_words()
    {
        await using var site = await SiteWithAsync(
            ("Hỏi đáp: mở công ty mất mấy ngày", "Anh Bảo hỏi cần những giấy tờ gì."),
            ("Lịch tiếp công dân", "Không liên quan."));

        Assert.Equal(["Hỏi đáp: mở công ty mất mấy ngày"], await site.TitlesAsync("thành lập doanh nghiệp"));
    }

    [Fact]
    public async Task An_abbreviation_that_no_post_holds_and_the_thesaurus_lacks_leaves_the_other_words_to_decide()
    {
        await using var site = await SiteWithAsync(
            ("Thanh niên tình nguyện hỗ trợ người dân", "Đoàn thanh niên phường hướng dẫn cài đặt ứng dụng."),
            ("Lịch tiếp công dân", "Không liên quan."));

        Assert.Equal(["Thanh niên tình nguyện hỗ trợ người dân"], await site.TitlesAsync("ĐTN tình nguyện"));
        // Alone it finds nothing; quoted, it is still required.
        Assert.Empty(await site.TitlesAsync("ĐTN"));
        Assert.Empty(await site.TitlesAsync("\"ĐTN\" tình nguyện"));
    }

    [Fact]
    public async Task A_form_that_is_another_word_without_its_marks_matches_only_as_written_when_typed()
    {
        await using var site = await SiteWithAsync(
            ("Cấp giấy chứng nhận quyền sử dụng đất lần đầu", "Hồ sơ nộp tại Bộ phận một cửa."),
            ("Người dân mang sổ đỏ đến xã để đối chiếu", "Bản chính được trả lại ngay."),
            ("Bảng số đo chiều cao học sinh", "Sở ghi nhận các số liệu đó."));

        Assert.Equal(["Người dân mang sổ đỏ đến xã để đối chiếu", "Cấp giấy chứng nhận quyền sử dụng đất lần đầu"],
            await site.TitlesAsync("sổ đỏ"));
        // Without its marks it is the other words.
        Assert.Contains("Bảng số đo chiều cao học sinh", await site.TitlesAsync("so do"));
    }

    [Fact]
    public async Task A_child_is_bé_or_trẻ_but_a_late_reply_is_neither()
    {
        await using var site = await SiteWithAsync(
            ("Làm khai sinh cho bé ở phường", "Cha mẹ nộp giấy chứng sinh."),
            ("Phản ánh hồ sơ bị trễ hẹn", "Bộ phận một cửa xin lỗi người dân."));

        Assert.Equal(["Làm khai sinh cho bé ở phường"], await site.TitlesAsync("trẻ"));
        // "trễ" (late) and "tre" (bamboo) are "trẻ" without its marks: neither takes the child's words.
        Assert.Equal(["Phản ánh hồ sơ bị trễ hẹn"], await site.TitlesAsync("trễ"));
        Assert.DoesNotContain("Làm khai sinh cho bé ở phường", await site.TitlesAsync("tre"));
    }

    [Fact]
    public async Task A_word_that_no_post_holds_beside_a_thesaurus_term_leaves_the_term_to_decide()
    {
        await using var site = await SiteWithAsync(
            ("Cấp giấy chứng nhận quyền sử dụng đất lần đầu", "Hồ sơ nộp tại Bộ phận một cửa."),
            ("Lịch tiếp công dân", "Không liên quan."));

        Assert.Equal(["Cấp giấy chứng nhận quyền sử dụng đất lần đầu"], await site.TitlesAsync("sổ đỏ online"));
        Assert.Equal(["online"], (await site.SearchAsync("sổ đỏ online")).Unfound);
        Assert.Empty((await site.SearchAsync("sổ đỏ")).Unfound);
        Assert.Equal(["Cấp giấy chứng nhận quyền sử dụng đất lần đầu"], await site.TitlesAsync("cấp giấy chứng nhận online"));
        // Alone, or quoted, it finds nothing; nor does a number no post holds.
        Assert.Empty(await site.TitlesAsync("online"));
        Assert.Empty(await site.TitlesAsync("\"online\" sổ đỏ"));
        Assert.Empty(await site.TitlesAsync("sổ đỏ 2019"));
    }

    /// <summary>
    /// Where most word groups suffice (four words or more), a word that no post holds stays one the posts may lack, as any
    /// word is: the posts holding too few of the others are not let in. The page names it either way.
    /// </summary>
    [Fact]
    public async Task A_word_that_no_post_holds_in_a_longer_query_is_one_the_posts_may_lack()
    {
        await using var site = await SiteWithAsync(
            ("Thông báo số điện thoại đường dây nóng", "Gọi trong giờ hành chính."),
            ("Lịch trực đường dây", "Không liên quan."));

        var found = await site.SearchAsync("đường dây nóng blockchain");
        Assert.Equal(["Thông báo số điện thoại đường dây nóng"], found.Hits.Items.Select(h => h.Post.Title));
        Assert.Equal(["blockchain"], found.Unfound);
    }

    /// <summary>
    /// A place typed by its level and proper name ("tỉnh Sóc Trăng") is one word in a title: the unit's plan naming it in
    /// its title gains the name once, not its two pairs besides, which outweighed the words saying what the post is about.
    /// </summary>
    [Fact]
    public async Task A_place_named_by_its_level_and_name_weighs_as_one_word_in_a_title()
    {
        await using var site = await SiteWithAsync(
            ("Kế hoạch tuyên truyền năm 2023 của Sở Tài chính tỉnh Sóc Trăng",
                "Sở Tài chính tỉnh Sóc Trăng tổng hợp kết quả tuyên truyền, công khai trên trang thông tin; phản ánh của người dân được tiếp nhận."),
            ("Tổng hợp phản ánh có nội dung chung, công khai trên chuyên trang",
                "Sở Tài chính tỉnh Sóc Trăng tổng hợp phản ánh có nội dung chung và công khai trên chuyên trang năm 2023."));

        Assert.Equal("Tổng hợp phản ánh có nội dung chung, công khai trên chuyên trang",
            (await site.TitlesAsync("Sở Tài chính tỉnh Sóc Trăng tổng hợp phản ánh công khai năm 2023"))[0]);
    }

    /// <summary>
    /// Official initials that posts write out (thesaurus.tsv, each with its source): no post holds the initials typed, and
    /// each finds the post writing them out, and only it ("Sở KHĐT" not the other department's post).
    /// </summary>
    [Theory]
    [InlineData("BCCI", "Tiếp nhận hồ sơ qua dịch vụ bưu chính công ích")]
    [InlineData("HTX", "Thành lập hợp tác xã nông nghiệp")]
    [InlineData("BHTN", "Hồ sơ bảo hiểm thất nghiệp trực tuyến")]
    [InlineData("THCS", "Học sinh trung học cơ sở nộp hồ sơ trực tuyến")]
    [InlineData("IOC", "Trung tâm Giám sát, điều hành thông minh của tỉnh")]
    [InlineData("VPĐKĐĐ", "Chi nhánh Văn phòng đăng ký đất đai thị xã")]
    [InlineData("KBNN", "Giao dịch điện tử với Kho bạc Nhà nước")]
    [InlineData("ĐVQHNS", "Đăng ký mã số đơn vị có quan hệ với ngân sách")]
    [InlineData("KH&ĐT", "Sở Kế hoạch và Đầu tư thẩm định dự án")]
    [InlineData("Sở KHĐT", "Sở Kế hoạch và Đầu tư thẩm định dự án")]
    [InlineData("GPLĐ", "Miễn giấy phép lao động cho chuyên gia nước ngoài")]
    [InlineData("TNHH", "Thành lập công ty trách nhiệm hữu hạn một thành viên")]
    [InlineData("TNMT", "Sở Tài nguyên và Môi trường cấp phép khai thác nước dưới đất")]
    [InlineData("Sở TN&MT", "Sở Tài nguyên và Môi trường cấp phép khai thác nước dưới đất")]
    [InlineData("ATTP", "Kiểm tra an toàn thực phẩm bếp ăn bán trú")]
    [InlineData("DNTN", "Đăng ký thành lập doanh nghiệp tư nhân")]
    [InlineData("ANTT", "Điều kiện về an ninh, trật tự đối với nhà nghỉ")]
    [InlineData("GPMB", "Kiểm đếm giải phóng mặt bằng dự án đường tỉnh")]
    [InlineData("KCB", "Cấp giấy phép hoạt động khám bệnh, chữa bệnh")]
    [InlineData("Sở GTVT", "Sở Giao thông vận tải đăng ký phương tiện thủy nội địa")]
    [InlineData("Sở NN&MT", "Sở Nông nghiệp và Môi trường tiếp nhận hồ sơ đất đai")]
    public async Task Official_initials_find_the_post_writing_them_out(string query, string title)
    {
        await using var site = await SiteWithAsync(
            ("Tiếp nhận hồ sơ qua dịch vụ bưu chính công ích", "Bưu điện trả kết quả tại nhà."),
            ("Thành lập hợp tác xã nông nghiệp", "Tỉnh hỗ trợ nông dân làm thủ tục."),
            ("Hồ sơ bảo hiểm thất nghiệp trực tuyến", "Người lao động hưởng trợ cấp sau 20 ngày."),
            ("Kế hoạch của các trường trung học phổ thông", "Tuyển sinh lớp 10."),
            ("Học sinh trung học cơ sở nộp hồ sơ trực tuyến", "Chuyển trường trong ba ngày."),
            ("Trung tâm Giám sát, điều hành thông minh của tỉnh", "Tiếp nhận phản ánh hiện trường."),
            ("Chi nhánh Văn phòng đăng ký đất đai thị xã", "Xác nhận biến động trên giấy chứng nhận."),
            ("Giao dịch điện tử với Kho bạc Nhà nước", "Kế toán ký số chứng từ."),
            ("Đăng ký mã số đơn vị có quan hệ với ngân sách", "Cấp mã số trong hai ngày."),
            ("Sở Kế hoạch và Đầu tư thẩm định dự án", "Lấy ý kiến các sở, ngành."),
            ("Sở Tài chính thẩm định dự án", "Lấy ý kiến các sở, ngành."),
            ("Miễn giấy phép lao động cho chuyên gia nước ngoài", "Doanh nghiệp nộp văn bản xác nhận trước 10 ngày."),
            ("Thành lập công ty trách nhiệm hữu hạn một thành viên", "Chủ sở hữu góp đủ vốn trong 90 ngày."),
            ("Sở Tài nguyên và Môi trường cấp phép khai thác nước dưới đất", "Giếng khoan của cơ sở sản xuất."),
            ("Kiểm tra an toàn thực phẩm bếp ăn bán trú", "Trường học lưu mẫu thức ăn 24 giờ."),
            ("Đăng ký thành lập doanh nghiệp tư nhân", "Chủ doanh nghiệp nộp hồ sơ trực tuyến."),
            ("Điều kiện về an ninh, trật tự đối với nhà nghỉ", "Công an cấp giấy chứng nhận trong năm ngày."),
            ("Kiểm đếm giải phóng mặt bằng dự án đường tỉnh", "Hộ dân phối hợp với tổ công tác."),
            ("Cấp giấy phép hoạt động khám bệnh, chữa bệnh", "Phòng khám tư nhân nộp hồ sơ trực tuyến."),
            ("Sở Giao thông vận tải đăng ký phương tiện thủy nội địa", "Chủ phương tiện nộp hồ sơ trực tuyến."),
            ("Sở Nông nghiệp và Môi trường tiếp nhận hồ sơ đất đai", "Một cửa của sở nhận hồ sơ cả thứ Bảy."));

        Assert.Equal([title], await site.TitlesAsync(query));
    }

    /// <summary>
    /// "người có công" is one term with "người có công với cách mạng": its pairs, which every form of the group holds, keep
    /// their signal in the text, so the post naming the people asked about outweighs one holding the question's other words
    /// in a run ("nộp hồ sơ ở đâu").
    /// </summary>
    [Fact]
    public async Task An_everyday_term_keeps_the_pair_that_every_form_of_its_group_holds()
    {
        await using var site = await SiteWithAsync(
            ("Niêm yết thủ tục tại quầy số 20", "Hồ sơ của người có công được nộp tại quầy số 20."),
            ("Hướng dẫn chung", "Người dân nộp hồ sơ ở đâu cũng được, công chức hỗ trợ."),
            ("Lịch tiếp công dân quý II", "Lãnh đạo tiếp người dân tại trụ sở."),
            ("Đường dây nóng", "Số điện thoại tiếp nhận phản ánh của người dân."),
            ("Kế hoạch kiểm tra năm 2024", "Kiểm tra công tác văn thư, lưu trữ."));

        Assert.Equal("Niêm yết thủ tục tại quầy số 20", (await site.TitlesAsync("nop ho so nguoi co cong o dau"))[0]);
    }
}
