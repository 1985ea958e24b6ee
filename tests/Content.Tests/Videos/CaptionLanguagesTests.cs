using CchcSite.Content.Videos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Tests.Videos;

/// <summary>The languages editors may caption a video in, bound from Video:CaptionLanguages and checked at start-up.</summary>
public class CaptionLanguagesTests
{
    private static async Task<(IReadOnlyList<(string, string)> Languages, string? Error)> BindAsync(params (string Code, string Label)[] configured)
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < configured.Length; i++)
        {
            settings[$"Video:CaptionLanguages:{i}:Code"] = configured[i].Code;
            settings[$"Video:CaptionLanguages:{i}:Label"] = configured[i].Label;
        }
        await using var database = await TestDatabase.CreateAsync(settings);
        try
        {
            database.Services.GetRequiredService<IStartupValidator>().Validate();
            return (database.Services.GetRequiredService<IOptions<VideoOptions>>().Value.Languages.Select(l => (l.Code, l.Label)).ToList(), null);
        }
        catch (OptionsValidationException e)
        {
            return ([], e.Message);
        }
    }

    [Fact]
    public async Task Unset_they_are_vietnamese_then_english()
    {
        var (languages, error) = await BindAsync();

        Assert.Null(error);
        Assert.Equal([("vi", "Tiếng Việt"), ("en", "English")], languages);
    }

    [Fact]
    public async Task A_configured_list_replaces_the_default_one_rather_than_adding_to_it()
    {
        var (languages, error) = await BindAsync(("vi", "Tiếng Việt"), ("km", "ភាសាខ្មែរ"));

        Assert.Null(error);
        Assert.Equal([("vi", "Tiếng Việt"), ("km", "ភាសាខ្មែរ")], languages);
    }

    [Theory]
    [InlineData("en", "English", "fr", "Français", "must include Vietnamese")]
    [InlineData("vi", "Tiếng Việt", "VI", "Việt", "must not list a language twice")]
    [InlineData("vi", "Tiếng Việt", "english", "English", "BCP 47 code")]
    [InlineData("vi", "Tiếng Việt", "en", " ", "label of at most 60 characters")]
    public async Task A_list_without_vietnamese_with_a_language_twice_or_a_bad_code_or_label_stops_the_start(
        string code1, string label1, string code2, string label2, string reason)
    {
        var (_, error) = await BindAsync((code1, label1), (code2, label2));

        Assert.NotNull(error);
        Assert.Contains("Video:CaptionLanguages", error);
        Assert.Contains(reason, error);
    }
}
