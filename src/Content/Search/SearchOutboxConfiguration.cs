using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Search;

internal sealed class SearchOutboxConfiguration : IEntityTypeConfiguration<SearchOutboxEntry>
{
    // No foreign keys on purpose: a row must outlive the post or question it reports deleted.
    public void Configure(EntityTypeBuilder<SearchOutboxEntry> entry) => entry.ToTable("SearchOutbox");
}
