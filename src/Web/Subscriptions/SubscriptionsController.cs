using CchcSite.Content.Data;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Posts;
using CchcSite.Content.Subscriptions;
using CchcSite.Content.Units;
using CchcSite.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Subscriptions;

/// <summary>The subscribe and manage forms' fields. <see cref="Website"/> is the honeypot.</summary>
public sealed class SubscriptionForm
{
    public string? Email { get; set; }
    public List<int> UnitIds { get; set; } = [];
    public bool IncludeSubUnits { get; set; }
    public List<int> CategoryIds { get; set; } = [];
    public List<PostKind> Kinds { get; set; } = [];
    public SubscriptionFrequency Frequency { get; set; }
    public bool Bulletin { get; set; }
    public bool ProcedureChanges { get; set; }
    public bool Contests { get; set; }
    public string? Website { get; set; }

    public SubscriptionChoice ToChoice() => new(Email, UnitIds, IncludeSubUnits, CategoryIds, Kinds, Frequency, Bulletin, ProcedureChanges, Contests);
}

/// <summary>
/// Subscribing without an account (per unit or site-wide), confirming, managing and unsubscribing by signed link. Never
/// output-cached: the forms carry an antiforgery token, and the link pages belong to whoever holds the link. A bad,
/// altered or old link gets a plain page that says so, the same for every case, naming no address.
/// </summary>
[AutoValidateAntiforgeryToken]
[PrivateAnswer]
public sealed class SubscriptionsController(SubscriptionBook book, SubscriptionTokens tokens, SubscriptionMessages messages,
    SubscriptionMailer mailer, SubscribeLimiter limiter, UnitDirectory units, CchcDbContext db, ILogger<SubscriptionsController> logger) : Controller
{
    private const string Sent = "Vui lòng kiểm tra hộp thư";

    [HttpGet(SubscriptionAddresses.FormPath)]
    [HttpGet("/{unit:unit}/" + SubscriptionAddresses.Segment)]
    public async Task<IActionResult> Form(string? unit, [FromQuery(Name = "linh-vuc")] string? field, CancellationToken ct)
    {
        var choice = SubscriptionChoice.Empty;
        if (unit is not null)
        {
            if (await units.FindAsync(unit, ct) is not { } node)
                return NotFound();
            choice = choice with { UnitIds = [node.Unit.Id] };
        }
        if (field is not null && await db.Categories.Where(c => c.Slug == field).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct) is { } category)
            choice = choice with { CategoryIds = [category] };
        return await ShowAsync(unit, choice, new Dictionary<string, string>(), StatusCodes.Status200OK, null, ct);
    }

    [HttpPost(SubscriptionAddresses.FormPath)]
    [HttpPost("/{unit:unit}/" + SubscriptionAddresses.Segment)]
    public async Task<IActionResult> Subscribe(string? unit, SubscriptionForm form, CancellationToken ct)
    {
        var choice = form.ToChoice();
        if (!string.IsNullOrEmpty(form.Website))
            return await ShowAsync(unit, choice, Whole("Không gửi được. Vui lòng để trống các ô không có nhãn và thử lại."), StatusCodes.Status400BadRequest, null, ct);
        if (!limiter.TryAcquire(HttpContext))
            return await ShowAsync(unit, choice, Whole(SubscribeLimiter.Message), StatusCodes.Status429TooManyRequests, null, ct);
        var outcome = await book.SubscribeAsync(choice, ct);
        if (outcome is Outcome<SubscribeResult>.Invalid invalid)
            return await ShowAsync(unit, choice, invalid.Errors.ToDictionary(e => e.Key, e => string.Join(" ", e.Value)),
                StatusCodes.Status422UnprocessableEntity, null, ct);
        if (outcome is not Outcome<SubscribeResult>.Ok { Value: var result })
            return await ShowAsync(unit, choice, Whole(outcome.Problem!), StatusCodes.Status422UnprocessableEntity, null, ct);
        try
        {
            var message = result.Mail == SubscribeMail.Confirm
                ? await messages.ConfirmationAsync(result.Subscription)
                : await messages.AlreadyActiveAsync(result.Subscription);
            if (mailer.Configured)
                await mailer.SendNowAsync(message, ct);
            else
                logger.LogWarning("Smtp:Host is not set: the subscription confirmation was not e-mailed.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The subscription confirmation could not be e-mailed.");
            return await ShowAsync(unit, choice, Whole("Chưa gửi được thư xác nhận do lỗi máy chủ thư. Vui lòng thử lại sau ít phút."),
                StatusCodes.Status503ServiceUnavailable, null, ct);
        }
        // The same words whether the address was new, waiting or already subscribed: the page tells nothing about it.
        return Notice(new SubscriptionNoticePage(Sent,
            $"Nếu địa chỉ {choice.Email!.Trim()} đúng, một thư đã được gửi đến đó. Vui lòng mở thư và bấm vào đường dẫn xác nhận để bắt đầu nhận tin. " +
            "Đường dẫn có hiệu lực trong thời gian ghi trong thư; chưa xác nhận thì bạn không nhận được thư nào khác."));
    }

    [HttpGet(SubscriptionAddresses.ConfirmPath)]
    public async Task<IActionResult> Confirm([FromQuery(Name = "t")] string? token, CancellationToken ct)
    {
        // An expired link fails the signature's time check too; the database's ConfirmBy says the same for a valid one.
        if (tokens.ReadConfirmation(token) is not { } link)
            return Notice(BadLink(expiredPossible: true), StatusCodes.Status404NotFound);
        return await book.ConfirmAsync(link.Id, link.Stamp, ct) switch
        {
            Outcome<Subscription>.Ok ok => Notice(new SubscriptionNoticePage("Đã xác nhận đăng ký",
                "Cảm ơn bạn. Từ nay bạn sẽ nhận tin cải cách hành chính theo lựa chọn của mình. Mỗi thư đều có đường dẫn để thay đổi lựa chọn hoặc hủy nhận tin.",
                ActionUrl: messages.ManageUrl(ok.Value), ActionText: "Xem và thay đổi lựa chọn")),
            Outcome<Subscription>.Refused => Notice(new SubscriptionNoticePage("Đường dẫn đã hết hạn", SubscriptionBook.Expired, Problem: true,
                ActionUrl: SubscriptionAddresses.FormPath, ActionText: "Đăng ký lại"), StatusCodes.Status410Gone),
            _ => Notice(BadLink(expiredPossible: true), StatusCodes.Status404NotFound),
        };
    }

    [HttpGet(SubscriptionAddresses.ManagePath)]
    public async Task<IActionResult> Manage([FromQuery(Name = "t")] string? token, CancellationToken ct)
    {
        if (await LinkedAsync(token, ct) is not { Status: SubscriptionStatus.Active } subscription)
            return Notice(BadLink(expiredPossible: false), StatusCodes.Status404NotFound);
        return await ManageFormAsync(token!, Current(subscription), new Dictionary<string, string>(), StatusCodes.Status200OK, null, ct);
    }

    [HttpPost(SubscriptionAddresses.ManagePath)]
    public async Task<IActionResult> Change([FromQuery(Name = "t")] string? token, SubscriptionForm form, CancellationToken ct)
    {
        if (tokens.ReadManage(token) is not { } link)
            return Notice(BadLink(expiredPossible: false), StatusCodes.Status404NotFound);
        var choice = form.ToChoice();
        return await book.ChangeAsync(link.Id, link.Stamp, choice, ct) switch
        {
            Outcome<Subscription>.Ok ok => await ManageFormAsync(token!, Current(ok.Value), new Dictionary<string, string>(), StatusCodes.Status200OK,
                "Đã lưu lựa chọn của bạn.", ct),
            Outcome<Subscription>.Invalid invalid => await ManageFormAsync(token!, choice,
                invalid.Errors.ToDictionary(e => e.Key, e => string.Join(" ", e.Value)), StatusCodes.Status422UnprocessableEntity, null, ct),
            _ => Notice(BadLink(expiredPossible: false), StatusCodes.Status404NotFound),
        };
    }

    /// <summary>The link in a message: a page with one button, since mail scanners open links and a GET must change nothing.</summary>
    [HttpGet(SubscriptionAddresses.UnsubscribePath)]
    public async Task<IActionResult> Unsubscribe([FromQuery(Name = "t")] string? token, CancellationToken ct)
    {
        if (await LinkedAsync(token, ct) is not { } subscription)
            return Notice(BadLink(expiredPossible: false), StatusCodes.Status404NotFound);
        if (subscription.Status == SubscriptionStatus.Unsubscribed)
            return Notice(Unsubscribed);
        return Notice(new SubscriptionNoticePage("Hủy nhận tin", "Bấm nút dưới đây để ngừng nhận mọi thư tin cải cách hành chính gửi đến địa chỉ này.",
            UnsubscribeToken: token));
    }

    /// <summary>
    /// RFC 8058 one-click: a mail client posts "List-Unsubscribe=One-Click" to the header's address, with no cookie and no
    /// form token, so the signed link is the whole authority (as it is for the button on the page, which posts the same).
    /// </summary>
    [HttpPost(SubscriptionAddresses.UnsubscribePath)]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> UnsubscribeNow([FromQuery(Name = "t")] string? token, CancellationToken ct)
    {
        if (tokens.ReadManage(token) is not { } link)
            return Notice(BadLink(expiredPossible: false), StatusCodes.Status404NotFound);
        return await book.UnsubscribeAsync(link.Id, link.Stamp, ct) is Outcome<Subscription>.Ok
            ? Notice(Unsubscribed)
            : Notice(BadLink(expiredPossible: false), StatusCodes.Status404NotFound);
    }

    private static readonly SubscriptionNoticePage Unsubscribed = new("Đã hủy nhận tin",
        "Địa chỉ thư của bạn sẽ không nhận thêm thư nào từ trang. Địa chỉ được xóa khỏi hệ thống sau thời hạn lưu giữ theo quy định. Bạn có thể đăng ký lại bất cứ lúc nào.",
        ActionUrl: SubscriptionAddresses.FormPath, ActionText: "Đăng ký lại");

    private static SubscriptionNoticePage BadLink(bool expiredPossible) => new("Đường dẫn không dùng được",
        (expiredPossible ? "Đường dẫn không đúng, đã hết hạn hoặc đã được thay bằng một thư mới hơn. " : "Đường dẫn không đúng hoặc không còn hiệu lực. ")
        + "Vui lòng dùng đường dẫn trong thư mới nhất, hoặc đăng ký lại.", Problem: true, ActionUrl: SubscriptionAddresses.FormPath, ActionText: "Đăng ký nhận tin");

    private async Task<Subscription?> LinkedAsync(string? token, CancellationToken ct) =>
        tokens.ReadManage(token) is { } link ? await book.FindAsync(link.Id, link.Stamp, ct) : null;

    private static SubscriptionChoice Current(Subscription s) =>
        new(null, s.UnitIdList, s.IncludeSubUnits, s.CategoryIdList, s.KindList, s.Frequency, s.Bulletin, s.ProcedureChanges, s.Contests);

    private static Dictionary<string, string> Whole(string message) => new() { [""] = message };

    private IActionResult Notice(SubscriptionNoticePage page, int status = StatusCodes.Status200OK)
    {
        Response.StatusCode = status;
        Response.Headers["X-Robots-Tag"] = "noindex";
        return View("Notice", page);
    }

    private async Task<IActionResult> ShowAsync(string? unitSlug, SubscriptionChoice choice, IReadOnlyDictionary<string, string> errors, int status,
        string? message, CancellationToken ct)
    {
        UnitNode? unit = null;
        if (unitSlug is not null && (unit = await units.FindAsync(unitSlug, ct)) is null)
            return NotFound();
        Response.StatusCode = status;
        return View("Form", new SubscriptionFormPage(unit?.Unit, await UnitChoicesAsync(ct), await CategoryChoicesAsync(ct), choice, errors,
            SubscriptionAddresses.Form(unitSlug), Message: message));
    }

    private async Task<IActionResult> ManageFormAsync(string token, SubscriptionChoice choice, IReadOnlyDictionary<string, string> errors, int status,
        string? message, CancellationToken ct)
    {
        Response.StatusCode = status;
        Response.Headers["X-Robots-Tag"] = "noindex";
        return View("Form", new SubscriptionFormPage(null, await UnitChoicesAsync(ct), await CategoryChoicesAsync(ct), choice, errors,
            SubscriptionAddresses.WithToken(SubscriptionAddresses.ManagePath, token), token, message));
    }

    private async Task<IReadOnlyList<ChoiceOption>> UnitChoicesAsync(CancellationToken ct) =>
        [.. (await units.RootsAsync(ct)).SelectMany(root => root.SelfAndDescendantsWithDepth()).Select(u => new ChoiceOption(u.Node.Unit.Id, u.Node.Unit.Name, u.Depth))];

    private async Task<IReadOnlyList<ChoiceOption>> CategoryChoicesAsync(CancellationToken ct) =>
        [.. (await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => new ChoiceOption(c.Id, c.Name, 0))];
}
