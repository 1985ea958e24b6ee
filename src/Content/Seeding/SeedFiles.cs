using System.Text.Json;
using System.Text.Json.Serialization;
using CchcSite.Content.Posts;
using CchcSite.Content.Units;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CchcSite.Content.Seeding;

// The shapes of the human-editable files under seed/ (see seed/README.md).

internal sealed record CategorySeed(string Slug, string Name, string? Description, int Order);

internal sealed record UnitSeed(string Slug, string Name, string ShortName, UnitKind Kind, string? Parent,
    string? Address, string? Phone, string? Hotline, string? Email, string? Description, UnitProfile? Profile = null,
    bool AcceptsSubUnitPostsAutomatically = true);

internal sealed class PostFrontMatter
{
    public PostKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string? Slug { get; set; }
    public string? Summary { get; set; }
    public string? Category { get; set; }
    public Audience Audience { get; set; }
    public List<string> Tags { get; set; } = [];
    public DateTimeOffset? PublishAt { get; set; }
    public DateTimeOffset? UnpublishAt { get; set; }
    public PostStatus Status { get; set; } = PostStatus.Published;
    public string? Cover { get; set; }
    public string? CoverAlt { get; set; }
    public DocumentSeed? Document { get; set; }
    public VideoSeed? Video { get; set; }
    /// <summary>"plan-key/order": the plan row this post carries out (see plans.json).</summary>
    public string? PlanItem { get; set; }
}

/// <summary>A document's fields as the post stores them, and the files and links the seed gives with them.</summary>
internal sealed record DocumentSeed : DocumentInfo
{
    public List<AttachmentSeed> Attachments { get; init; } = [];
    public List<RelationSeed> Related { get; init; } = [];
}

internal sealed class AttachmentSeed
{
    public string File { get; set; } = "";
    public string Title { get; set; } = "";
}

internal sealed class RelationSeed
{
    public DocumentRelationKind Relation { get; set; }
    /// <summary>"unit-slug/post-slug".</summary>
    public string Target { get; set; } = "";
}

/// <summary>A video's fields as an editor types them (its address elsewhere, its length), and its files under seed/files.</summary>
internal sealed record VideoSeed : VideoFields
{
    public string? File { get; init; }
    public string? Poster { get; init; }
    public string? Captions { get; init; }
}

/// <summary>A published question of <c>questions.json</c>: asked and answered on the given dates.</summary>
internal sealed record QuestionSeed(string Unit, string Category, DateTimeOffset AskedAt, DateTimeOffset AnsweredAt, string Title, string Question, string Answer);

internal sealed record PlanSeed(string Key, string Unit, int Year, int? EndYear, string? Number, DateOnly? IssuedOn, string Title, string? Document,
    List<PlanItemSeed> Items);

internal sealed record PlanItemSeed(int Order, string? Group, string Content, string? Form, string Lead, List<string>? Coordinators,
    string Timing, string? ExpectedOutput)
{
    public Plans.PlanItemInput ToInput() =>
        new(Order, Group, Content, Form, Lead, string.Join("; ", Coordinators ?? []), Timing, ExpectedOutput);
}

internal sealed record PostSeed(string UnitSlug, string SourcePath, PostFrontMatter Meta, string Body);

internal static class SeedFileReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static List<T> ReadJson<T>(string path) =>
        JsonSerializer.Deserialize<List<T>>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"{path}: expected a JSON array.");

    /// <summary>Reads "---\nYAML\n---\nMarkdown"; errors name the file so an editor can fix it.</summary>
    public static PostSeed ReadPost(string unitSlug, string path)
    {
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
            throw new InvalidDataException($"{path}: a post must start with '---' and YAML front matter.");
        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        if (end < 0)
            throw new InvalidDataException($"{path}: the front matter has no closing '---'.");
        PostFrontMatter meta;
        try
        {
            meta = Yaml.Deserialize<PostFrontMatter>(text[4..end]) ?? new PostFrontMatter();
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"{path}: front matter is not valid ({e.Message}).", e);
        }
        if (string.IsNullOrWhiteSpace(meta.Title))
            throw new InvalidDataException($"{path}: 'title' is required.");
        return new PostSeed(unitSlug, path, meta, text[(end + 5)..].Trim() + "\n");
    }
}
