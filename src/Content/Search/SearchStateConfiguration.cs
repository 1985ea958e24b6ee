using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Search;

internal sealed class SearchStateConfiguration : IEntityTypeConfiguration<SearchState>
{
    public void Configure(EntityTypeBuilder<SearchState> state)
    {
        state.ToTable("SearchState");
        state.Property(s => s.Id).ValueGeneratedNever();
        // The row exists from the first migration on, so that nodes only ever update it.
        state.HasData(new SearchState { Id = SearchState.RowId });
    }
}
