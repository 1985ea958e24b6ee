namespace CchcSite.Testing.Revisions;

/// <summary>
/// Revisions as the site stored them before revisions had a format version (format 1), shared by the Content tests
/// (reading, comparing, restoring) and the web tests (the edit form). Ids: category 1, cover image 1, attachment 2.
/// </summary>
public static class Version1Revisions
{
    /// <summary>
    /// Format 1, exactly as PostEditing stored it before the format had a version (written by the code of commit 4b18af9
    /// for a document with every field set: category 1, cover image 1, attachment 2, no plan row).
    /// </summary>
    public const string Version1Document = """
        {"Title":"","Slug":"ke-hoach","Summary":null,"BodyMarkdown":"","CategoryId":1,"Audience":2,"Tags":["c\u1EA3i c\u00E1ch","tuy\u00EAn truy\u1EC1n"],"PublishAt":"2022-02-24T01:00:00Z","UnpublishAt":"2023-02-24T01:00:00Z","Document":{"Number":"21/KH-UBND","Type":1,"IssuedOn":"2022-02-18","Issuer":"\u1EE6y ban nh\u00E2n d\u00E2n t\u1EC9nh","Signer":"Ph\u00F3 Ch\u1EE7 t\u1ECBch L\u00EA V\u0103n A","EffectiveOn":"2022-03-01","ExpiresOn":"2022-12-31","Abstract":"Tuy\u00EAn truy\u1EC1n \u0022CCHC\u0022 n\u0103m 2022"},"VideoUrl":null,"VideoDurationSeconds":null,"CoverImageId":1,"Attachments":[{"MediaAssetId":2,"Title":"To\u00E0n v\u0103n (PDF)"}],"PlanItemId":null}
        """;

    /// <summary>Format 1 of a video, by the same code.</summary>
    public const string Version1Video = """
        {"Title":"","Slug":"video","Summary":null,"BodyMarkdown":"","CategoryId":null,"Audience":0,"Tags":[],"PublishAt":null,"UnpublishAt":null,"Document":null,"VideoUrl":"https://www.youtube.com/watch?v=abc\u0026t=1","VideoDurationSeconds":95,"CoverImageId":null,"Attachments":[],"PlanItemId":null}
        """;
}
