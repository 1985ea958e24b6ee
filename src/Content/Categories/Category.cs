namespace CchcSite.Content.Categories;

/// <summary>One of the reform fields (lĩnh vực CCHC) of the national programme, Nghị quyết 76/NQ-CP.</summary>
public class Category
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int SortOrder { get; set; }
}
