using System.Net;
using CchcSite.Web.Tests.Questions;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Subscriptions;

/// <summary>A site that takes two subscribe requests per address and hour.</summary>
public sealed class LimitedSubscriptionSite : SubscriptionSite
{
    protected override int RequestsPerHour => 2;
}

public sealed class SubscribeLimitTests(LimitedSubscriptionSite site) : IClassFixture<LimitedSubscriptionSite>
{
    [Fact]
    public async Task Past_the_hourly_limit_the_form_explains_in_Vietnamese_keeps_the_address_and_stores_nothing()
    {
        Assert.Equal(HttpStatusCode.OK, (await site.SubscribeAsync("gioihan1@example.vn")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.SubscribeAsync("gioihan2@example.vn")).StatusCode);

        var refused = await site.SubscribeAsync("gioihan3@example.vn");
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Bạn đã gửi quá nhiều yêu cầu đăng ký trong một giờ", html);
        Assert.Contains("value=\"gioihan3@example.vn\"", html);
        Assert.Equal(2, await site.WithDbAsync(db => db.Subscriptions.CountAsync(s => s.Email.StartsWith("gioihan"))));
        Assert.Empty(site.ReceivedBy("gioihan3@example.vn"));

        // The forms share one limiter but not one allowance: a client refused here can still send a question.
        var question = await QuestionSite.PostFormAsync(site.NewBrowser(), $"/{QuestionSite.Unit}/gui-cau-hoi", QuestionSite.Question("Sau khi đăng ký"));
        Assert.Equal(HttpStatusCode.OK, question.StatusCode);
    }
}
