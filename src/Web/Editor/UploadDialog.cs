namespace CchcSite.Web.Editor;

/// <summary>
/// The one dialog that uploads to a unit's library without leaving a form (Views/Shared/_UploadDialog.cshtml, driven by
/// quan-tri.js): the unit the file goes to and the sentence that says what happens to it on this form.
/// </summary>
public sealed record UploadDialog(string UnitSlug, string Intro);
