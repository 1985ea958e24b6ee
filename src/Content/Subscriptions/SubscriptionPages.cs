using CchcSite.Content.Posts;
using CchcSite.Content.Site;
using CchcSite.Content.Units;

namespace CchcSite.Content.Subscriptions;

/// <summary>The site's addresses of subscriptions; the unit's form lives in its section.</summary>
public static class SubscriptionAddresses
{
    public const string Segment = "dang-ky-nhan-tin";
    public const string FormPath = "/" + Segment;
    public const string ConfirmPath = FormPath + "/xac-nhan";
    public const string ManagePath = FormPath + "/quan-ly";
    public const string UnsubscribePath = FormPath + "/huy";

    public static string Form(string? unitSlug) => unitSlug is null ? FormPath : $"/{unitSlug}/{Segment}";
    public static string WithToken(string path, string token) => $"{path}?t={Uri.EscapeDataString(token)}";
}

public sealed record ChoiceOption(int Id, string Name, int Depth);

/// <summary>The subscribe form, and the manage form (with <see cref="Token"/> set).</summary>
public sealed record SubscriptionFormPage(
    UnitRef? Unit,
    IReadOnlyList<ChoiceOption> Units,
    IReadOnlyList<ChoiceOption> Categories,
    SubscriptionChoice Choice,
    IReadOnlyDictionary<string, string> Errors,
    string Action,
    string? Token = null,
    string? Message = null)
    : SitePage(Token is null ? "Đăng ký nhận tin qua thư điện tử" : "Quản lý đăng ký nhận tin",
        Unit is null
            ? [new("Trang chủ", "/"), new(Token is null ? "Đăng ký nhận tin" : "Quản lý đăng ký nhận tin", null)]
            : [new("Trang chủ", "/"), new(Unit.Name, "/" + Unit.Slug), new("Đăng ký nhận tin", null)]);

/// <summary>A page that only says something: sent, confirmed, expired, unsubscribed, a bad link.</summary>
public sealed record SubscriptionNoticePage(string Title, string Text, bool Problem = false, string? ActionUrl = null, string? ActionText = null,
    string? UnsubscribeToken = null)
    : SitePage(Title, [new("Trang chủ", "/"), new(Title, null)]);

public static class SubscriptionNames
{
    public static string Vietnamese(this SubscriptionFrequency frequency) => frequency switch
    {
        SubscriptionFrequency.Immediately => "Ngay khi có tin mới",
        SubscriptionFrequency.Daily => "Bản tổng hợp hằng ngày",
        _ => "Bản tổng hợp hằng tuần (sáng thứ Hai)",
    };

    public static string Vietnamese(this SubscriptionStatus status) => status switch
    {
        SubscriptionStatus.Pending => "Chờ xác nhận",
        SubscriptionStatus.Active => "Đang nhận",
        _ => "Đã hủy",
    };
}

/// <summary>One item of an alert or digest, as the mail templates show it; every address is absolute.</summary>
public sealed record MailItem(string Title, string? Summary, string Url, string? CoverUrl, string? CoverAlt, string UnitName, string KindName,
    string PublishedOn, string? CategoryName);

/// <summary>What the theme's mail templates render: an alert, a digest or the confirmation request.</summary>
public sealed record SubscriptionMailModel(
    string SiteName,
    string SiteUrl,
    string Subject,
    string Heading,
    IReadOnlyList<MailItem> Items,
    string? ConfirmUrl,
    string? ManageUrl,
    string? UnsubscribeUrl,
    string? ExpiresAt,
    MailBulletin? Bulletin = null);

/// <summary>An issue of the Bản tin CCHC as its message shows it: the introduction, the entries by reform field, the web and PDF versions.</summary>
public sealed record MailBulletin(string Title, string PeriodText, string UnitName, string PublishedOn, IReadOnlyList<string> Introduction,
    IReadOnlyList<MailBulletinSection> Sections, string WebUrl, string PdfUrl);

public sealed record MailBulletinSection(string Name, IReadOnlyList<MailItem> Items);
