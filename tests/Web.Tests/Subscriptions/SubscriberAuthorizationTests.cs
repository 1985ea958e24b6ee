using CchcSite.Web.Subscriptions;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Subscriptions;

/// <summary>
/// The authorization matrix of the subscribers page: approvers see the counts of their own unit, administrators also the
/// addresses; editors and hotline officers are refused; nobody but an administrator ever sees an address.
/// </summary>
public sealed class SubscriberAuthorizationTests(SubscriptionSite site) : IClassFixture<SubscriptionSite>
{
    public enum Endpoint { SubscribersPage }

    public static TheoryData<Endpoint, Who> Cases() => AuthorizationMatrix.Cases<Endpoint>();

    private const string Address = "ma.tran.quyen@example.vn";

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_user_gets_exactly_the_allowed_outcome(Endpoint endpoint, Who who)
    {
        if (!await site.WithDbAsync(db => db.Subscriptions.AnyAsync(s => s.Email == Address)))
            await site.ConfirmedAsync(Address, more: new Dictionary<string, string> { ["UnitIds"] = (await site.UnitIdAsync(AuthorizationMatrix.Unit)).ToString() });
        var before = await site.WithDbAsync(db => db.Subscriptions.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Email, s.Status }).ToListAsync());
        var browser = await AuthorizationMatrix.BrowserForAsync(site, who, $"nhan-tin-{endpoint}-{who}".ToLowerInvariant());

        var response = await browser.GetAsync(SubscribersController.Path);
        var html = await response.Content.ReadAsStringAsync();

        var expected = who switch
        {
            Who.Anonymous => Outcome.Login,
            Who.Administrator or Who.Approver or Who.OtherApprover => Outcome.Allowed,
            _ => Outcome.Forbidden,
        };
        Assert.Equal(expected, AuthorizationMatrix.Classify(response, SubscribersController.Path));
        Assert.Equal(who == Who.Administrator, html.Contains(Address));
        // The unit's own row only for those who may see it.
        Assert.Equal(who is Who.Administrator or Who.Approver, html.Contains("Phòng Giáo dục và Đào tạo thị xã Ngã Năm"));
        Assert.Equal(before, await site.WithDbAsync(db => db.Subscriptions.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Email, s.Status }).ToListAsync()));
    }
}
