using System.ComponentModel.DataAnnotations;

namespace CchcSite.Content.Search;

/// <summary>Bound from the "Search" configuration section.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>The Lucene index folder; the web host resolves a relative path against its content root.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "must be a folder")]
    public string IndexPath { get; set; } = "App_Data/search-index";
}
