using CchcSite.Content.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CchcSite.Web.Dates;

/// <summary>
/// Every <see cref="DateOnly"/> and <see cref="DateTime"/> a form or a query string sends is read by
/// <see cref="VietnameseDate"/>: dd/mm/yyyy, and "dd/mm/yyyy HH:mm" in Vietnam time bound as the UTC instant. Not the
/// server's culture, not the browser's. What cannot be read leaves the Vietnamese message in ModelState, with the text as
/// typed, so the form shows it again (<see cref="DateInputTagHelper"/>) instead of saving the field as empty.
/// </summary>
public sealed class VietnameseDateBinder(bool withTime) : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext context)
    {
        var name = context.ModelName;
        var sent = context.ValueProvider.GetValue(name);
        if (sent == ValueProviderResult.None)
            return Task.CompletedTask;
        context.ModelState.SetModelValue(name, sent);
        var (value, problem) = withTime
            ? Boxed(VietnameseDate.ParseDateTime(sent.FirstValue))
            : Boxed(VietnameseDate.ParseDate(sent.FirstValue));
        if (problem is not null)
            context.ModelState.TryAddModelError(name, problem);
        else if (value is not null || context.ModelMetadata.IsReferenceOrNullableType)
            context.Result = ModelBindingResult.Success(value);
        else
            context.ModelState.TryAddModelError(name, withTime ? "Vui lòng nhập thời gian." : "Vui lòng nhập ngày.");
        return Task.CompletedTask;
    }

    private static (object? Value, string? Problem) Boxed<T>(VietnameseDate.Read<T> read) where T : struct => (read.Value, read.Problem);
}

public sealed class VietnameseDateBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(DateOnly) ? new VietnameseDateBinder(withTime: false)
        : context.Metadata.UnderlyingOrModelType == typeof(DateTime) ? new VietnameseDateBinder(withTime: true)
        : null;
}
