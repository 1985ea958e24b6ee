using System.Net;
using System.Text.RegularExpressions;
using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Content.Posts;
using CchcSite.Content.Subscriptions;
using CchcSite.Web.Subscriptions;
using CchcSite.Web.Tests.Editor;
using CchcSite.Web.Tests.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;

namespace CchcSite.Web.Tests.Subscriptions;

/// <summary>
/// A seeded site that sends its mail to a real SMTP server running in the test process (netDumbster). The background
/// sender polls once an hour, so each test drives the rounds itself (<see cref="SendRoundAsync"/>) and sees them whole.
/// </summary>
public partial class SubscriptionSite : EditorSite
{
    public const string Unit = SeedFacts.Units.PhongGddtNgaNam;

    public SimpleSmtpServer Smtp { get; private set; }

    /// <summary>In the order of arrival (the server's own list is not ordered).</summary>
    private readonly List<MimeMessage> _received = [];

    public SubscriptionSite()
    {
        Smtp = SimpleSmtpServer.Start();
        SmtpPort = Smtp.Configuration.Port;
        Listen(Smtp);
    }

    /// <summary>Starts the server again on the same port after a test stopped it.</summary>
    public void RestartSmtp()
    {
        Smtp.Dispose();
        Smtp = SimpleSmtpServer.Start(SmtpPort);
        Listen(Smtp);
    }

    private void Listen(SimpleSmtpServer server) => server.MessageReceived += (_, e) =>
    {
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(e.Message.Data)));
        lock (_received)
            _received.Add(message);
    };

    public int SmtpPort { get; }

    protected virtual int RequestsPerHour => 100_000;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Smtp:Host"] = "127.0.0.1";
            settings["Smtp:Port"] = SmtpPort.ToString();
            settings["Smtp:From"] = "cchc@example.gov.vn";
            settings["Subscriptions:SendInBackground"] = "false";
            settings["Subscriptions:RequestsPerHour"] = RequestsPerHour.ToString();
            settings["Subscriptions:MessagesPerSecond"] = "10000";
            settings["Subscriptions:RetrySeconds"] = "60";
            return settings;
        }
    }

    /// <summary>Every message the server has received, parsed by MimeKit.</summary>
    public IReadOnlyList<MimeMessage> Received()
    {
        lock (_received)
            return [.. _received];
    }

    public IReadOnlyList<MimeMessage> ReceivedBy(string address) =>
        [.. Received().Where(m => m.To.Mailboxes.Any(b => b.Address.Equals(address, StringComparison.OrdinalIgnoreCase)))];

    public async Task<int> SendRoundAsync()
    {
        var sender = Services.GetRequiredService<SubscriptionSender>();
        var total = 0;
        int sent;
        while ((sent = await sender.RunOnceAsync(CancellationToken.None)) > 0)
            total += sent;
        return total;
    }

    /// <summary>Posts the subscribe form as a browser does: with the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> SubscribeAsync(string email, string path = "/dang-ky-nhan-tin", IDictionary<string, string>? more = null)
    {
        var browser = NewBrowser();
        var page = await browser.GetStringAsync(path);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", AntiforgeryToken(page)), new("Email", email),
        };
        // A form field sent twice binds its first value: the default goes only when the test names no frequency.
        if (more?.ContainsKey("Frequency") != true)
            fields.Add(new("Frequency", "Immediately"));
        if (more is not null)
            fields.AddRange(more);
        return await browser.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>Subscribes and follows the link in the confirmation message, as the person would.</summary>
    public async Task ConfirmedAsync(string email, string path = "/dang-ky-nhan-tin", IDictionary<string, string>? more = null)
    {
        Assert.Equal(HttpStatusCode.OK, (await SubscribeAsync(email, path, more)).StatusCode);
        var confirm = LinkIn(ReceivedBy(email).Last(), "/dang-ky-nhan-tin/xac-nhan");
        var page = await NewBrowser().GetAsync(PathOf(confirm));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    public static string LinkIn(MimeMessage message, string path) =>
        Regex.Match(message.TextBody ?? "", $@"https?://[^\s]+{Regex.Escape(path)}\?t=[^\s]+") is { Success: true } match
            ? match.Value : throw new InvalidOperationException($"No {path} link in: {message.TextBody}");

    /// <summary>The path and query of an absolute link to the site (the test client's origin is http://localhost).</summary>
    public static string PathOf(string url) => new Uri(url).PathAndQuery;

    /// <summary>Creates a post in the unit and publishes it the way an approver does (the workflow's own services).</summary>
    public async Task<int> PublishAsync(string title, string unit = Unit, PostKind kind = PostKind.Article, int? categoryId = null,
        DateTime? publishAt = null, bool publish = true)
    {
        await using var scope = Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<Content.Data.CchcDbContext>();
        var editing = services.GetRequiredService<PostEditing>();
        var unitId = await db.Units.Where(u => u.Slug == unit).Select(u => u.Id).SingleAsync();
        var writer = new UserGrants("bien-tap-vien", true, false, [(unitId, UnitRole.Editor)]);
        var approver = new UserGrants("lanh-dao", true, false, [(unitId, UnitRole.Approver)]);
        var draft = new PostDraft(title, null, $"Tóm tắt: {title}", $"Nội dung của bài {title}.", categoryId, Audience.All, [], publishAt, null,
            kind == PostKind.Document ? new DocumentInfo { Number = "12/KH-UBND", Type = DocumentType.Plan } : null, null);
        var created = await editing.CreateAsync(unitId, kind, draft, new Actor(writer.UserId, "Biên tập viên", null), CancellationToken.None);
        var post = Assert.IsType<Content.Outcomes.Outcome<Post>.Ok>(created).Value;
        post = (await editing.FindAsync(post.Id, CancellationToken.None))!;
        Assert.True((await editing.StepAsync(post, post.Version, WorkflowStep.Submit, writer, new Actor(writer.UserId, null, null), null, CancellationToken.None)).IsOk);
        if (publish)
        {
            post = (await editing.FindAsync(post.Id, CancellationToken.None))!;
            var outcome = await editing.StepAsync(post, post.Version, WorkflowStep.Publish, approver, new Actor(approver.UserId, null, null), null, CancellationToken.None);
            Assert.True(outcome.IsOk, outcome.Problem);
        }
        return post.Id;
    }

    public Task<int> CategoryIdAsync(string slug) => WithDbAsync(db => db.Categories.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());

    public Task<int> UnitIdAsync(string slug) => WithDbAsync(db => db.Units.Where(u => u.Slug == slug).Select(u => u.Id).SingleAsync());

    /// <summary>Makes waiting deliveries due now (a digest's hour, a retry's backoff), as time passing would.</summary>
    public Task MakeDueAsync() => WithDbAsync(db => db.SubscriptionDeliveries.Where(d => d.Status == DeliveryStatus.Pending)
        .ExecuteUpdateAsync(d => d.SetProperty(x => x.DueAt, DateTime.UtcNow.AddMinutes(-1)).SetProperty(x => x.NextAttemptAt, DateTime.UtcNow.AddMinutes(-1))));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            Smtp.Dispose();
    }
}
