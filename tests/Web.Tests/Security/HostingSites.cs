using System.Net;
using CchcSite.Web.Mail;
using CchcSite.Web.Tests.Questions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Web.Tests.Security;

/// <summary>
/// A site published at http://cong.cchc.test behind one reverse proxy (10.0.0.1), recording its mail. Each test
/// speaks from addresses of its own, so that the per-address limits of one test never count another's requests.
/// </summary>
public class PublicAddressSite : QuestionSite
{
    public const string Proxy = "10.0.0.1";

    public RecordingSender Sender { get; } = new();

    protected virtual string PublicUrl => "http://cong.cchc.test";

    protected override int SubmissionsPerHour => 2;

    protected override int LoginAttemptsPerMinute => 10;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Site:PublicUrl"] = PublicUrl;
            settings["ForwardedHeaders:KnownProxies:0"] = Proxy;
            settings["Questions:TrackingLookupsPerMinute"] = "30";
            return settings;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IMailSender>(Sender));
    }

    /// <summary>A client whose connection comes from <paramref name="address"/> and whose requests name <paramref name="origin"/> as their host.</summary>
    public HttpClient From(string address, string origin = "http://localhost") =>
        new(Server.CreateHandler(context => context.Connection.RemoteIpAddress = IPAddress.Parse(address))) { BaseAddress = new Uri(origin) };
}

/// <summary>The same site published at https, with TLS ended at the proxy.</summary>
public sealed class HttpsPublicAddressSite : PublicAddressSite
{
    public const string Origin = "https://cchc.example.gov.vn";

    protected override string PublicUrl => Origin;
}

/// <summary>The site on a real Kestrel port: the server header and the request body limits are Kestrel's.</summary>
public sealed class KestrelHostingSite : QuestionSite
{
    public Uri Origin { get; }

    public KestrelHostingSite()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First(a => a.StartsWith("http://"));
        Origin = new UriBuilder(address) { Host = "127.0.0.1" }.Uri;
    }

    /// <summary>
    /// A client over a real socket. One that asks "Expect: 100-continue" waits for the server's answer however long a
    /// loaded machine takes: after the default second it sent the body anyway, and the server's 413 and close broke the pipe.
    /// </summary>
    public HttpClient Connect() => new(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) }) { BaseAddress = Origin };
}
