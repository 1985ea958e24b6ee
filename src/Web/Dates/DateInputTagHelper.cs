using CchcSite.Content.Text;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CchcSite.Web.Dates;

/// <summary>
/// The one date or date-time input of the editor area: <c>&lt;date-input name="IssuedOn" value="@plan.IssuedOn" /&gt;</c>
/// (<c>time="true"</c> for a date-time, whose value is a UTC instant). A text input in dd/mm/yyyy (24-hour, Vietnam time)
/// whatever the browser's language, never the browser's own date picker, which follows its locale (mm/dd and AM/PM in an
/// English browser). It writes the hint beside it and, after a refused save, the field's message and the text as typed;
/// the page writes the label (for the same id).
/// </summary>
[HtmlTargetElement("date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DateInputTagHelper : TagHelper
{
    [HtmlAttributeNotBound, ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>The form field's name; the id is made from it as the MVC tag helpers make it ("Document.IssuedOn" → "Document_IssuedOn").</summary>
    public string Name { get; set; } = "";

    public string? Id { get; set; }

    /// <summary>A <see cref="DateOnly"/>, or with <see cref="Time"/> a UTC <see cref="DateTime"/>, or the text as kept; null for an empty field.</summary>
    public object? Value { get; set; }

    public bool Time { get; set; }

    public bool Readonly { get; set; }

    /// <summary>Other ids describing the field (a note above the fields); the hint and the message are added here.</summary>
    public string? DescribedBy { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = Id ?? TagBuilder.CreateSanitizedId(Name, "_");
        var state = ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) ? entry : null;
        var message = state?.Errors.FirstOrDefault()?.ErrorMessage;
        // Text that could not be read comes back as typed; otherwise the value, written the one way (an old link's
        // yyyy-mm-dd is shown as dd/mm/yyyy).
        var text = message is not null && state?.AttemptedValue is { } typed ? typed : Value switch
        {
            DateOnly date => VietnameseDate.FormatDate(date),
            DateTime instant => VietnameseDate.FormatDateTime(instant),
            // A form model that keeps the text and lets the content rules read it (index results).
            string kept => kept,
            null => "",
            var other => throw new ArgumentException($"A date input shows a DateOnly or a DateTime, not {other.GetType().Name}.", nameof(Value)),
        };

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.MergeAttribute("id", id);
        input.MergeAttribute("name", Name);
        input.MergeAttribute("type", "text");
        input.MergeAttribute("value", text);
        // Digits and separators only for a day ("15062027" is read too, for a phone's number pad); a time needs ":" and a space.
        input.MergeAttribute("inputmode", Time ? "text" : "numeric");
        input.MergeAttribute("pattern", Time ? VietnameseDate.DateTimeInputPattern : VietnameseDate.DateInputPattern);
        input.MergeAttribute("placeholder", Time ? VietnameseDate.DateTimePlaceholder : VietnameseDate.DatePlaceholder);
        input.MergeAttribute("autocomplete", "off");
        input.MergeAttribute("size", Time ? "16" : "10");
        input.AddCssClass(Time ? "date-input date-input--time" : "date-input");
        if (Readonly)
            input.MergeAttribute("readonly", "readonly");
        var hintId = id + "-hint";
        var errorId = id + "-error";
        input.MergeAttribute("aria-describedby", string.Join(' ', new[] { DescribedBy, hintId, message is null ? null : errorId }.Where(v => !string.IsNullOrEmpty(v))));
        if (message is not null)
            input.MergeAttribute("aria-invalid", "true");

        output.TagName = null;
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Content.AppendHtml(input);
        var hint = new TagBuilder("p");
        hint.MergeAttribute("id", hintId);
        hint.AddCssClass("field-hint");
        hint.InnerHtml.Append(Time ? VietnameseDate.DateTimeHint : VietnameseDate.DateHint);
        output.Content.AppendHtml(hint);
        if (message is not null)
        {
            var error = new TagBuilder("p");
            error.MergeAttribute("id", errorId);
            error.AddCssClass("field-error");
            error.InnerHtml.Append(message);
            output.Content.AppendHtml(error);
        }
    }
}
