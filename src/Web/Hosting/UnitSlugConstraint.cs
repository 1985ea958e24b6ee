using CchcSite.Content.Units;

namespace CchcSite.Web.Hosting;

/// <summary>Keeps the site's own words (api, tep, linh-vuc…) out of the <c>/{unit}</c> routes.</summary>
public sealed class UnitSlugConstraint : IRouteConstraint
{
    public const string Name = "unit";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string slug && !ReservedSlugs.Contains(slug);
}
