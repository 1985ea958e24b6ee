using CchcSite.Content.Posts;
using CchcSite.Content.Search;
using CchcSite.Content.Units;

namespace CchcSite.Content.Indexes;

/// <summary>How an index is scored.</summary>
public enum IndexScale
{
    /// <summary>Points out of <see cref="IndexDefinition.MaxScore"/>.</summary>
    Points,
    Percent,
}

/// <summary>The group a unit was ranked in.</summary>
public enum IndexGrouping
{
    Provinces,
    Departments,
    Districts,
    Wards,
    Other,
}

/// <summary>A reform index (PAR INDEX, SIPAS, PAPI, PCI, DDCI, or one an administrator adds) and its components over the years.</summary>
public class IndexDefinition
{
    public const int MaxCode = 20, MaxName = 200, MaxAssessor = 300;

    /// <summary>The citizen satisfaction index, which a unit's own SIPAS-style survey can feed (<see cref="Surveys.SurveySipasResults"/>).</summary>
    public const string SipasCode = "SIPAS";

    public int Id { get; set; }
    /// <summary>PAR_INDEX, SIPAS, …: upper case, the address and API use it.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>Who assesses and announces it, e.g. "Bộ Nội vụ".</summary>
    public required string Assessor { get; set; }
    public IndexScale Scale { get; set; }
    /// <summary>The maximum total score (points scale); null for percent.</summary>
    public decimal? MaxScore { get; set; }
    public bool HigherIsBetter { get; set; } = true;
    public int SortOrder { get; set; }
    public List<IndexComponent> Components { get; set; } = [];
}

/// <summary>A component (field, dimension, sub-index) of an index, valid from one year to another: components change between years.</summary>
public class IndexComponent
{
    public const int MaxCode = 20, MaxName = 300;

    public int Id { get; set; }
    public int IndexDefinitionId { get; set; }
    /// <summary>Short key used by result rows and import columns' order, e.g. "TTHC".</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public decimal? MaxScore { get; set; }
    public int FromYear { get; set; }
    /// <summary>The last year it was assessed; null while it still is.</summary>
    public int? ToYear { get; set; }
    public int SortOrder { get; set; }

    public bool AppliesTo(int year) => FromYear <= year && (ToYear is null || year <= ToYear);
}

/// <summary>
/// One unit's result in one index and year, as announced. Its saves enqueue the search document of its index and year
/// (<see cref="IndexYearSearchSource"/>): that page, not the single figure, is what search finds.
/// </summary>
public class IndexResult : ISearchItem
{
    public const int MaxSource = 400;

    public int Id { get; set; }
    public int IndexDefinitionId { get; set; }
    public IndexDefinition IndexDefinition { get; set; } = null!;
    public int Year { get; set; }
    /// <summary>The unit assessed: any unit, not only those that publish on the site.</summary>
    public int UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public IndexGrouping Grouping { get; set; }
    /// <summary>The unit whose sub-units are ranked together (a province for its departments); null: nationwide.</summary>
    public int? WithinUnitId { get; set; }
    /// <summary>The unit that publishes the result on the site: its approvers enter and correct it.</summary>
    public int PublisherUnitId { get; set; }
    public decimal Score { get; set; }
    /// <summary>The announced rank; null: computed from the scores of the group (<see cref="IndexRanking"/>).</summary>
    public int? Rank { get; set; }
    /// <summary>How many units were ranked (63 provinces); null: the units of the group on the site.</summary>
    public int? RankedOf { get; set; }
    public List<IndexComponentScore> Components { get; set; } = [];
    /// <summary>The decision or report that announced it, as printed.</summary>
    public string? SourceTitle { get; set; }
    /// <summary>Its Document post when the site has it.</summary>
    public int? SourcePostId { get; set; }
    public Post? SourcePost { get; set; }
    public DateOnly? AnnouncedOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>The earlier figures, one entry per correction, oldest first.</summary>
    public List<IndexResultCorrection> Corrections { get; set; } = [];

    string ISearchItem.SearchSource => IndexYearSearchSource.SourceName;
    int ISearchItem.Id => new IndexYear(IndexDefinitionId, Year).ItemId;
}

/// <summary>A component's score in a result.</summary>
public class IndexComponentScore
{
    public required string Code { get; set; }
    public decimal Score { get; set; }
}

/// <summary>The figures a result had before a correction, and who corrected them when.</summary>
public class IndexResultCorrection
{
    public int Id { get; set; }
    public int IndexResultId { get; set; }
    public DateTime At { get; set; }
    public string? UserName { get; set; }
    public decimal Score { get; set; }
    public int? Rank { get; set; }
    public int? RankedOf { get; set; }
    /// <summary>The earlier component scores as "code=score" pairs separated by ";" (invariant numbers).</summary>
    public string? ComponentsText { get; set; }
}
