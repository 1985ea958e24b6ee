using CchcSite.Content.Bulletins;
using CchcSite.Content.Posts;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Bulletins;

/// <summary>Bulletin data the tests make for themselves, in years no seeded content and no other test uses.</summary>
public static class BulletinData
{
    /// <summary>A published post of the unit, at noon Vietnam time of the day given.</summary>
    public static Task<int> PublishedPostAsync(EditorSite site, string unitSlug, string title, DateOnly day) => site.WithDbAsync(async db =>
    {
        var unitId = await db.Units.Where(u => u.Slug == unitSlug).Select(u => u.Id).SingleAsync();
        var at = DateTime.SpecifyKind(day.ToDateTime(new TimeOnly(5, 0)), DateTimeKind.Utc);
        var post = new Post
        {
            UnitId = unitId, Kind = PostKind.Article, Slug = "ban-tin-" + Guid.NewGuid().ToString("N")[..10], Title = title,
            Summary = "Tóm tắt: " + title, BodyMarkdown = "Nội dung bài viết.", Status = PostStatus.Published, PublishAt = at,
            AuthorId = "seed", LastEditorId = "seed", CreatedAt = at, UpdatedAt = at,
        };
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return post.Id;
    });

    /// <summary>An issue in the given state, written by someone other than every test user, with one entry.</summary>
    public static Task<int> IssueAsync(EditorSite site, string unitSlug, int year, int number, PostStatus status) => site.WithDbAsync(async db =>
    {
        var unitId = await db.Units.Where(u => u.Slug == unitSlug).Select(u => u.Id).SingleAsync();
        var issue = new BulletinIssue
        {
            UnitId = unitId, Year = year, Number = number, Period = BulletinPeriod.Quarter, PeriodIndex = 1, Status = status,
            Introduction = "Lời giới thiệu ban đầu.", AuthorId = "nguoi-lap-khac", LastEditorId = "nguoi-lap-khac",
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, PublishedAt = status == PostStatus.Published ? DateTime.UtcNow : null,
            Entries = [new BulletinEntry { Order = 1, ItemKind = BulletinItemKind.Post, ItemId = 1, Title = "Mục có sẵn", Url = "/", Section = "Khác" }],
        };
        db.Add(issue);
        await db.SaveChangesAsync();
        return issue.Id;
    });

    public static Task<(PostStatus Status, string Introduction, int Entries)> StateAsync(EditorSite site, int id) => site.WithDbAsync(async db =>
        // An anonymous type, not a tuple: Npgsql cannot read a projected tuple (a PostgreSQL record).
        await db.Set<BulletinIssue>().Where(i => i.Id == id).Select(i => new { i.Status, i.Introduction, Entries = i.Entries.Count }).SingleAsync()
            is var state ? (state.Status, state.Introduction, state.Entries) : default);
}
