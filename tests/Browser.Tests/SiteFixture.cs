using System.Collections.Concurrent;
using CchcSite.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using netDumbster.smtp;

namespace CchcSite.Browser.Tests;

/// <summary>All browser tests share one seeded site on a real Kestrel port and one chromium.</summary>
[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "Site in a browser";
}

/// <summary>
/// Starts the real site (seeded from seed/) on Kestrel at a free loopback port, a real SMTP server in the test process
/// (netDumbster) that the site sends its mail to, and one headless chromium. Each test opens its own browser context, so
/// cookies, cache and viewport never leak between tests.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    /// <summary>The unit whose section has every kind of post in the seed; the citizen flow starts from it.</summary>
    public const string UnitSlug = SeedFacts.Units.SoGddtSocTrang;

    private readonly SimpleSmtpServer _smtp;
    private readonly MailingSite _site;
    private readonly List<MimeMessage> _mail = [];

    public SiteFixture()
    {
        _smtp = SimpleSmtpServer.Start();
        _smtp.MessageReceived += (_, e) =>
        {
            var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(e.Message.Data)));
            lock (_mail)
                _mail.Add(message);
        };
        _site = new MailingSite(_smtp.Configuration.Port);
    }

    /// <summary>The site with its mail going to the test's SMTP server, and its sender looking for work every second.</summary>
    private sealed class MailingSite(int smtpPort) : SiteFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = smtpPort.ToString(), ["Smtp:From"] = "cchc@example.gov.vn",
            ["Subscriptions:PollSeconds"] = "1", ["Subscriptions:RequestsPerHour"] = "100000",
            // Every flow signs in from the same loopback address, more than ten times a minute when the flows are quick;
            // the login limit itself is tested over HTTP (LoginRateLimitTests).
            ["Editor:LoginAttemptsPerMinute"] = "1000",
        };
    }

    /// <summary>
    /// The first message to <paramref name="to"/> whose subject contains <paramref name="subject"/>, waiting for it as a
    /// person waits for a mail (the sender runs in the background); fails with what did arrive when none comes in time.
    /// </summary>
    public async Task<MimeMessage> MailAsync(string to, string subject)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            lock (_mail)
                if (_mail.FirstOrDefault(m => m.To.Mailboxes.Any(b => b.Address == to) && m.Subject?.Contains(subject) == true) is { } found)
                    return found;
            if (DateTime.UtcNow > deadline)
                lock (_mail)
                    throw new Xunit.Sdk.XunitException($"No mail \"{subject}\" to {to}; received: {string.Join("; ", _mail.Select(m => $"{m.To} {m.Subject}"))}");
            await Task.Delay(250);
        }
    }
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _samples = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The server's origin, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string Origin { get; private set; } = "";

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        // Fail before anything slow when the browser is missing: the message says what to do.
        var chromium = Chromium.FindOnPath();

        _site.UseKestrel(0);
        _site.StartServer();
        var addresses = _site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Kestrel has no http address: {string.Join(", ", addresses)}");
        // Kestrel may report the wildcard it bound; the browser needs a host it can connect to.
        Origin = new UriBuilder(address) { Host = "127.0.0.1" }.Uri.GetLeftPart(UriPartial.Authority);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = Chromium.Args,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.CloseAsync();
        _playwright?.Dispose();
        await _site.DisposeAsync();
        _smtp.Dispose();
    }

    public string Url(string path) => Origin + path;

    /// <summary>
    /// Saves what the page looks like as a test artefact (tests/Browser.Tests/TestResults/screenshots/<name>.png), so a
    /// reviewer can look at each screen without running the site.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtefactFolder(), name + ".png"), FullPage = true });

    /// <summary>Saves a file the test produced (e.g. a printed PDF) beside the screenshots, for a reviewer to open.</summary>
    public static void SaveArtefact(string name, byte[] content) => File.WriteAllBytes(Path.Combine(ArtefactFolder(), name), content);

    private static string ArtefactFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CchcSite.Browser.Tests.csproj")))
            dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public const string Password = "MatKhau2026Manh";

    /// <summary>An editor-area account for a browser flow, with one role in each named unit.</summary>
    public Task<string> AddUserAsync(string email, params (string UnitSlug, Content.Accounts.UnitRole Role)[] roles) =>
        _site.AddUserAsync(email, Password, roles);

    /// <summary>Runs a query or change on the site's own database, e.g. to set up what a flow starts from.</summary>
    public Task<T> WithDbAsync<T>(Func<Content.Data.CchcDbContext, Task<T>> action) => _site.WithDbAsync(action);

    /// <summary>A fresh browser signed in to the editor area through its sign-in form.</summary>
    public async Task<IPage> SignInAsync(string email, int width = 1280, int height = 800, string locale = "vi-VN")
    {
        var page = await NewPageAsync(width, height, locale: locale);
        await page.GotoAsync("/quan-tri");
        await page.GetByLabel("Thư điện tử").FillAsync(email);
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        // Everyone lands on "Việc của tôi", except a hotline officer, whose home is the inbox of questions.
        var home = new System.Text.RegularExpressions.Regex("/quan-tri(/hoi-dap)?$");
        try
        {
            // Arriving is what is waited for, not every image of the page loaded: under load that alone can outlast the timeout.
            await page.WaitForURLAsync(home, new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        }
        catch (TimeoutException) when (home.IsMatch(page.Url))
        {
            // Arrived, but on a loaded machine the page's DOMContentLoaded came after the timeout (a CI run with a test build
            // beside it): wait for it once more rather than fail a sign-in that worked.
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        }
        catch (TimeoutException)
        {
            // Say what the site answered instead (a refusal, a validation message), not only that time ran out.
            throw new Xunit.Sdk.XunitException($"{email} did not reach the editor area; the page at {page.Url} says: {await page.InnerTextAsync("body")}");
        }
        return page;
    }

    /// <summary>A fresh context and page; viewport defaults to a desktop screen, language to Vietnamese.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800, bool bypassCsp = false, string locale = "vi-VN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Origin,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BypassCSP = bypassCsp,
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// The address of a page of the given kind, found the way a visitor finds it (the first post listed
    /// in the unit's tab), so the tests do not depend on post slugs in the seed.
    /// </summary>
    public Task<string> PathOfAsync(SamplePage sample) => sample switch
    {
        SamplePage.Home => Task.FromResult("/"),
        SamplePage.Unit => Task.FromResult("/" + UnitSlug),
        SamplePage.Article => FirstPostInTabAsync("tin-tuc"),
        SamplePage.Document => FirstPostInTabAsync("van-ban"),
        SamplePage.Video => FirstPostInTabAsync("video"),
        _ => throw new ArgumentOutOfRangeException(nameof(sample), sample, null),
    };

    private Task<string> FirstPostInTabAsync(string segment) =>
        _samples.GetOrAdd(segment, s => new Lazy<Task<string>>(() => FindFirstPostAsync(s))).Value;

    private async Task<string> FindFirstPostAsync(string segment)
    {
        var page = await NewPageAsync();
        try
        {
            var tab = $"/{UnitSlug}/{segment}";
            var response = await page.GotoAsync(tab);
            Assert.True(response is { Ok: true }, $"{tab} answered {response?.Status}.");
            // The "Văn bản" tab is a register (a table); the other tabs list cards.
            var link = page.Locator(segment == "van-ban" ? "main .register-table__abstract a" : "main .card__title a").First;
            Assert.True(await link.CountAsync() > 0, $"{tab} lists no post; the seed should give {UnitSlug} at least one.");
            return await link.GetAttributeAsync("href") ?? throw new InvalidOperationException($"The first post link on {tab} has no href.");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}

/// <summary>The kinds of page the layout, request and accessibility checks visit.</summary>
public enum SamplePage
{
    Home,
    Unit,
    Article,
    Document,
    Video,
}
