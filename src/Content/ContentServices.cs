using CchcSite.Content.Videos;
using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Content.Bulletins;
using CchcSite.Content.Contests;
using CchcSite.Content.Data;
using CchcSite.Content.DossierResults;
using CchcSite.Content.Feeds;
using CchcSite.Content.Imports;
using CchcSite.Content.Indexes;
using CchcSite.Content.Media;
using CchcSite.Content.Plans;
using CchcSite.Content.Posts;
using CchcSite.Content.Procedures;
using CchcSite.Content.Questions;
using CchcSite.Content.Rendering;
using CchcSite.Content.Reports;
using CchcSite.Content.Search;
using CchcSite.Content.Seeding;
using CchcSite.Content.Site;
using CchcSite.Content.Subscriptions;
using CchcSite.Content.Surveys;
using CchcSite.Content.Units;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content;

/// <summary>
/// Every service of the content core, registered once, as the web host and the tests use them. Settings come from the
/// <see cref="Microsoft.Extensions.Configuration.IConfiguration"/> in the container (<see cref="ContentSettings"/>);
/// the clock is the container's <see cref="TimeProvider"/> (<see cref="TimeProvider.System"/> unless one is registered).
/// </summary>
public static class ContentServices
{
    /// <param name="database">The database provider and connection, e.g. <c>ContentDatabase.FromConfiguration(…)</c>.</param>
    public static IServiceCollection AddCchcContent(this IServiceCollection services, ContentDatabase database) => services
        .AddContentData(database)
        .AddSite()
        .AddRendering()
        .AddAudit()
        .AddAccounts()
        .AddUnits()
        .AddPosts()
        .AddMedia()
        .AddVideos()
        .AddImports()
        .AddPlans()
        .AddIndexes()
        .AddProcedures()
        .AddDossierResults()
        .AddReports()
        .AddQuestions()
        .AddSubscriptions()
        .AddBulletins()
        .AddContests()
        .AddSurveys()
        .AddSearch()
        .AddPublicAddresses()
        .AddSeeding();
}
