using CchcSite.Content.Imports;
using CchcSite.Content.Media;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Tests;

/// <summary>Content's settings are bound from configuration by AddCchcContent and checked by the container's start-up check.</summary>
public class SettingsTests
{
    [Fact]
    public async Task Import_limits_are_read_from_their_section()
    {
        await using var database = await TestDatabase.CreateAsync(new Dictionary<string, string?> { ["Imports:MaxRows"] = "7", ["Imports:MaxColumns"] = "9" });

        var limits = database.Services.GetRequiredService<IOptions<TableLimits>>().Value;

        Assert.Equal(new TableLimits { MaxRows = 7, MaxColumns = 9 }, limits);
    }

    [Fact]
    public async Task A_bad_value_fails_the_start_up_check_naming_the_setting_and_its_value()
    {
        await using var database = await TestDatabase.CreateAsync(new Dictionary<string, string?> { ["Media:MaxImagePixels"] = "-1" });

        var error = Assert.Throws<OptionsValidationException>(() => database.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal("Media:MaxImagePixels must be a positive number of pixels; it is '-1'.", error.Message);
        Assert.Throws<OptionsValidationException>(() => database.Services.GetRequiredService<IOptions<MediaLimits>>().Value);
    }
}
