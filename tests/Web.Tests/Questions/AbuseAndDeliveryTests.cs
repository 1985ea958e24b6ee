using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using CchcSite.Content.Questions;
using CchcSite.Web.Mail;
using CchcSite.Web.Questions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Web.Tests.Questions;

/// <summary>A site that accepts two submissions per address per hour, forms and API together.</summary>
public sealed class LimitedQuestionSite : QuestionSite
{
    protected override int SubmissionsPerHour => 2;
}

/// <summary>Records every receipt it is asked to send, and fails on demand, as a mail server that is down would.</summary>
public sealed class RecordingSender : IMailSender
{
    public ConcurrentQueue<OutgoingMail> Sent { get; } = new();
    public bool Fail { get; set; }

    public Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        if (Fail)
            throw new IOException("Máy chủ thư không trả lời.");
        Sent.Enqueue(mail);
        return Task.CompletedTask;
    }
}

public sealed class MailQuestionSite : QuestionSite
{
    public RecordingSender Sender { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IMailSender>(Sender));
    }
}

/// <summary>A site with SMTP configured at a loopback port where nothing listens: the real MailKit sender fails.</summary>
public sealed class UnreachableSmtpSite : QuestionSite
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            settings["Smtp:Host"] = "127.0.0.1";
            settings["Smtp:Port"] = port.ToString();
            settings["Smtp:From"] = "khong-tra-loi@cchc.test";
            return settings;
        }
    }
}

public sealed class SubmissionLimitTests(LimitedQuestionSite site) : IClassFixture<LimitedQuestionSite>
{
    [Fact]
    public async Task Past_the_limit_the_form_explains_in_Vietnamese_and_keeps_the_text_and_the_api_answers_429()
    {
        var browser = site.NewBrowser();
        Assert.Equal(HttpStatusCode.OK, (await QuestionSite.PostFormAsync(browser, $"/{QuestionSite.Unit}/gui-cau-hoi", QuestionSite.Question("Lần một"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await QuestionSite.PostApiAsync(site.CreateClient(), QuestionSite.ApiQuestion("Lần hai"))).StatusCode);

        var limited = await QuestionSite.PostFormAsync(browser, $"/{QuestionSite.Unit}/gui-cau-hoi", QuestionSite.Question("Lần ba"));
        var html = await limited.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Bạn đã gửi quá nhiều câu hỏi, phản ánh trong một giờ", html);
        Assert.Contains("value=\"Lần ba\"", html);

        var api = await QuestionSite.PostApiAsync(site.CreateClient(), QuestionSite.ApiQuestion("Lần bốn"), "/api/v1/feedback");
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        Assert.Equal(2, await site.WithDbAsync(db => db.Submissions.CountAsync(s => s.Title.StartsWith("Lần"))));
    }
}

public sealed class ReceiptTests(MailQuestionSite site) : IClassFixture<MailQuestionSite>
{
    [Fact]
    public async Task The_receipt_goes_to_the_citizens_email_after_the_submission_is_stored()
    {
        site.Sender.Fail = false;
        var response = await QuestionSite.PostFormAsync(site.NewBrowser(), $"/{QuestionSite.Unit}/gui-cau-hoi", QuestionSite.Question("Có thư xác nhận"));
        var html = await response.Content.ReadAsStringAsync();
        var code = QuestionSite.CodeOf(html);
        Assert.Contains("đã được gửi đến thư điện tử", html);
        Assert.Contains(site.Sender.Sent, s => s.To == "binh@example.vn" && s.Subject.Contains(code) && s.Body.Contains($"/tra-cuu?ma={code}"));
    }

    [Fact]
    public async Task A_submission_whose_email_fails_is_stored_and_shown_as_received()
    {
        site.Sender.Fail = true;
        var response = await QuestionSite.PostFormAsync(site.NewBrowser(), $"/{QuestionSite.Unit}/gui-cau-hoi", QuestionSite.Question("Thư gửi không được"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var code = QuestionSite.CodeOf(html);
        Assert.DoesNotContain("đã được gửi đến thư điện tử", html);
        Assert.True(await site.WithDbAsync(db => db.Submissions.AnyAsync(s => s.TrackingCode == code && s.Title == "Thư gửi không được")));

        var api = await QuestionSite.PostApiAsync(site.CreateClient(), QuestionSite.ApiQuestion("Thư API không được"));
        Assert.Equal(HttpStatusCode.Created, api.StatusCode);
        Assert.False((await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("emailed").GetBoolean());
    }
}

public sealed class UnreachableSmtpTests(UnreachableSmtpSite site) : IClassFixture<UnreachableSmtpSite>
{
    [Fact]
    public async Task With_the_mail_server_down_MailKit_fails_and_the_submission_is_still_received()
    {
        var response = await QuestionSite.PostFormAsync(site.NewBrowser(), $"/{QuestionSite.Unit}/gui-cau-hoi", QuestionSite.Question("Máy chủ thư tắt"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var code = QuestionSite.CodeOf(await response.Content.ReadAsStringAsync());
        Assert.Equal("Máy chủ thư tắt", await site.WithDbAsync(db => db.Submissions.Where(s => s.TrackingCode == code).Select(s => s.Title).SingleAsync()));
    }
}

public sealed class ConcurrentSubmissionTests
{
    private const int Count = 500;

    [Fact]
    public async Task Five_hundred_questions_sent_at_once_over_loopback_are_each_stored_exactly_once_with_unique_codes()
    {
        using var site = new QuestionSite();
        site.UseKestrel(0);
        site.StartServer();
        var address = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First(a => a.StartsWith("http://"));
        using var client = new HttpClient { BaseAddress = new UriBuilder(address) { Host = "127.0.0.1" }.Uri, Timeout = TimeSpan.FromMinutes(3) };

        var responses = await Task.WhenAll(Enumerable.Range(0, Count).Select(async i =>
        {
            using var response = await QuestionSite.PostApiAsync(client, QuestionSite.ApiQuestion($"Câu hỏi đồng thời số {i:D3}"));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (Title: $"Câu hỏi đồng thời số {i:D3}", Code: (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!);
        }));

        var stored = await site.WithDbAsync(db => db.Submissions.Where(s => s.Title.StartsWith("Câu hỏi đồng thời số"))
            .Select(s => new { s.Title, s.TrackingCode }).ToListAsync());
        Assert.Equal(Count, stored.Count);
        Assert.Equal(Count, stored.Select(s => s.Title).Distinct().Count());
        Assert.Equal(Count, stored.Select(s => s.TrackingCode).Distinct().Count());
        Assert.Equal(responses.OrderBy(r => r.Title).Select(r => (r.Title, r.Code)), stored.OrderBy(s => s.Title).Select(s => (s.Title, s.TrackingCode)));
    }
}
