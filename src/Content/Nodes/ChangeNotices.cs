using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CchcSite.Content.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CchcSite.Content.Nodes;

/// <summary>
/// How a change set committed on one node reaches the others on PostgreSQL: a <c>NOTIFY</c> sent inside the committing
/// transaction, so PostgreSQL delivers it on commit and never for a rollback. Each node listens on <see cref="Channel"/>
/// and hands what it receives to its own <see cref="IContentChangeListener"/>s. On SQLite there is one node: its
/// listeners are told in-process.
/// </summary>
public static class ChangeNotices
{
    public const string Channel = "cchc_content_changes";

    /// <summary>PostgreSQL refuses a payload of 8,000 bytes or more; a larger change set is sent as <see cref="ContentChangeSet.Everything"/>.</summary>
    internal const int MaxPayloadBytes = 7900;

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    private sealed record Notice(
        [property: JsonPropertyName("n")] Guid Node,
        [property: JsonPropertyName("t")] string[] Tags,
        [property: JsonPropertyName("p")] int[] PostIds,
        [property: JsonPropertyName("q")] int[] QuestionIds);

    /// <param name="node">The sending node (<see cref="ContentChangeTracker.Node"/>), which has told its own listeners already.</param>
    public static string Encode(Guid node, ContentChangeSet changes)
    {
        var payload = JsonSerializer.Serialize(new Notice(node, [.. changes.Tags], [.. changes.PostIds], [.. changes.QuestionIds]), Json);
        return Encoding.UTF8.GetByteCount(payload) <= MaxPayloadBytes ? payload : Encode(node, ContentChangeSet.Everything);
    }

    /// <summary>
    /// The sender and change set of a notice; one that cannot be read (another version of the site) comes from no known
    /// node and makes everything stale.
    /// </summary>
    public static (Guid? Node, ContentChangeSet Changes) Decode(string payload)
    {
        try
        {
            if (JsonSerializer.Deserialize<Notice>(payload, Json) is { Tags: not null, PostIds: not null, QuestionIds: not null } notice)
                return (notice.Node, new ContentChangeSet([.. notice.Tags], [.. notice.PostIds], [.. notice.QuestionIds]));
        }
        catch (JsonException)
        {
        }
        return (null, ContentChangeSet.Everything);
    }

    /// <summary>Sends the change set in the context's current transaction; a no-op on SQLite.</summary>
    internal static async Task SendAsync(DatabaseFacade database, Guid node, ContentChangeSet changes, bool async, CancellationToken ct)
    {
        if (!database.IsNpgsql() || changes.IsEmpty)
            return;
        var payload = Encode(node, changes);
        if (async)
            await database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {payload})", ct);
        else
            database.ExecuteSql($"SELECT pg_notify({Channel}, {payload})");
    }
}
