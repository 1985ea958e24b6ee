using CchcSite.Content.Accounts;
using CchcSite.Content.Categories;
using CchcSite.Content.Media;
using CchcSite.Content.Posts;
using CchcSite.Content.Search;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CchcSite.Content.Data;

/// <summary>
/// The one model of the site, accounts included, so that content and who changed it commit together. Each database
/// provider has a thin context of its own (<see cref="SqliteContentContext"/>, <see cref="PostgresContentContext"/>) only
/// so that each has its own migrations, generated from this one model.
/// </summary>
public abstract class CchcDbContext(DbContextOptions options) : IdentityUserContext<EditorUser>(options), IDataProtectionKeyContext
{
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<MediaAsset> MediaAssets => Set<MediaAsset>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<DocumentRelation> DocumentRelations => Set<DocumentRelation>();
    public DbSet<UnitMembership> UnitMemberships => Set<UnitMembership>();
    public DbSet<Oversight.UnitOversight> UnitOversights => Set<Oversight.UnitOversight>();
    public DbSet<Reports.SubmittedReport> SubmittedReports => Set<Reports.SubmittedReport>();
    public DbSet<Reports.ReportReminder> ReportReminders => Set<Reports.ReportReminder>();
    public DbSet<Proposals.PostProposal> PostProposals => Set<Proposals.PostProposal>();
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();
    public DbSet<SearchOutboxEntry> SearchOutbox => Set<SearchOutboxEntry>();
    public DbSet<Questions.Submission> Submissions => Set<Questions.Submission>();
    public DbSet<Questions.HelpfulVote> HelpfulVotes => Set<Questions.HelpfulVote>();
    public DbSet<Plans.Plan> Plans => Set<Plans.Plan>();
    public DbSet<Plans.PlanItem> PlanItems => Set<Plans.PlanItem>();
    public DbSet<SearchState> SearchState => Set<SearchState>();
    public DbSet<SearchSynonym> SearchSynonyms => Set<SearchSynonym>();
    public DbSet<Indexes.IndexDefinition> IndexDefinitions => Set<Indexes.IndexDefinition>();
    public DbSet<Indexes.IndexResult> IndexResults => Set<Indexes.IndexResult>();
    public DbSet<Subscriptions.Subscription> Subscriptions => Set<Subscriptions.Subscription>();
    public DbSet<Subscriptions.SubscriptionAlert> SubscriptionAlerts => Set<Subscriptions.SubscriptionAlert>();
    public DbSet<Subscriptions.SubscriptionDelivery> SubscriptionDeliveries => Set<Subscriptions.SubscriptionDelivery>();
    public DbSet<Bulletins.BulletinIssue> BulletinIssues => Set<Bulletins.BulletinIssue>();
    public DbSet<Bulletins.BulletinEntry> BulletinEntries => Set<Bulletins.BulletinEntry>();
    public DbSet<Procedures.Procedure> Procedures => Set<Procedures.Procedure>();
    public DbSet<Procedures.ProcedureTerm> ProcedureTerms => Set<Procedures.ProcedureTerm>();
    public DbSet<Procedures.ProcedureRevision> ProcedureRevisions => Set<Procedures.ProcedureRevision>();
    public DbSet<DossierResults.DossierResult> DossierResults => Set<DossierResults.DossierResult>();
    public DbSet<Contests.Contest> Contests => Set<Contests.Contest>();
    public DbSet<Contests.ContestRound> ContestRounds => Set<Contests.ContestRound>();
    public DbSet<Contests.ContestQuestion> ContestQuestions => Set<Contests.ContestQuestion>();
    public DbSet<Contests.ContestOption> ContestOptions => Set<Contests.ContestOption>();
    public DbSet<Contests.ContestAttempt> ContestAttempts => Set<Contests.ContestAttempt>();
    public DbSet<Contests.ContestEntryKey> ContestEntryKeys => Set<Contests.ContestEntryKey>();
    public DbSet<Surveys.Survey> Surveys => Set<Surveys.Survey>();
    public DbSet<Surveys.SurveySection> SurveySections => Set<Surveys.SurveySection>();
    public DbSet<Surveys.SurveyQuestion> SurveyQuestions => Set<Surveys.SurveyQuestion>();
    public DbSet<Surveys.SurveyOption> SurveyOptions => Set<Surveys.SurveyOption>();
    public DbSet<Surveys.SurveyResponse> SurveyResponses => Set<Surveys.SurveyResponse>();
    public DbSet<Surveys.SurveyAnswer> SurveyAnswers => Set<Surveys.SurveyAnswer>();
    public DbSet<Seeding.PendingSeedStage> PendingSeedStages => Set<Seeding.PendingSeedStage>();
    /// <summary>ASP.NET Core's Data Protection keys: every node signs and reads cookies and antiforgery tokens with the same keys.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Every context — site, tools, tests — must carry the <see cref="ContentChangeTracker"/>: without it a save would
    /// skip the search outbox and leave stale pages, silently. So a context without it does not start.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<ContentChangeTracker>().Any() != true)
            throw new InvalidOperationException(
                $"{nameof(CchcDbContext)} needs the {nameof(ContentChangeTracker)} interceptor: add it with options.AddInterceptors(...).");
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CchcDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; reading one back must not turn it into Unspecified.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
