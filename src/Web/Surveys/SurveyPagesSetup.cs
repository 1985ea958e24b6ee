namespace CchcSite.Web.Surveys;

public static class SurveyPagesSetup
{
    /// <summary>What the public survey pages need beside the content services: the response limit and the QR code.</summary>
    public static IServiceCollection AddSurveyPages(this IServiceCollection services) =>
        services.AddSurveyLimit().AddSingleton<SurveyQrCode>();
}
