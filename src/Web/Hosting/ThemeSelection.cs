using System.Reflection;

namespace CchcSite.Web.Hosting;

/// <summary>
/// Every theme under themes/ is built beside the site; only the configured one is added to MVC, so
/// themes can use the same view paths without clashing and a new theme never touches src/.
/// </summary>
public static class ThemeSelection
{
    public static IMvcBuilder UseConfiguredTheme(this IMvcBuilder mvc, string theme)
    {
        var name = $"CchcSite.Themes.{theme}";
        Assembly assembly;
        try
        {
            assembly = Assembly.Load(name);
        }
        catch (FileNotFoundException e)
        {
            throw new InvalidOperationException($"Theme '{theme}' is not built in: no assembly {name} beside the site.", e);
        }
        return mvc.AddApplicationPart(assembly);
    }
}
