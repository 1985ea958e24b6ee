using System.Text;
using CchcSite.Content.Categories;
using CchcSite.Content.Data;
using CchcSite.Content.Media;
using CchcSite.Content.Plans;
using CchcSite.Content.Posts;
using CchcSite.Content.Text;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CchcSite.Content.Seeding;

/// <summary>
/// Fills an empty database from the seed folder in one transaction: what the first pages read (units, categories, posts
/// with their files, relations, plans, proposals), with a mark for each later part (<see cref="LaterSeedStages"/>), which
/// is imported after the site serves. A database that already has units is left alone, so a restart never seeds twice and
/// never overwrites what editors changed.
/// </summary>
public sealed class SeedImporter(CchcDbContext db, IMediaStore media, MediaLibrary library, TimeProvider clock, ILogger<SeedImporter> logger)
{
    public async Task<bool> ImportAsync(string seedDirectory, CancellationToken ct)
    {
        if (await db.Units.AnyAsync(ct))
        {
            logger.LogInformation("Database already has content; seeding skipped.");
            return false;
        }
        var root = Path.GetFullPath(seedDirectory);
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"Seed folder not found: {root}");

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var categories = SeedFileReader.ReadJson<CategorySeed>(Path.Combine(root, "categories.json"))
            .Select(c => new Category { Slug = c.Slug, Name = c.Name, Description = c.Description, SortOrder = c.Order })
            .ToDictionary(c => c.Slug);
        db.Categories.AddRange(categories.Values);

        var units = new Dictionary<string, Unit>(StringComparer.Ordinal);
        var order = 0;
        foreach (var seed in SeedFileReader.ReadJson<UnitSeed>(Path.Combine(root, "units.json")))
        {
            Unit? parent = null;
            if (seed.Parent is not null && !units.TryGetValue(seed.Parent, out parent))
                throw new InvalidDataException($"units.json: unit '{seed.Slug}' names parent '{seed.Parent}', which is not listed before it.");
            if (ReservedSlugs.Contains(seed.Slug))
                throw new InvalidDataException($"units.json: '{seed.Slug}' is a word the site itself uses and cannot be a unit's address.");
            units[seed.Slug] = new Unit
            {
                Slug = seed.Slug, Name = seed.Name, ShortName = seed.ShortName, Kind = seed.Kind, Parent = parent,
                Description = seed.Description, SortOrder = order++,
                Contact = new UnitContact { Address = seed.Address, Phone = seed.Phone, Hotline = seed.Hotline, Email = seed.Email },
                Profile = seed.Profile ?? new UnitProfile(),
                AcceptsSubUnitPostsAutomatically = seed.AcceptsSubUnitPostsAutomatically,
            };
        }
        db.Units.AddRange(units.Values);
        await db.SaveChangesAsync(ct);

