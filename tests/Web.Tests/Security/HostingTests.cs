using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CchcSite.Content.Site;
using CchcSite.Web.Hosting;
using CchcSite.Web.Tests.Questions;

namespace CchcSite.Web.Tests.Security;

/// <summary>Issue 13, findings 2 (links), 7, 8 (charset), 9 and part of 13, each written as the attack.</summary>
public sealed class HostingTests(PublicAddressSite site) : IClassFixture<PublicAddressSite>
{
    private const string ForeignOrigin = "http://cong-dich-vu-cong.evil.example";
    private const string PhishingTitle = "Hồ sơ của bạn bị từ chối – nộp lại phí tại http://evil.example/nop-phi";

    [Fact]
    public async Task A_foreign_host_header_is_refused_and_never_reaches_a_mail_a_redirect_or_the_openapi_document()
    {
        var attacker = site.From("198.51.100.20", ForeignOrigin);
        var submitted = await QuestionSite.PostApiAsync(attacker, QuestionSite.ApiQuestion(PhishingTitle));
        Assert.Equal(HttpStatusCode.BadRequest, submitted.StatusCode);
        Assert.DoesNotContain(site.Sender.Sent, mail => mail.Body.Contains("evil.example") || mail.Subject.Contains("evil.example"));

        var redirect = await attacker.GetAsync("/quan-tri");
        Assert.DoesNotContain("evil.example", redirect.Headers.Location?.ToString() ?? "");
        var openApi = await attacker.GetAsync("/openapi/v1.json");
        Assert.DoesNotContain("evil.example", await openApi.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Through_another_allowed_host_the_receipt_links_to_the_public_address_and_does_not_quote_the_senders_title()
    {
        // 127.0.0.1 is allowed (health checks on the server itself) but is not the public address.
        var sender = site.From("198.51.100.21", "http://127.0.0.1");
        var response = await QuestionSite.PostApiAsync(sender, new
        {
            unit = QuestionSite.Unit, name = "Kẻ giả mạo", email = "nan-nhan@example.vn", category = QuestionSite.Field,
            title = PhishingTitle, text = "Nội dung bất kỳ.", publishConsent = false,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;

        var mail = Assert.Single(site.Sender.Sent, m => m.To == "nan-nhan@example.vn");
        Assert.Contains($"http://cong.cchc.test/tra-cuu?ma={code}", mail.Body);
        Assert.DoesNotContain("127.0.0.1", mail.Body);
        Assert.DoesNotContain("nộp lại phí", mail.Body + mail.Subject);
        Assert.DoesNotContain("evil.example", mail.Body + mail.Subject);
        Assert.Contains("Phòng Giáo dục và Đào tạo thị xã Ngã Năm", mail.Body);
    }

    [Fact]
    public async Task The_openapi_servers_entry_is_the_public_address_and_a_redirect_stays_on_the_allowed_origin_used()
    {
        var visitor = site.From("198.51.100.22", "http://127.0.0.1");
        var document = await visitor.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var servers = document.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("url").GetString()).ToList();
        Assert.Equal(["http://cong.cchc.test"], servers);

        var redirect = await visitor.GetAsync("/quan-tri");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("http://127.0.0.1/quan-tri/dang-nhap", redirect.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    [InlineData(200)]
    [InlineData(302)]
    [InlineData(600)]
    public async Task The_error_page_never_answers_with_a_status_chosen_in_its_address(int code)
    {
        var response = await site.From("198.51.100.23").GetAsync($"/loi/{code}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_error_page_keeps_real_error_statuses_and_ignores_a_posted_code()
    {
        var visitor = site.From("198.51.100.24");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await visitor.GetAsync("/loi/429")).StatusCode);
        var posted = await visitor.PostAsync("/loi/500", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "101" }));
        Assert.Equal(HttpStatusCode.InternalServerError, posted.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/questions", "application/json; charset=nope")]
    [InlineData("/api/v1/feedback", "application/json; charset=utf-16")]
    public async Task A_json_body_in_another_charset_gets_a_vietnamese_problem_not_a_500(string path, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"title\":\"Câu hỏi\"}"));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var response = await site.From("198.51.100.25").PostAsync(path, content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(415, problem.GetProperty("status").GetInt32());
        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString());
        Assert.Equal("Kiểu nội dung không được hỗ trợ", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Guessing_tracking_codes_is_refused_after_thirty_a_minute_on_the_api_and_the_page_alike()
    {
        var guesser = site.From("198.51.100.26");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
            statuses.Add((await guesser.GetAsync($"/api/v1/submissions/ZZZZZZ{i:D4}")).StatusCode);
        Assert.All(statuses.Take(30), s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.All(statuses.Skip(30), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));

        var refused = await guesser.GetAsync("/api/v1/submissions/ZZZZZZ9999");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await guesser.GetAsync("/tra-cuu?ma=ZZZZZZ9999")).StatusCode);
        // Another citizen is not held back by the guesser.
        Assert.Equal(HttpStatusCode.NotFound, (await site.From("198.51.100.27").GetAsync("/tra-cuu?ma=ZZZZZZ9999")).StatusCode);
    }

    [Fact]
    public async Task A_forwarded_for_header_from_a_client_that_is_not_a_configured_proxy_does_not_open_a_new_bucket()
    {
        var attacker = site.From("198.51.100.28");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 31; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/submissions/YYYYYY{i:D4}");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            statuses.Add((await attacker.SendAsync(request)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Two_citizens_behind_the_configured_proxy_are_counted_apart()
    {
        var proxy = site.From(PublicAddressSite.Proxy);
        async Task<HttpStatusCode> TrackAsync(string client)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/submissions/XXXXXX0000");
            request.Headers.Add("X-Forwarded-For", client);
            return (await proxy.SendAsync(request)).StatusCode;
        }
        for (var i = 0; i < 30; i++)
            Assert.Equal(HttpStatusCode.NotFound, await TrackAsync("192.0.2.10"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await TrackAsync("192.0.2.10"));
        Assert.Equal(HttpStatusCode.NotFound, await TrackAsync("192.0.2.11"));
    }

    [Fact]
    public async Task Addresses_of_one_ipv6_64_share_the_submission_and_sign_in_limits()
    {
        // The site allows two submissions an hour per client: a third from the same /64 is refused.
        var answers = new List<HttpStatusCode>();
        for (var i = 1; i <= 3; i++)
            answers.Add((await QuestionSite.PostApiAsync(site.From($"2001:db8:cc:1::{i:x}"), QuestionSite.ApiQuestion($"IPv6 {i}"))).StatusCode);
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.Created, (await QuestionSite.PostApiAsync(site.From("2001:db8:cc:2::1"), QuestionSite.ApiQuestion("IPv6 khác"))).StatusCode);

        // Ten sign-in attempts a minute per client, each from a new address of one /64.
        var logins = new List<HttpStatusCode>();
        for (var i = 1; i <= 11; i++)
            logins.Add((await site.From($"2001:db8:dd:1::{i:x}").PostAsync("/quan-tri/dang-nhap", new FormUrlEncodedContent([]))).StatusCode);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, logins.Take(10));
        Assert.Equal(HttpStatusCode.TooManyRequests, logins[^1]);
    }

    [Fact]
    public async Task Every_response_forbids_framing_by_other_sites()
    {
        var home = await site.From("198.51.100.29").GetAsync("/");
        Assert.Equal(["SAMEORIGIN"], home.Headers.GetValues("X-Frame-Options"));
    }

    [Fact]
    public async Task Files_of_public_posts_are_cached_for_minutes_and_revalidated_not_kept_for_a_day()
    {
        var visitor = site.From("198.51.100.30");
        var html = await visitor.GetStringAsync("/");
        var file = Regex.Match(html, "/tep/\\d+/[^\" ,]+").Value;
        Assert.NotEmpty(file);
        var response = await visitor.GetAsync(file);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cache = response.Headers.CacheControl!;
        Assert.True(cache.Public);
        Assert.Equal(TimeSpan.FromMinutes(5), cache.MaxAge);
        Assert.True(cache.MustRevalidate);
    }
}

public sealed class HttpsHostingTests(HttpsPublicAddressSite site) : IClassFixture<HttpsPublicAddressSite>
{
    [Fact]
    public async Task With_tls_ended_at_the_configured_proxy_the_site_sends_hsts()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await site.From(PublicAddressSite.Proxy, "http://cchc.example.gov.vn").SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task A_client_claiming_https_itself_is_not_believed()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await site.From("198.51.100.40", "http://cchc.example.gov.vn").SendAsync(request);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Behind_the_proxy_that_ends_tls_the_sign_in_and_antiforgery_cookies_are_secure()
    {
        var proxy = site.From(PublicAddressSite.Proxy, "http://cchc.example.gov.vn");
        HttpRequestMessage ViaProxy(HttpMethod method, string path, string? cookie = null)
        {
            var request = new HttpRequestMessage(method, path);
            request.Headers.Add("X-Forwarded-For", "192.0.2.50");
            request.Headers.Add("X-Forwarded-Proto", "https");
            if (cookie is not null)
                request.Headers.Add("Cookie", cookie);
            return request;
        }

        var form = await proxy.SendAsync(ViaProxy(HttpMethod.Get, "/quan-tri/dang-nhap"));
        var antiforgery = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery."));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);

        var signIn = ViaProxy(HttpMethod.Post, "/quan-tri/dang-nhap", antiforgery.Split(';')[0]);
        signIn.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = Editor.EditorSite.AdminEmail, ["Password"] = Editor.EditorSite.Password,
            ["__RequestVerificationToken"] = Editor.EditorSite.AntiforgeryToken(await form.Content.ReadAsStringAsync()),
        });
        var signedIn = await proxy.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("; secure", signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cchc.editor=")), StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class KestrelHostingTests(KestrelHostingSite site) : IClassFixture<KestrelHostingSite>
{
    [Fact]
    public async Task The_server_does_not_name_itself()
    {
        var response = await site.Connect().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.Server);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task An_oversized_citizen_form_is_answered_413_with_the_vietnamese_error_page()
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent("Tệp quá lớn"), "Title" },
            { new ByteArrayContent(new byte[13 * 1024 * 1024]), "Attachment", "lon.pdf" },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, $"/{QuestionSite.Unit}/gui-cau-hoi") { Content = content };
        // As curl and browsers do for large bodies: the server may answer before the body is sent.
        request.Headers.ExpectContinue = true;
        var response = await site.Connect().SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Nội dung gửi lên quá lớn", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_oversized_api_submission_is_answered_413_with_a_vietnamese_problem()
    {
        var content = new ByteArrayContent(new byte[31 * 1024 * 1024]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/questions") { Content = content };
        request.Headers.ExpectContinue = true;
        var response = await site.Connect().SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Nội dung gửi lên quá lớn", problem.GetProperty("title").GetString());
    }
}

public sealed class ClientAddressTests
{
    [Fact]
    public void Addresses_of_one_ipv6_64_share_a_key_and_other_prefixes_do_not()
    {
        var key = ClientAddress.PartitionKey(IPAddress.Parse("2001:db8:1:2::1"));
        Assert.Equal(key, ClientAddress.PartitionKey(IPAddress.Parse("2001:db8:1:2:ffff:eeee:dddd:cccc")));
        Assert.NotEqual(key, ClientAddress.PartitionKey(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.Equal("192.0.2.7", ClientAddress.PartitionKey(IPAddress.Parse("::ffff:192.0.2.7")));
    }
}

public sealed class PublicUrlsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("cchc.example.gov.vn")]
    [InlineData("ftp://cchc.example.gov.vn")]
    [InlineData("https://cchc.example.gov.vn/chuyen-trang")]
    [InlineData("https://cchc.example.gov.vn/?a=1")]
    [InlineData("https://nguoi:mat-khau@cchc.example.gov.vn")]
    public void A_public_url_that_is_not_a_bare_http_or_https_origin_stops_the_start(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => PublicUrls.From(new SiteOptions { PublicUrl = value }));
        Assert.Contains("Site:PublicUrl", error.Message);
    }

    [Fact]
    public void Links_and_allowed_hosts_come_from_the_configured_origin()
    {
        var urls = PublicUrls.From(new SiteOptions { PublicUrl = "https://CCHC.example.gov.vn:8443/" });
        Assert.True(urls.IsHttps);
        Assert.Equal("https://cchc.example.gov.vn:8443/tra-cuu?ma=AB12", urls.Absolute("/tra-cuu?ma=AB12"));
        Assert.Equal(["cchc.example.gov.vn", "localhost", "127.0.0.1", "[::1]"], urls.AllowedHosts);
    }
}
