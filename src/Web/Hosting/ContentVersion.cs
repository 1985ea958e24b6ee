using System.Security.Cryptography;
using CchcSite.Content.Data;
using Microsoft.Net.Http.Headers;

namespace CchcSite.Web.Hosting;

/// <summary>
/// The version of the published content this node serves, as the weak entity tag of every public answer: it changes
/// with every committed change that makes any public answer stale (told after the commit, like the cache eviction), so
/// a browser or CDN holding the current tag holds what a fresh rendering would show, and gets a 304 without one.
/// A random part per start keeps a restarted node (new code, a counter from zero) from confirming a tag it never issued;
/// another node's tags therefore never match here, which costs a full answer, never a stale one.
/// </summary>
public sealed class ContentVersion : IContentChangeListener
{
    private readonly string _start = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    private readonly Lock _gate = new();
    private long _changes;
    private volatile string _tag;

    public ContentVersion() => _tag = Format(0);

    /// <summary>The entity tag of the content as it is now, e.g. <c>W/"3fa2c1d0-17"</c>; a new string at each change.</summary>
    public string Tag => _tag;

    /// <summary>Whether one of the request's <c>If-None-Match</c> tags is the current one (weak comparison).</summary>
    public bool IsCurrent(HttpRequest request)
    {
        if (request.Headers.IfNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags))
            return false;
        var current = EntityTagHeaderValue.Parse(_tag);
        return tags.Any(tag => tag.Compare(current, useStrongComparison: false));
    }

    public ValueTask ContentChangedAsync(ContentChangeSet changes, CancellationToken ct)
    {
        if (!changes.Tags.IsEmpty)
        {
            lock (_gate)
                _tag = Format(++_changes);
        }
        return ValueTask.CompletedTask;
    }

    private string Format(long changes) => $"W/\"{_start}-{changes}\"";
}
