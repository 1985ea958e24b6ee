using CchcSite.Web.Search;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Web.Tests.Search;

/// <summary>While the index is built after a start, the site serves and its search page says results may be missing.</summary>
[Collection(SeededSiteCollection.Name)]
public sealed class IndexBuildingNoticeTests(SiteFactory site)
{
    private const string Notice = "đang xây dựng chỉ mục tìm kiếm";

    [Fact]
    public async Task The_search_page_says_so_while_the_index_is_not_caught_up_and_not_once_it_is()
    {
        var readiness = site.Services.GetRequiredService<SearchReadiness>();
        var client = site.CreateClient();
        Assert.DoesNotContain(Notice, await client.GetStringAsync("/tim-kiem?q=cai+cach"));
        readiness.CaughtUp = false;
        try
        {
            Assert.Contains(Notice, await client.GetStringAsync("/tim-kiem?q=cai+cach"));
            Assert.Contains(Notice, await client.GetStringAsync("/tim-kiem"));
        }
        finally
        {
            readiness.CaughtUp = true;
        }
    }
}
