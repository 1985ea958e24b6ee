using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CchcSite.Web.Subscriptions;

/// <summary>
/// Renders the active theme's mail templates (<c>Views/Mail/*.cshtml</c>) to text outside any request, as the sender
/// is a background job: the theme decides how a message looks, as it does for pages.
/// </summary>
public sealed class MailTemplates(IRazorViewEngine engine, ITempDataProvider tempData, IServiceProvider services)
{
    public async Task<string> RenderAsync(string name, object model)
    {
        var http = new DefaultHttpContext { RequestServices = services };
        var action = new ActionContext(http, new RouteData(), new ActionDescriptor());
        var path = $"/Views/Mail/{name}.cshtml";
        var found = engine.GetView(executingFilePath: null, viewPath: path, isMainPage: true);
        if (!found.Success)
            throw new InvalidOperationException($"The theme has no mail template {path}.");
        await using var writer = new StringWriter();
        var viewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        var context = new ViewContext(action, found.View, viewData, new TempDataDictionary(http, tempData), writer, new HtmlHelperOptions());
        await found.View.RenderAsync(context);
        return writer.ToString();
    }
}
