namespace CchcSite.Content.Posts;

/// <summary>Why a published post was taken down; it decides what its old address answers.</summary>
public enum RetirementReason
{
    /// <summary>Đăng nhầm: the address answers 410 Gone.</summary>
    PublishedInError,
    /// <summary>Đã có bài thay thế: the address answers 301 to the replacement.</summary>
    Replaced,
    /// <summary>Thu hồi: the page stays, with a visible notice and the explanation.</summary>
    Withdrawn,
}

/// <summary>An address a post answered before its slug changed; it answers 301 to the post's current address.</summary>
public class PostSlugHistory
{
    public int Id { get; set; }
    public int PostId { get; set; }
    public int UnitId { get; set; }
    public required string Slug { get; set; }
}

/// <summary>What a public address that no longer shows a live post should answer.</summary>
public abstract record RetiredAnswer
{
    public sealed record Gone : RetiredAnswer;
    public sealed record MovedTo(string Url) : RetiredAnswer;
    public sealed record WithdrawnNotice(PostDetail Post, string Explanation) : RetiredAnswer;

    public static string Vietnamese(RetirementReason reason) => reason switch
    {
        RetirementReason.PublishedInError => "Đăng nhầm (trang báo đã gỡ)",
        RetirementReason.Replaced => "Đã có bài thay thế (chuyển đến bài mới)",
        _ => "Thu hồi (giữ trang kèm thông báo)",
    };
}
