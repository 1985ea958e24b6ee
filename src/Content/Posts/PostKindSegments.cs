namespace CchcSite.Content.Posts;

/// <summary>Each kind's address segment and Vietnamese names, as the unit section's tabs show them.</summary>
public static class PostKindSegments
{
    public sealed record KindInfo(PostKind Kind, string Segment, string TabName, string SingularName);

    public static readonly IReadOnlyList<KindInfo> All =
    [
        new(PostKind.Article, "tin-tuc", "Tin tức", "Tin, bài"),
        new(PostKind.Document, "van-ban", "Văn bản", "Văn bản chỉ đạo, điều hành"),
        new(PostKind.Video, "video", "Video", "Video clip"),
        new(PostKind.Practice, "mo-hinh-hay", "Mô hình hay", "Mô hình, cách làm hay"),
        new(PostKind.Announcement, "thong-bao", "Thông báo", "Thông báo"),
    ];

    public static KindInfo Of(PostKind kind) => All.First(k => k.Kind == kind);

    public static KindInfo? FromSegment(string segment) =>
        All.FirstOrDefault(k => string.Equals(k.Segment, segment, StringComparison.Ordinal));

    public static string PostUrl(string unitSlug, PostKind kind, string slug) => $"/{unitSlug}/{Of(kind).Segment}/{slug}";
}
