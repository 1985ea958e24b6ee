using System.Text.Json;
using System.Text.Json.Nodes;

namespace CchcSite.Content.Posts;

/// <summary>
/// How a revision stores a draft: <see cref="PostRevision.FieldsJson"/> holds the <see cref="PostDraft"/> (its title,
/// summary and body are columns of their own) in the shape <see cref="PostRevision.FieldsVersion"/> names. Stored rows
/// are never rewritten; an older shape is upgraded step by step each time it is read, so that renaming, moving or
/// retyping a field of the draft cannot silently empty old revisions. Such a change adds a step to <see cref="Steps"/>.
/// </summary>
public static class RevisionFormat
{
    /// <summary>Step <c>i</c> turns the fields of version <c>i + 1</c> into those of version <c>i + 2</c>.</summary>
    private static readonly Action<JsonObject>[] Steps = [VideoBecameOneObject];

    /// <summary>The version new revisions are written in.</summary>
    public static int Current => Steps.Length + 1;

    /// <summary>The draft's fields as a revision of the current version stores them (the options only lay the text out).</summary>
    public static string Write(PostDraft draft, JsonSerializerOptions? layout = null) =>
        JsonSerializer.Serialize(draft with { Title = "", Summary = null, BodyMarkdown = "" }, layout);

    /// <summary>The draft a revision holds, whatever version it was written in.</summary>
    public static PostDraft Read(PostRevision revision)
    {
        if (revision.FieldsVersion < 1 || revision.FieldsVersion > Current)
            throw new InvalidDataException($"Revision {revision.Id} is stored in format {revision.FieldsVersion}; this version of the site reads formats 1 to {Current}.");
        var fields = JsonNode.Parse(revision.FieldsJson) as JsonObject ?? throw new InvalidDataException($"Revision {revision.Id} holds no fields.");
        foreach (var step in Steps[(revision.FieldsVersion - 1)..])
            step(fields);
        return (fields.Deserialize<PostDraft>() ?? throw new InvalidDataException($"Revision {revision.Id} holds no fields."))
            with { Title = revision.Title, Summary = revision.Summary, BodyMarkdown = revision.BodyMarkdown };
    }

    /// <summary>1 → 2: the video's address and length, two fields of the draft, became one nested object.</summary>
    private static void VideoBecameOneObject(JsonObject fields)
    {
        var url = Take(fields, "VideoUrl");
        var duration = Take(fields, "VideoDurationSeconds");
        fields[nameof(PostDraft.Video)] = url is null && duration is null ? null : new JsonObject
        {
            [nameof(VideoFields.ExternalUrl)] = url,
            [nameof(VideoFields.DurationSeconds)] = duration,
        };
    }

    /// <summary>Removes a field, handing back its value (null when absent or null) to be placed elsewhere.</summary>
    private static JsonNode? Take(JsonObject fields, string name)
    {
        fields.TryGetPropertyValue(name, out var value);
        fields.Remove(name);
        return value;
    }
}
