using Microsoft.AspNetCore.OutputCaching;

namespace CchcSite.Web.Procedures;

/// <summary>
/// An answer ranked by the search index is not stored: the index follows a commit a moment later, and nothing evicts the
/// answers when it does, so a list searched in between would stay stale. Site search is not cached for the same reason.
/// </summary>
internal static class IndexedAnswers
{
    public static void DoNotStore(HttpContext http)
    {
        if (http.Features.Get<IOutputCacheFeature>() is { } cache)
            cache.Context.AllowCacheStorage = false;
    }
}
