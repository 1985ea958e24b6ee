using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Search;

/// <summary>
/// An administrator's change to the search thesaurus: a group of forms added to the shipped list, or, when
/// <see cref="TurnsOffShipped"/>, a shipped group (by its forms as listed) turned off.
/// </summary>
public sealed class SearchSynonym
{
    public const int MaxForms = 500;
    public const int MaxSource = 300;

    public int Id { get; set; }
    /// <summary>The forms separated by " | ", as <see cref="ThesaurusGroup.FormsText"/> writes them.</summary>
    public required string Forms { get; set; }
    public required string Source { get; set; }
    public bool TurnsOffShipped { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

internal sealed class SearchSynonymConfiguration : IEntityTypeConfiguration<SearchSynonym>
{
    public void Configure(EntityTypeBuilder<SearchSynonym> synonym)
    {
        synonym.ToTable("SearchSynonyms");
        synonym.Property(s => s.Forms).HasMaxLength(SearchSynonym.MaxForms);
        synonym.Property(s => s.Source).HasMaxLength(SearchSynonym.MaxSource);
        synonym.Property(s => s.UpdatedBy).HasMaxLength(256);
    }
}
