namespace CchcSite.Content.Imports;

/// <summary>A column (field) of an import template, matched by its title ignoring case and tones.</summary>
public sealed record TableField(string Title, bool Required = false);

/// <summary>The columns an import expects (in any order in the file, other columns ignored) and the bounds it reads within.</summary>
public sealed record TableLayout(IReadOnlyList<TableField> Columns)
{
    public TableLimits Limits { get; init; } = new();

    public IEnumerable<string> Titles => Columns.Select(c => c.Title);
}
