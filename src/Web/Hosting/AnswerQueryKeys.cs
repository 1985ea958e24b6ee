using System.Collections.Concurrent;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using CchcSite.Content.Paging;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;

namespace CchcSite.Web.Hosting;

/// <summary>
/// The query values an endpoint reads, taken from its own parameter bindings so that the cache key can never miss one
/// (a page keyed without the value it filters by would show one visitor's filter to everyone) nor hold one the endpoint
/// ignores (each junk <c>?x=</c> would be a rendering and an entry of its own). Pages: the action's parameters bound from
/// the query, or from anywhere when they are not route values (MVC also reads those from the query). API: the query
/// parameters of its API description. An endpoint whose bindings cannot be read this way varies by every value.
/// The page number of a page is keyed by its value, not its spelling (<see cref="PageNumberKey"/>).
/// </summary>
public sealed class AnswerQueryKeys(IApiDescriptionGroupCollectionProvider api)
{
    /// <summary>
    /// The page number of every paged page, read as <c>PageNumber.Parse(text) ?? 1</c>: junk is page 1, "007" is 7. It
    /// is keyed by that number, so that no spelling of a page (<c>?trang=abc1</c>, <c>abc2</c>…) adds an entry.
    /// </summary>
    public const string PageNumberKey = "trang";

    /// <summary>The query keys an endpoint's answers are keyed by as they are typed, and whether they are paged.</summary>
    public sealed record Keys(StringValues Query, bool Paged);

    private static readonly Keys Every = new("*", false);
    private readonly ConcurrentDictionary<Endpoint, Keys> _keys = new();

    public Keys Of(Endpoint endpoint) => _keys.GetOrAdd(endpoint, Find);

    /// <summary>The page a paged page shows for this request, as text: the first value, which is the one MVC binds.</summary>
    public static string PageOf(HttpRequest request) =>
        (PageNumber.Parse(request.Query[PageNumberKey].FirstOrDefault()) ?? 1).ToString(CultureInfo.InvariantCulture);

    private Keys Find(Endpoint endpoint)
    {
        var names = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is { } action
            ? ActionKeys(action)
            : endpoint.Metadata.GetMetadata<MethodInfo>() is { } handler ? HandlerKeys(handler) : null;
        if (names is null)
            return Every;
        var route = (endpoint as RouteEndpoint)?.RoutePattern;
        var query = names.Where(name => route?.GetParameter(name) is null).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var paged = query.Remove(PageNumberKey);
        return new Keys(new StringValues([.. query.Order(StringComparer.Ordinal)]), paged);
    }

    private static List<string>? ActionKeys(ControllerActionDescriptor action)
    {
        var names = new List<string>();
        foreach (var parameter in action.Parameters)
        {
            var source = parameter.BindingInfo?.BindingSource;
            if (parameter.ParameterType == typeof(CancellationToken)
                || source is not null && source != BindingSource.Query && source != BindingSource.ModelBinding)
                continue;
            // A complex value bound from anywhere reads keys of its own, named by its properties: not worked out here.
            if (source != BindingSource.Query && !TypeDescriptor.GetConverter(parameter.ParameterType).CanConvertFrom(typeof(string)))
                return null;
            names.Add(parameter.BindingInfo?.BinderModelName ?? parameter.Name);
        }
        return names;
    }

    private List<string>? HandlerKeys(MethodInfo handler) =>
        api.ApiDescriptionGroups.Items.SelectMany(group => group.Items)
                .FirstOrDefault(description => description.ActionDescriptor.EndpointMetadata.Contains(handler)) is { } found
            ? [.. found.ParameterDescriptions.Where(p => p.Source == BindingSource.Query).Select(p => p.Name)]
            : null;
}
