using CchcSite.Content.Indexes;

namespace CchcSite.Content.Tests.Indexes;

/// <summary>The catalogue's rules: what an index needs, and that a stored score never loses the component or the scale it was given in.</summary>
public sealed class IndexDefinitionRulesTests
{
    private static IndexDefinitionDraft Draft(params IndexComponentDraft[] components) =>
        new("DDCI_ST", "Chỉ số năng lực cạnh tranh cấp sở, ngành (DDCI Sóc Trăng)", "UBND tỉnh Sóc Trăng", IndexScale.Points, "100", true, components);

    private static IndexComponentDraft C(string? code, string? name, string? max, string? from, string? to) => new(code, name, max, from, to);

    private static Dictionary<string, string> Errors(IndexDefinitionDraft draft, params IndexDefinitions.StoredComponentScore[] stored) =>
        IndexDefinitions.Validate(draft, stored).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => string.Join(" | ", g.Select(e => e.Value)));

    [Fact]
    public void A_complete_index_with_blank_rows_left_over_is_valid()
    {
        Assert.Empty(Errors(Draft(C("TTHC", "Chi phí thời gian", "12,5", "2021", null), C(null, null, null, null, null))));
    }

    [Fact]
    public void Code_name_assessor_and_a_positive_maximum_are_required_in_vietnamese()
    {
        var errors = Errors(new IndexDefinitionDraft("DDCI ST", " ", "", IndexScale.Points, "0", true, []));

        Assert.Equal(["Assessor", "Code", "MaxScore", "Name"], errors.Keys.Order());
        Assert.Contains("chữ cái không dấu", errors["Code"]);
        Assert.Equal("Vui lòng nhập tên chỉ số.", errors["Name"]);
        Assert.Equal("Vui lòng nhập cơ quan đánh giá.", errors["Assessor"]);
    }

    [Fact]
    public void A_percent_index_needs_no_maximum_and_its_components_stay_within_100()
    {
        var draft = Draft(C("A", "Tiếp cận dịch vụ", "120", "2021", null)) with { Scale = IndexScale.Percent, MaxScore = null };

        Assert.Equal(["Components[0].MaxScore"], Errors(draft).Keys);
    }

    [Fact]
    public void Component_rows_are_checked_row_by_row()
    {
        var errors = Errors(Draft(
            C("TTHC", "", "abc", "1999", null),
            C("", "Chỉ đạo điều hành", null, "2022", "2021")));

        Assert.Equal(["Components[0].FromYear", "Components[0].MaxScore", "Components[0].Name", "Components[1].Code", "Components[1].ToYear"], errors.Keys.Order());
    }

    [Fact]
    public void One_code_cannot_be_assessed_twice_in_a_year_but_may_follow_itself()
    {
        Assert.Empty(Errors(Draft(C("TTHC", "Thủ tục (cũ)", "13", "2021", "2022"), C("TTHC", "Thủ tục", "15", "2023", null))));

        var clash = Errors(Draft(C("TTHC", "Thủ tục (cũ)", "13", "2021", "2023"), C("tthc", "Thủ tục", "15", "2023", null)));
        Assert.Equal("Thành phần TTHC đã áp dụng trong năm 2023 ở một dòng khác.", clash["Components[1].FromYear"]);
    }

    [Fact]
    public void A_component_with_stored_scores_can_be_ended_but_not_removed_nor_shrunk_below_them()
    {
        var stored = new IndexDefinitions.StoredComponentScore[] { new("TTHC", 2022, 11.5m), new("TTHC", 2023, 12m) };

        Assert.Empty(Errors(Draft(C("TTHC", "Thủ tục", "13", "2021", "2023")), stored));
        Assert.Equal("Thành phần TTHC đã có điểm trong kết quả năm 2023: hãy giữ thành phần này và ghi năm cuối áp dụng thay vì xóa.",
            Errors(Draft(C("TTHC", "Thủ tục", "13", "2021", "2022")), stored)["Components"]);
        Assert.Equal("Đã có điểm 12 của thành phần TTHC năm 2023: điểm tối đa không thể nhỏ hơn.",
            Errors(Draft(C("TTHC", "Thủ tục", "11", "2021", null)), stored)["Components[0].MaxScore"]);
    }
}
