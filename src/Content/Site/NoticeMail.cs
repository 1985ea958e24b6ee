namespace CchcSite.Content.Site;

/// <summary>One labelled fact of a notice, e.g. "Hạn gửi" – "15/06/2026".</summary>
public sealed record NoticeFact(string Label, string Value);

/// <summary>
/// A notice to the people who work in the editor area — a report sent to their unit, a reminder of a report owed — as
/// the theme's <c>Views/Mail/Notice</c> templates render it, in HTML and in text. It holds only what the site says,
/// and one absolute link (from Site:PublicUrl) to the page where the work is done.
/// </summary>
public sealed record NoticeMailModel(string SiteName, string SiteUrl, string Subject, string Heading, IReadOnlyList<string> Paragraphs,
    IReadOnlyList<NoticeFact> Facts, string ActionText, string ActionUrl);
