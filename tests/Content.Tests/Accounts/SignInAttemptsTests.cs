using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Tests.Accounts;

public sealed class SignInAttemptsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(3, 0)]
    [InlineData(4, 1)]
    [InlineData(5, 2)]
    [InlineData(6, 4)]
    [InlineData(7, 8)]
    [InlineData(9, 32)]
    [InlineData(10, 60)]
    [InlineData(10_000, 60)]
    public void The_delay_grows_after_three_free_failures_and_never_passes_a_minute(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SignInDelay.After(failures));

    [Fact]
    public async Task Failures_count_and_delay_the_account_until_a_success_clears_them()
    {
        await using var database = await TestDatabase.CreateAsync();
        var owner = new EditorUser { UserName = "chu@cchc.test", Email = "chu@cchc.test", FullName = "Chủ tài khoản" };
        var other = new EditorUser { UserName = "khac@cchc.test", Email = "khac@cchc.test", FullName = "Người khác" };
        await using (var db = database.NewContext())
        {
            db.Users.AddRange(owner, other);
            await db.SaveChangesAsync();
        }
        var actor = new Actor("", "ai-do@cchc.test", "203.0.113.7");

        SignInAttempts Attempts(Data.CchcDbContext db) => database.Get<SignInAttempts>(db);

        async Task<int> FailAsync(EditorUser? counted)
        {
            await using var db = database.NewContext();
            return await Attempts(db).RecordFailureAsync(counted, actor, "Đăng nhập sai", CancellationToken.None);
        }

        async Task<(int Failures, bool MustWait)> OwnerAsync()
        {
            await using var db = database.NewContext();
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == owner.Id);
            return (user.AccessFailedCount, Attempts(db).MustWait(user));
        }

        for (var expected = 1; expected <= SignInDelay.FreeFailures; expected++)
        {
            Assert.Equal(expected, await FailAsync(owner));
            Assert.Equal((expected, false), await OwnerAsync());
        }
        Assert.Equal(SignInDelay.FreeFailures + 1, await FailAsync(owner));
        Assert.Equal((SignInDelay.FreeFailures + 1, true), await OwnerAsync());
        // A failure that is not counted (unknown address, deactivated account, attempt while waiting) changes no account.
        Assert.Equal(0, await FailAsync(null));
        Assert.Equal((SignInDelay.FreeFailures + 1, true), await OwnerAsync());
        database.Clock.Advance(SignInDelay.After(SignInDelay.FreeFailures + 1) + TimeSpan.FromMilliseconds(1));
        Assert.Equal((SignInDelay.FreeFailures + 1, false), await OwnerAsync());

        await using (var db = database.NewContext())
        {
            await Attempts(db).RecordSuccessAsync(owner, actor, CancellationToken.None);
            var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id);
            Assert.Equal((0, null), (users[owner.Id].AccessFailedCount, users[owner.Id].LockoutEnd));
            Assert.Equal(0, users[other.Id].AccessFailedCount);
            Assert.Equal(SignInDelay.FreeFailures + 2, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.SignInFailed));
        }
    }
}
