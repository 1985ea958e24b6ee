using System.Net.Http.Headers;
using System.Text;
using CchcSite.Web.Tests.Editor;
using NetVips;

namespace CchcSite.Web.Tests.Media;

/// <summary>An editor site whose image limit is small, so that "too large" needs no huge request.</summary>
public sealed class MediaSite : EditorSite
{
    public const int MaxImageBytes = 300_000;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Media:MaxImageBytes"] = MaxImageBytes.ToString();
            return settings;
        }
    }

    public static byte[] Jpeg(int width = 1000, int height = 700)
    {
        using var x = Image.Xyz(width, height);
        using var bands = x * new[] { 255.0 / width, 255.0 / height };
        using var rgb = bands.Bandjoin(bands[0]).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return rgb.JpegsaveBuffer();
    }

    public static byte[] Php => Encoding.ASCII.GetBytes("<?php system($_GET['c']); ?>");

    public static MultipartFormDataContent UploadForm(string? token, string fileName, byte[] content, string? alt)
    {
        var form = new MultipartFormDataContent();
        if (token is not null)
            form.Add(new StringContent(token), "__RequestVerificationToken");
        if (alt is not null)
            form.Add(new StringContent(alt), "AltText");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "File", fileName);
        return form;
    }
}
