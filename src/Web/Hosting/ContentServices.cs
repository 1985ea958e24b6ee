using CchcSite.Content.Data;
using CchcSite.Content.Media;
using CchcSite.Content.Posts;
using CchcSite.Content.Rendering;
using CchcSite.Content.Seeding;
using CchcSite.Content.Site;
using CchcSite.Content.Units;
using CchcSite.Web.Questions;
using CchcSite.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CchcSite.Web.Hosting;

public static class ContentServices
{
    public static IServiceCollection AddCchcContent(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var connectionString = configuration.GetConnectionString("Cchc")
            ?? throw new InvalidOperationException("ConnectionStrings:Cchc is not set.");
        // One tracker for every context: it writes the search outbox and tells the IContentChangeListeners after each commit.
        services.AddSingleton<ContentChangeTracker>();
        services.AddDbContext<CchcDbContext>((sp, options) => options
            .UseSqlite(SqliteInContentRoot(connectionString, environment))
            .AddInterceptors(sp.GetRequiredService<ContentChangeTracker>()));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton(sp =>
        {
            var site = sp.GetRequiredService<IOptions<SiteOptions>>().Value;
            return new MediaStore(Path.Combine(environment.ContentRootPath, site.MediaPath), sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(configuration.GetSection(MediaLimits.Section).Get<MediaLimits>() ?? new MediaLimits());
        services.AddScoped<MediaLibrary>();
        services.AddSingleton(sp => new SiteIdentity(sp.GetRequiredService<IOptions<SiteOptions>>().Value.Name));
        services.AddScoped<UnitDirectory>();
        services.AddScoped<UnitAdministration>();
        services.AddScoped<PublishedPosts>();
        services.AddScoped<EditorPosts>();
        services.AddScoped<PostEditing>();
        services.AddScoped<Content.Audit.AuditLog>();
        services.AddScoped<Content.Accounts.AccountAdministration>();
        services.AddScoped<ScheduledPublishing>();
        services.AddScoped<SitePageBuilder>();
        services.AddScoped<SeedImporter>();
        services.AddScoped<Content.Plans.PlanCompliance>();
        services.AddScoped<Content.Plans.PlanEditing>();
        services.AddScoped<Content.Reports.PeriodicReports>();
        // The report's sections, in the order the report shows them; a new section is one more line here.
        services.AddScoped<Content.Reports.IReportSection, Content.Reports.PostsByKindSection>();
        services.AddScoped<Content.Reports.IReportSection, Content.Reports.PostsByCategorySection>();
        services.AddScoped<Content.Reports.IReportSection, Content.Reports.PlanItemsSection>();
        services.AddScoped<Content.Reports.IReportSection, Content.Reports.MonthlyQuotaSection>();
        services.AddScoped<Content.Reports.IReportSection, Content.Reports.SubmissionsSection>();
        services.AddCchcSearch(configuration, environment);
        services.AddCchcQuestions(configuration);
        return services;
    }

    /// <summary>A relative SQLite file path is taken from the content root, and its folder is created.</summary>
    private static string SqliteInContentRoot(string connectionString, IHostEnvironment environment)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            builder.DataSource = Path.Combine(environment.ContentRootPath, source);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        return builder.ToString();
    }
}
