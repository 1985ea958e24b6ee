using System.Text.Encodings.Web;
using CchcSite.Content.Documents;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using CchcSite.Content;
using CchcSite.Content.Data;
using CchcSite.Content.Site;
using CchcSite.Web.Api;
using CchcSite.Web.Backups;
using CchcSite.Web.Contests;
using CchcSite.Web.Surveys;
using CchcSite.Web.Editor;
using CchcSite.Web.Feeds;
using CchcSite.Web.Hosting;
using CchcSite.Web.Hosting.Nodes;
using CchcSite.Web.Procedures;
using CchcSite.Web.Questions;
using CchcSite.Web.Reports;
using CchcSite.Web.Search;
using CchcSite.Web.Site;
using CchcSite.Web.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

var builder = WebApplication.CreateBuilder(args);
// Theme CSS and scripts come from the theme's Razor class library; served as built in every environment.
builder.UseThemeStaticAssets();

// The server's name and version tell an attacker which advisories to try; nothing else needs them.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

// The content core, with its settings, on the configured database (Database:Provider, ConnectionStrings:Cchc); they
// configure the container itself, so they are read here. Every other setting is an IOptions<T> checked when the site starts.
builder.Services.AddCchcContent(ContentDatabase.FromConfiguration(builder.Configuration,
    sqlite => ContentRoot.Sqlite(sqlite, builder.Environment)));
builder.Services.AddContentRootPaths(builder.Environment);

// The host's parts.
builder.Services.AddTransportSecurity();
builder.Services.AddForwardedProxies();
builder.Services.AddDatabaseReadiness();
builder.Services.AddBackgroundStart();
builder.Services.AddIdleTrim();
builder.Services.AddSearchWorker();
builder.Services.AddBackups();
builder.Services.AddNodes();
builder.Services.AddSubmissionIntake(builder.Configuration);
builder.Services.AddSubscriptionMail();
builder.Services.AddReportMail();
builder.Services.AddContestLimit();
builder.Services.AddSurveyPages();
builder.Services.AddRouting(options => options.ConstraintMap[UnitSlugConstraint.Name] = typeof(UnitSlugConstraint));
// Forms are validated by the content rules, in Vietnamese; MVC's implicit English "required" would come first.
builder.Services.AddControllersWithViews(options =>
    {
        options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        options.UseVietnameseBinding();
        options.Filters.Add(new MergedUnitRedirect());
    })
    // The theme decides which compiled views MVC gets, before the container exists: the one Site setting read here.
    .UseConfiguredTheme(builder.Configuration.GetSection(SiteOptions.Section).Get<SiteOptions>()?.Theme ?? new SiteOptions().Theme);
// Vietnamese letters go out as themselves, not as numeric entities; markup characters are still encoded.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
    options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddVietnameseProblemDetails();
builder.Services.AddBadRequestStatuses();
builder.Services.AddPublicCaching();
builder.Services.AddCompression();
builder.Services.AddFeeds();
builder.Services.AddDocumentRegister();
builder.Services.AddEditorAccounts();
builder.Services.AddEditorRateLimits();
builder.Services.AddScheduledPublishing();
builder.Services.AddSingleton<CchcSite.Web.Videos.VideoQueueWakeup>();
builder.Services.AddHostedService<CchcSite.Web.Videos.VideoTranscodingJob>();
builder.Services.AddHostedService<StoredBodyRefresh>();
builder.Services.AddLaterSeeding();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
// The document's server is the public address, not the Host of whoever asked for the document.
builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, context, _) =>
{
    document.Servers = [new OpenApiServer { Url = context.ApplicationServices.GetRequiredService<PublicUrls>().Origin }];
    return Task.CompletedTask;
}));

var app = builder.Build();

// A bad setting stops here, with its name, before the database is migrated (the host would check again on start).
app.Services.GetRequiredService<IStartupValidator>().Validate();

// Before the database is migrated or seeded: a backup copies it as it is, a restore needs it empty.
if (await app.Services.RunBackupCommandAsync(args, Console.Out, Console.Error) is { } exitCode)
{
    Environment.ExitCode = exitCode;
    return;
}
// The database is set up (connected, migrated when behind, seeded when empty) beside the rest of the start: the pipeline,
// the routes, Kestrel and the hosted services' starts need none of it, and on two cores each side's JIT gets a core of its
// own. Requests wait for it in the first middleware, the background jobs behind BackgroundStart.
var databaseSetup = app.Services.GetRequiredService<DatabaseReadiness>().Start(() => app.Services.MigrateAndSeedAsync(app.Configuration));
if (args.Contains("--migrate-only"))
{
    await databaseSetup;
    return;
}
if (args.Contains(SearchServices.RebuildCommand))
{
    await databaseSetup;
    await app.Services.RebuildSearchIndexAsync(Console.Out);
    return;
}

// The home page's queries compiled once the database is set up, on the core the setup then leaves idle while the host
// finishes its start (HomePageWarmUp).
app.Services.WarmHomePageAfter(databaseSetup);

// Outermost: no request goes on before the database is set up.
app.UseDatabaseReadiness();
// The first answer lets the background jobs begin (they wait, so that the first page has the cores).
app.UseBackgroundStart();
app.UseIdleTrim();
// First, so that every later step (rate limits, audit, HSTS, cookies) sees the client's address and scheme.
app.UseForwardedHeaders();
// Before everything that routes, caches or answers: a HEAD is that GET without its body.
app.UseHeadAsGet();
app.UseExceptionHandler();
app.UseSecurityHeaders();
app.UseTransportSecurity();
// Pages get the theme's Vietnamese error page; the API gets ProblemDetails.
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"),
    pages => pages.UseStatusCodePagesWithReExecute("/loi/{0}"));
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"),
    api => api.UseStatusCodePages());
// Routing after the status-code pages, so that a re-executed error page is routed afresh.
app.UseRouting();
app.UseAnnouncedBodyLimit();
app.UseUtf8Json();
app.UseAuthentication();
app.UseAuthorization();
app.UseAddressLimits();
app.UsePrivateAnswers();
app.UsePublicCaching();

app.MapStaticAssets();
app.MapOpenApi();
app.MapNodeHealth();
app.MapGroup("/api/v1").CachePublicAnswers().MapUnitsApi().MapCategoriesApi().MapPostsApi().MapQuestionsApi().MapPlansApi().MapIndexesApi().MapProceduresApi()
    .MapDossierStatisticsApi()
    .MapDocumentsApi();
app.MapGroup("/api/v1").MapSubmissionsApi();
app.MapGroup("/api/v1").MapContestsApi();
app.MapGroup("/api/v1").MapSurveysApi();
// Not output-cached: the index follows a commit by a second or so, and a cache filled in between would hold stale hits.
app.MapGroup("/api/v1").MapSearchApi();
// Not output-cached either: a report's figures change when a month ends, not only when content changes.
app.MapGroup("/api/v1").MapReportsApi();
app.MapFeeds();
app.MapWebAppManifest();
app.MapProcedureFeeds();
// With the static asset manifest, asp-append-version gives the fingerprinted (immutable) address of a file.
app.MapControllers().WithStaticAssets();

await app.StartAsync();
// A failed setup ends the process with its exception, as it did when the host started only after it.
await databaseSetup;
await app.WaitForShutdownAsync();
await app.DisposeAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
