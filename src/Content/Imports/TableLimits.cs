using System.ComponentModel.DataAnnotations;

namespace CchcSite.Content.Imports;

/// <summary>
/// How much of a file a table import reads at most. Every bound is checked before or while reading, so a small
/// hostile file (a cell addressed far to the right, a zip bomb, a million rows) is refused without being unpacked.
/// Bound from the "Imports" configuration section.
/// </summary>
public sealed record TableLimits
{
    public const string Section = "Imports";

    /// <summary>Cells to the right of this many columns are refused; no template is nearly as wide.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be a positive number")]
    public int MaxColumns { get; init; } = 50;

    /// <summary>Data rows (not counting the header and blank rows).</summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be a positive number")]
    public int MaxRows { get; init; } = 5000;

    /// <summary>Characters in one cell.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be a positive number")]
    public int MaxCellLength { get; init; } = 4000;

    /// <summary>Bytes of a CSV file, and of an XLSX file's parts once unpacked (as its zip directory declares them).</summary>
    [Range(1, long.MaxValue, ErrorMessage = "must be a positive number")]
    public long MaxUnpackedBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Parts in an XLSX package; a sheet made by Excel or LibreOffice has about ten.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be a positive number")]
    public int MaxEntries { get; init; } = 200;

    /// <summary>After this many line errors reading stops: a person fixes the first ones and tries again.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be a positive number")]
    public int MaxErrors { get; init; } = 100;
}
