using CchcSite.Web.Hosting;
using QRCoder;

namespace CchcSite.Web.Surveys;

/// <summary>
/// The QR code a unit prints on a leaflet or stands at the desk: the survey's absolute address from Site:PublicUrl (never
/// from the request's host), error correction M so a crumpled leaflet still scans.
/// </summary>
public sealed class SurveyQrCode(PublicUrls urls)
{
    /// <summary>Pixels per module of the PNG: 33 modules and the quiet zone come to about 400 px, sharp when printed at 5 cm.</summary>
    public const int PixelsPerModule = 10;

    public string AddressOf(string surveyPath) => urls.Absolute(surveyPath);

    public byte[] Png(string surveyPath)
    {
        using var data = Generate(surveyPath);
        return new PngByteQRCode(data).GetGraphic(PixelsPerModule);
    }

    public string Svg(string surveyPath)
    {
        using var data = Generate(surveyPath);
        return new SvgQRCode(data).GetGraphic(PixelsPerModule);
    }

    private QRCodeData Generate(string surveyPath)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(AddressOf(surveyPath), QRCodeGenerator.ECCLevel.M);
    }
}
