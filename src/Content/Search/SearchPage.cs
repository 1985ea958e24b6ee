using System.Globalization;
using CchcSite.Content.Posts;
using CchcSite.Content.Site;

namespace CchcSite.Content.Search;

/// <summary>
/// What the citizen asked on /tim-kiem, in the page's own Vietnamese query names. Unknown values are dropped
/// before this is built, so every value here is one the site knows.
/// </summary>
public sealed record SearchForm(string Query, string? Unit = null, string? Kind = null, string? Category = null, int? Year = null, bool Newest = false)
{
    public const string Path = "/tim-kiem";

    /// <summary>The address of this search (first page); the pager adds "trang".</summary>
    public string Url
    {
        get
        {
            var values = new List<string> { "q=" + Uri.EscapeDataString(Query) };
            void Add(string name, string? value)
            {
                if (!string.IsNullOrEmpty(value))
                    values.Add($"{name}={Uri.EscapeDataString(value)}");
            }
            Add("don-vi", Unit);
            Add("loai", Kind);
            Add("linh-vuc", Category);
            Add("nam", Year?.ToString(CultureInfo.InvariantCulture));
            Add("sap-xep", Newest ? "moi-nhat" : null);
            return $"{Path}?{string.Join('&', values)}";
        }
    }
}

public sealed record UnitChoice(string Slug, string Name, int Depth);

/// <summary>The options of the filter form.</summary>
public sealed record SearchChoices(IReadOnlyList<UnitChoice> Units, IReadOnlyList<PostKindSegments.KindInfo> Kinds, IReadOnlyList<int> Years);

/// <summary>
/// The search page: the form, then either a message (nothing typed, or text that cannot be searched) or the results.
/// </summary>
public sealed record SearchPage(SearchForm Form, SearchChoices Choices, string? Message, SearchResults? Results)
    : SitePage(Form.Query.Length > 0 ? $"Tìm kiếm: {Form.Query}" : "Tìm kiếm", [new("Trang chủ", "/"), new("Tìm kiếm", null)])
{
    /// <summary>The index is still being built or catching up after the start: results may be missing.</summary>
    public bool IndexBuilding { get; init; }

    public Pager Pager => new(Form.Url, Results?.Hits.Page ?? 1, Results?.Hits.TotalPages ?? 1);
}
