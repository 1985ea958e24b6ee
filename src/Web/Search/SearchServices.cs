using CchcSite.Content.Data;
using CchcSite.Content.Search;

namespace CchcSite.Web.Search;

public static class SearchServices
{
    public const string RebuildCommand = "--rebuild-search-index";

    /// <summary>The host's part of search: the worker that keeps the index current and the rebuild; the index is Content's.</summary>
    public static IServiceCollection AddSearchWorker(this IServiceCollection services)
    {
        services.AddSingleton<IndexRebuild>();
        services.AddSingleton<SearchReadiness>();
        services.AddSingleton<IndexWakeup>();
        services.AddSingleton<IContentChangeListener>(sp => sp.GetRequiredService<IndexWakeup>());
        services.AddHostedService<SearchIndexWorker>();
        return services;
    }

    /// <summary>
    /// The rebuild command: indexes every published post again and prints progress. The running site holds the
    /// index's write lock, so this runs with the site stopped; the editor area's button (issue 3) will call
    /// <see cref="SearchIndexer.RebuildAsync"/> inside the running site instead.
    /// </summary>
    public static async Task RebuildSearchIndexAsync(this IServiceProvider services, TextWriter output, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CchcDbContext>();
        var indexer = scope.ServiceProvider.GetRequiredService<SearchIndexer>();
        var lastPercent = -1;
        await indexer.RebuildAsync(db, new ImmediateProgress(report =>
        {
            var percent = report.Total == 0 ? 100 : report.Indexed * 100 / report.Total;
            if (percent == lastPercent)
                return;
            lastPercent = percent;
            output.WriteLine($"Đã lập chỉ mục {report.Indexed}/{report.Total} bài viết và câu hỏi ({percent}%).");
        }), ct);
        output.WriteLine("Xong: chỉ mục tìm kiếm đã được xây dựng lại.");
    }
}

/// <summary>Reports on the caller's thread, in order (System.Progress posts to the thread pool and may report late).</summary>
internal sealed class ImmediateProgress(Action<RebuildProgress> report) : IProgress<RebuildProgress>
{
    public void Report(RebuildProgress value) => report(value);
}