        var postsRoot = Path.Combine(root, "posts");
        var seeds = Directory.EnumerateDirectories(postsRoot).Order(StringComparer.Ordinal)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.md").Order(StringComparer.Ordinal)
                .Select(file => SeedFileReader.ReadPost(Path.GetFileName(dir), file)))
            .ToList();

        var files = new SeedFileImporter(db, media, library, Path.Combine(root, "files"), now);
        var tags = new Dictionary<string, Tag>(StringComparer.Ordinal);
        var posts = new List<(PostSeed Seed, Post Post)>();
        foreach (var seed in seeds)
        {
            if (!units.TryGetValue(seed.UnitSlug, out var unit))
                throw new InvalidDataException($"{seed.SourcePath}: folder '{seed.UnitSlug}' is not a unit in units.json.");
            var post = await ToPostAsync(seed, unit, categories, tags, files, now, ct);
            post.Slug = Slug.Unique(post.Slug, s => posts.Any(p => p.Post.UnitId == unit.Id && p.Post.Slug == s));
            posts.Add((seed, post));
            db.Posts.Add(post);
        }
        await db.SaveChangesAsync(ct);

        var byAddress = posts.ToDictionary(p => $"{p.Seed.UnitSlug}/{p.Post.Slug}", p => p.Post, StringComparer.Ordinal);
        foreach (var (seed, post) in posts)
        {
            foreach (var related in seed.Meta.Document?.Related ?? [])
            {
                if (!byAddress.TryGetValue(related.Target, out var target))
                    throw new InvalidDataException($"{seed.SourcePath}: related document '{related.Target}' does not exist.");
                post.Relations.Add(new DocumentRelation { ToPostId = target.Id, Kind = related.Relation });
            }
        }
        var plans = await ImportPlansAsync(Path.Combine(root, "plans.json"), units, byAddress, now, ct);
        foreach (var (seed, post) in posts.Where(p => p.Seed.Meta.PlanItem is not null))
            post.PlanItemId = PlanItemOf(seed, post, plans).Id;
        await db.SaveChangesAsync(ct);

        Proposals.ProposalSeed.Import(db, Path.Combine(root, "proposals.json"), units,
            posts.ToDictionary(p => $"{p.Seed.UnitSlug}/{Path.GetFileName(p.Seed.SourcePath)}", p => p.Post, StringComparer.Ordinal));
        db.PendingSeedStages.AddRange(LaterSeedStages.Names.Select(name => new PendingSeedStage { Name = name }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Seeded {Units} units, {Categories} categories, {Posts} posts and {Plans} plans from {Root}; the other parts follow once the site serves.",
            units.Count, categories.Count, posts.Count, plans.Count, root);
        return true;
    }

    /// <summary>The plans of plans.json (a seed without the file has none), keyed as posts refer to them.</summary>
    private async Task<Dictionary<string, Plan>> ImportPlansAsync(string path, Dictionary<string, Unit> units, Dictionary<string, Post> posts,
        DateTime now, CancellationToken ct)
    {
        var plans = new Dictionary<string, Plan>(StringComparer.Ordinal);
        if (!File.Exists(path))
            return plans;
        var names = await UnitNames.LoadAsync(db, ct);
        foreach (var seed in SeedFileReader.ReadJson<PlanSeed>(path))
        {
            if (!units.TryGetValue(seed.Unit, out var unit))
                throw new InvalidDataException($"plans.json: plan '{seed.Key}' names unit '{seed.Unit}', which is not in units.json.");
            Post? document = null;
            if (seed.Document is not null && (!posts.TryGetValue(seed.Document, out document) || document.Kind != PostKind.Document || document.UnitId != unit.Id))
                throw new InvalidDataException($"plans.json: plan '{seed.Key}' names document '{seed.Document}', which is not a document post of its unit.");
            var plan = new Plan
            {
                Unit = unit, Year = seed.Year, EndYear = seed.EndYear, Number = seed.Number, IssuedOn = seed.IssuedOn, Title = seed.Title, DocumentPost = document,
                CreatedAt = now, UpdatedAt = now,
            };
            foreach (var row in seed.Items)
            {
                var input = row.ToInput();
                if (input.Validate() is { Count: > 0 } errors)
                    throw new InvalidDataException($"plans.json: plan '{seed.Key}', row {row.Order}: {string.Join(" ", errors.Values)}");
                var item = new PlanItem { Content = "", LeadName = "", TimingText = "" };
                names.Apply(input, item, row.Order);
                plan.Items.Add(item);
            }
            if (!plans.TryAdd(seed.Key, plan))
                throw new InvalidDataException($"plans.json: plan key '{seed.Key}' is used twice.");
            db.Plans.Add(plan);
        }
        await db.SaveChangesAsync(ct);
        return plans;
    }

    /// <summary>The row a post names; a post may carry out only its own unit's rows, or rows its unit leads or coordinates.</summary>
    private static PlanItem PlanItemOf(PostSeed seed, Post post, Dictionary<string, Plan> plans)
    {
        var reference = seed.Meta.PlanItem!;
        var slash = reference.LastIndexOf('/');
        var item = slash > 0 && plans.TryGetValue(reference[..slash], out var plan) && int.TryParse(reference[(slash + 1)..], out var order)
            ? plan.Items.FirstOrDefault(i => i.Order == order) : null;
        if (item is null)
            throw new InvalidDataException($"{seed.SourcePath}: planItem '{reference}' is not a row of a plan in plans.json.");
        if (item.Plan.UnitId != post.UnitId && item.LeadUnitId != post.UnitId && item.Coordinators.All(c => c.UnitId != post.UnitId))
            throw new InvalidDataException($"{seed.SourcePath}: planItem '{reference}' belongs to another unit's plan.");
        return item;
    }

    private static async Task<Post> ToPostAsync(PostSeed seed, Unit unit, Dictionary<string, Category> categories,
        Dictionary<string, Tag> tags, SeedFileImporter files, DateTime now, CancellationToken ct)
    {
        var meta = seed.Meta;
        Category? category = null;
        if (meta.Category is not null && !categories.TryGetValue(meta.Category, out category))
            throw new InvalidDataException($"{seed.SourcePath}: category '{meta.Category}' is not in categories.json.");
        if (meta.Status == PostStatus.Published && meta.PublishAt is null)
            throw new InvalidDataException($"{seed.SourcePath}: a published post needs 'publishAt'.");

        var title = meta.Title.Normalize(NormalizationForm.FormC);
        var post = new Post
        {
            Unit = unit,
            UnitId = unit.Id,
            Kind = meta.Kind,
            Slug = Slug.From(meta.Slug ?? title),
            Title = title,
            Summary = meta.Summary?.Normalize(NormalizationForm.FormC),
            BodyMarkdown = seed.Body.Normalize(NormalizationForm.FormC),
            Category = category,
            Audience = meta.Audience,
            // "Published" in the seed means approved for readers; one dated ahead waits for its time like any approved post.
            Status = meta.Status == PostStatus.Published ? PostWorkflow.LiveStatus(meta.PublishAt?.UtcDateTime, now) : meta.Status,
            PublishAt = meta.PublishAt?.UtcDateTime,
            UnpublishAt = meta.UnpublishAt?.UtcDateTime,
            CreatedAt = meta.PublishAt?.UtcDateTime ?? now,
            UpdatedAt = meta.PublishAt?.UtcDateTime ?? now,
            Version = Guid.NewGuid(),
        };
        foreach (var name in meta.Tags.Select(t => t.Trim().Normalize(NormalizationForm.FormC)).Where(t => t.Length > 0).Distinct())
        {
            var slug = Slug.From(name);
            if (!tags.TryGetValue(slug, out var tag))
                tags[slug] = tag = new Tag { Slug = slug, Name = name };
            post.Tags.Add(tag);
        }
        if (meta.Cover is not null)
        {
            if (string.IsNullOrWhiteSpace(meta.CoverAlt))
                throw new InvalidDataException($"{seed.SourcePath}: 'coverAlt' is required with 'cover'.");
            post.CoverImage = await files.ImportAsync(seed, unit, meta.Cover, meta.CoverAlt, ct);
        }
        if (meta.Document is { } document)
        {
            post.Document = document.Canonical();
            var sort = 0;
            foreach (var attachment in document.Attachments)
                post.Attachments.Add(new Attachment
                {
                    Title = attachment.Title,
                    SortOrder = sort++,
                    MediaAsset = await files.ImportAsync(seed, unit, attachment.File, null, ct),
                });
        }
        if (meta.Video is { } video)
        {
            // The fields first: the files, new assets without ids yet, are then set by navigation.
            post.Video = new VideoInfo();
            post.Video.Take(video.Canonical() with { FileId = null });
            post.Video.File = video.File is null ? null : await files.ImportAsync(seed, unit, video.File, null, ct);
            post.Video.Poster = video.Poster is null ? null : await files.ImportAsync(seed, unit, video.Poster, $"Ảnh đại diện video: {title}", ct);
            post.Video.Captions = video.Captions is null ? null : await files.ImportAsync(seed, unit, video.Captions, null, ct);
        }
        return post;
    }
}
