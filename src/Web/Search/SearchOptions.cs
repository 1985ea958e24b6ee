namespace CchcSite.Web.Search;

public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>The Lucene index folder; a relative path is resolved against the content root.</summary>
    public string IndexPath { get; set; } = "App_Data/search-index";
}
