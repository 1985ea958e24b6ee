using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Search;

internal sealed class SearchOutboxConfiguration : IEntityTypeConfiguration<SearchOutboxEntry>
{
    // No foreign key to Post on purpose: a row must outlive the post it reports deleted.
    public void Configure(EntityTypeBuilder<SearchOutboxEntry> entry) => entry.ToTable("SearchOutbox");
}
