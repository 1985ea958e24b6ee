using System.Security.Cryptography;
using System.Threading.Channels;
using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Content.Text;
using CchcSite.Web.Mail;
using Microsoft.AspNetCore.Identity;

namespace CchcSite.Web.Editor;

/// <summary>
/// Signs an editor in by e-mail and password without telling a stranger anything (OWASP ASVS 2.2.1): an unknown
/// address, a deactivated account, a wrong password and an account that must still wait all cost one password
/// hash and the same writes, and all get <see cref="Refused"/>. Wrong passwords slow the account down
/// (<see cref="SignInDelay"/>) instead of locking it, and its owner is told by mail.
/// </summary>
public sealed class EditorSignIn(UserManager<EditorUser> users, SignInManager<EditorUser> signIn, SignInAttempts attempts, SignInNotices notices)
{
    public const string Refused = "Không đăng nhập được. Thư điện tử hoặc mật khẩu không đúng, hoặc tài khoản đang tạm dừng sau nhiều lần nhập sai " +
        "hay đã bị khóa. Vui lòng đợi một phút rồi thử lại, hoặc liên hệ quản trị hệ thống.";

    private static readonly EditorUser Nobody = new() { FullName = "" };
    private static string? s_nobodysHash;

    public async Task<bool> TryAsync(string email, string password, bool remember, string? address, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email);
        var matches = user is { PasswordHash: not null } ? await users.CheckPasswordAsync(user, password) : HashAsIfKnown(password);
        var actor = new Actor(user?.Id ?? "", email, address);
        if (user is null)
        {
            await attempts.RecordFailureAsync(null, actor, "Đăng nhập sai – không có tài khoản này", ct);
            return false;
        }
        if (!user.IsActive)
        {
            await attempts.RecordFailureAsync(null, actor, "Đăng nhập vào tài khoản đã bị khóa", ct);
            return false;
        }
        if (attempts.MustWait(user))
        {
            await attempts.RecordFailureAsync(null, actor, "Đăng nhập trong thời gian chờ sau nhiều lần sai", ct);
            return false;
        }
        if (!matches)
        {
            var failures = await attempts.RecordFailureAsync(user, actor, "Đăng nhập sai", ct);
            notices.AfterFailure(user, failures, address);
            return false;
        }
        await attempts.RecordSuccessAsync(user, actor, ct);
        await signIn.SignInAsync(user, remember);
        return true;
    }

    /// <summary>Checks the password against a hash made by the same hasher, so that an unknown address takes as long as a known one.</summary>
    private bool HashAsIfKnown(string password)
    {
        var hash = s_nobodysHash ??= users.PasswordHasher.HashPassword(Nobody, RandomNumberGenerator.GetHexString(32));
        users.PasswordHasher.VerifyHashedPassword(Nobody, hash, password);
        return false;
    }
}

/// <summary>
/// Tells an account's owner by mail when its password has been typed wrong <see cref="Threshold"/> times in a
/// row, at most once an hour per account. The mail goes out in the background: a slow mail server must not make
/// the failing request slower, which would tell the guesser that the account exists. Without SMTP the site
/// registers no <see cref="IMailSender"/>, and the notice only goes to the log.
/// </summary>
public sealed class SignInNotices(TimeProvider clock, ILogger<SignInNotices> logger, IMailSender? mail = null) : BackgroundService
{
    public const int Threshold = 5;
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>When each account's owner was last told. In memory: a restart may send one notice early, no more.</summary>
    private readonly Dictionary<string, DateTimeOffset> _lastSent = [];
    private readonly Channel<OutgoingMail> _outbox = Channel.CreateBounded<OutgoingMail>(
        new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropWrite });

    public void AfterFailure(EditorUser user, int consecutiveFailures, string? address)
    {
        if (consecutiveFailures < Threshold || user.Email is null)
            return;
        var now = clock.GetUtcNow();
        lock (_lastSent)
        {
            if (_lastSent.TryGetValue(user.Id, out var last) && now - last < Interval)
                return;
            _lastSent[user.Id] = now;
        }
        logger.LogWarning("{Failures} consecutive failed sign-ins to {Email}, the last from {Address}.", consecutiveFailures, user.Email, address);
        if (mail is null)
            return;
        _outbox.Writer.TryWrite(new OutgoingMail(user.Email, "Cảnh báo: nhiều lần đăng nhập sai vào tài khoản của bạn",
            $"""
            Xin chào {user.FullName},

            Tài khoản {user.Email} ở trang quản trị vừa bị nhập sai mật khẩu {consecutiveFailures} lần liên tiếp, lần gần nhất lúc {VietnamTime.FormatDateTime(now.UtcDateTime)} (giờ Việt Nam) từ địa chỉ {address ?? "không rõ"}.

            Tài khoản không bị khóa: sau mỗi lần sai, lần thử tiếp theo phải đợi lâu hơn một chút (nhiều nhất một phút).
            Nếu đó là bạn, không cần làm gì thêm. Nếu không phải bạn, có thể ai đó đang dò mật khẩu: hãy đăng nhập, đổi sang một mật khẩu mạnh và báo cho quản trị hệ thống.

            Thư này được gửi tự động, nhiều nhất một thư mỗi giờ.
            """));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (mail is null)
            return;
        await foreach (var notice in _outbox.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await mail.SendAsync(notice, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The failed sign-in notice to {Email} could not be sent.", notice.To);
            }
        }
    }
}
