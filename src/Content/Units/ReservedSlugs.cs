namespace CchcSite.Content.Units;

/// <summary>First path segments the site itself answers; no unit may take one as its address.</summary>
public static class ReservedSlugs
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "api", "openapi", "quan-tri", "tim-kiem", "tra-cuu", "hoi-dap", "thu-tuc-hanh-chinh", "linh-vuc", "chi-so",
        "rss", "atom", "sitemap", "sitemap.xml", "robots.txt", "healthz", "tep", "_content", "favicon.ico", "tai-khoan", "don-vi",
        "gui-cau-hoi", "phan-anh-kien-nghi", "lien-he", "error", "loi", "ke-hoach",
        "dang-ky-nhan-tin", "ban-tin", "hoi-thi",
        "van-ban", "the", "manifest.webmanifest", "gioi-thieu", "en", "da-tiep-nhan",
    };

    public static bool Contains(string slug) => Words.Contains(slug);
}
