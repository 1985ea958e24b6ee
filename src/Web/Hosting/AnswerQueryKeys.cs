using System.Collections.Concurrent;
using System.ComponentModel;
using System.Reflection;
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
/// </summary>
public sealed class AnswerQueryKeys(IApiDescriptionGroupCollectionProvider api)
{
    private static readonly StringValues Every = "*";
    private readonly ConcurrentDictionary<Endpoint, StringValues> _keys = new();

    public StringValues Of(Endpoint endpoint) => _keys.GetOrAdd(endpoint, Find);

    private StringValues Find(Endpoint endpoint)
    {
        var names = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is { } action
            ? ActionKeys(action)
            : endpoint.Metadata.GetMetadata<MethodInfo>() is { } handler ? HandlerKeys(handler) : null;
        if (names is null)
            return Every;
        var route = (endpoint as RouteEndpoint)?.RoutePattern;
        return new StringValues([.. names.Where(name => route?.GetParameter(name) is null).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)]);
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
