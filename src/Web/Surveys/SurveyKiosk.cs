using System.Security.Cryptography;
using System.Text;
using CchcSite.Content.Surveys;

namespace CchcSite.Web.Surveys;

/// <summary>
/// Kiosk mode, for a tablet at the one-stop desk: the request asks for it with <c>?kiosk=</c> in its address (the kiosk's
/// form posts to its own address with it, so the rate limit reads it before any body) and is allowed it when an officer is
/// signed in (<c>kiosk=1</c>) or the value is the configured kiosk token.
/// </summary>
public static class SurveyKiosk
{
    public const string Field = "kiosk";

    /// <summary>What the address asks for as <c>kiosk</c>; "" when nothing.</summary>
    public static string Value(HttpContext context) => context.Request.Query[Field].ToString();

    public static bool IsKiosk(HttpContext context, SurveyOptions options)
    {
        var asked = Value(context);
        if (asked.Length == 0)
            return false;
        if (context.User.Identity?.IsAuthenticated == true)
            return true;
        return options.KioskToken.Length > 0
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(asked), Encoding.UTF8.GetBytes(options.KioskToken));
    }
}
