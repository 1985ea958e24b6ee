using CchcSite.Web.Dates;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Hosting;

/// <summary>
/// How MVC reads what forms and query strings send: dates as dd/mm/yyyy in Vietnam time, whatever the server's or the
/// browser's culture, and, when a value cannot be read as its field's type, a message in Vietnamese (forms refuse such a
/// save, see EditorController.Unreadable, so these messages are shown, never MVC's English ones).
/// </summary>
public static class VietnameseBinding
{
    public static void UseVietnameseBinding(this MvcOptions options)
    {
        options.ModelBinderProviders.Insert(0, new VietnameseDateBinderProvider());
        var messages = options.ModelBindingMessageProvider;
        messages.SetValueMustNotBeNullAccessor(_ => "Vui lòng nhập giá trị.");
        messages.SetMissingBindRequiredValueAccessor(_ => "Vui lòng nhập giá trị.");
        messages.SetMissingKeyOrValueAccessor(() => "Vui lòng nhập giá trị.");
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"\"{value}\" không hợp lệ.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"\"{value}\" không hợp lệ.");
        messages.SetUnknownValueIsInvalidAccessor(_ => "Giá trị không hợp lệ.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị không hợp lệ.");
        messages.SetValueIsInvalidAccessor(value => $"\"{value}\" không hợp lệ.");
        messages.SetValueMustBeANumberAccessor(_ => "Vui lòng nhập một số.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Vui lòng nhập một số.");
    }
}
