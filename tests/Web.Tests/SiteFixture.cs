using CchcSite.Testing;

namespace CchcSite.Web.Tests;

/// <summary>One seeded site shared by the read-only tests of a collection.</summary>
[CollectionDefinition(Name)]
public sealed class SeededSiteCollection : ICollectionFixture<SiteFactory>
{
    public const string Name = "seeded site";
}
