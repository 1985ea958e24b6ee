using System.Net;
using CchcSite.Content.Surveys;
using CchcSite.Web.Hosting;
using CchcSite.Web.Surveys;
using CchcSite.Web.Tests.Editor;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZXing;

namespace CchcSite.Web.Tests.Surveys;

public sealed class SurveyQrCodeTests(SurveySite site) : IClassFixture<SurveySite>
{
    /// <summary>Reads a QR code from an image the way a phone would, from its pixels.</summary>
    private static string? Decode(NetVips.Image image)
    {
        using var grey = image.HasAlpha() ? image.Flatten([255]).Colourspace(NetVips.Enums.Interpretation.Bw) : image.Colourspace(NetVips.Enums.Interpretation.Bw);
        using var band = grey.Bands > 1 ? grey.ExtractBand(0) : grey.Copy();
        var pixels = band.Cast(NetVips.Enums.BandFormat.Uchar).WriteToMemory<byte>();
        var source = new RGBLuminanceSource(pixels, band.Width, band.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        return new BarcodeReaderGeneric { Options = { PossibleFormats = [BarcodeFormat.QR_CODE] } }.Decode(source)?.Text;
    }

    [Fact]
    public async Task The_png_and_svg_codes_decode_to_the_surveys_absolute_address_from_configuration()
    {
        await site.AddSurveyAsync("ma-qr-thu");
        var expected = site.Services.GetRequiredService<PublicUrls>().Absolute("/khao-sat/ma-qr-thu");
        var client = site.CreateClient();

        var png = await client.GetAsync(SurveyAddresses.QrCode("ma-qr-thu", "png"));
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        using (var image = NetVips.Image.NewFromBuffer(await png.Content.ReadAsByteArrayAsync()))
            Assert.Equal(expected, Decode(image));

        var svg = await client.GetAsync(SurveyAddresses.QrCode("ma-qr-thu", "svg"));
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        using (var image = NetVips.Image.NewFromBuffer(await svg.Content.ReadAsByteArrayAsync()))
            Assert.Equal(expected, Decode(image));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(SurveyAddresses.QrCode("khong-co", "png"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/khao-sat/ma-qr-thu/ma-qr.gif")).StatusCode);
    }
}

public sealed class ConcurrentSurveyResponseTests
{
    private const int Count = 500;

    [Fact]
    public async Task Five_hundred_responses_sent_at_once_over_loopback_are_each_stored_once_and_one_browser_twice_at_once_once()
    {
        using var site = new SurveySite();
        site.UseKestrel(0);
        site.StartServer();
        var q = await site.AddSurveyAsync("dong-thoi");
        var no = (await site.OptionsAsync(q[0]))[1];
        var address = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First(a => a.StartsWith("http://"));
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = new UriBuilder(address) { Host = "127.0.0.1" }.Uri, Timeout = TimeSpan.FromMinutes(3),
        };
        // One antiforgery pair serves every request (it is not tied to the survey cookie); each "browser" has its own token.
        using var form = await client.GetAsync("/khao-sat/dong-thoi");
        var antiforgeryCookie = form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery"));
        var formToken = EditorSite.AntiforgeryToken(await form.Content.ReadAsStringAsync());

        async Task<HttpStatusCode> SendAsync(string browserToken, int rating)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/khao-sat/dong-thoi")
            {
                Content = new FormUrlEncodedContent([new($"q{q[0]}", no.ToString()), new($"q{q[2]}", rating.ToString()), new("__RequestVerificationToken", formToken)]),
            };
            request.Headers.Add("Cookie", $"{antiforgeryCookie}; {SurveysController.TokenCookie}={browserToken}");
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        var tokens = Enumerable.Range(0, Count).Select(i => $"{i:D4}-{Guid.NewGuid():N}").ToList();
        var statuses = await Task.WhenAll(tokens.Select((t, i) => SendAsync(t, i % 5 + 1))
            .Concat(Enumerable.Range(0, 10).Select(_ => SendAsync("cung-mot-trinh-duyet-" + new string('x', 32), 3))));
        Assert.All(statuses.Take(Count), s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.Equal(1, statuses.Skip(Count).Count(s => s == HttpStatusCode.Redirect));
        Assert.All(statuses.Skip(Count).Where(s => s != HttpStatusCode.Redirect), s => Assert.Equal(HttpStatusCode.Conflict, s));

        var surveyId = await site.WithDbAsync(db => db.Surveys.Where(s => s.Slug == "dong-thoi").Select(s => s.Id).SingleAsync());
        var hashes = await site.WithDbAsync(db => db.SurveyResponses.Where(r => r.SurveyId == surveyId).Select(r => r.TokenHash!).ToListAsync());
        Assert.Equal(Count + 1, hashes.Count);
        Assert.Equal(tokens.Select(t => SurveyResponses.HashToken(surveyId, t)).Append(SurveyResponses.HashToken(surveyId, "cung-mot-trinh-duyet-" + new string('x', 32))).Order(),
            hashes.Order());
        Assert.Equal(Count + 1, await site.WithDbAsync(db => db.SurveyAnswers.CountAsync(a => a.QuestionId == q[2])));
    }
}
