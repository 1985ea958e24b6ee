using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CchcSite.Content;

/// <summary>
/// The one way a setting reaches the code: an options class bound from its configuration section, its annotations
/// checked when the site starts, so a bad value stops the start with a message that names the setting.
/// </summary>
public static class ContentSettings
{
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section) where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new SettingsValidation<T>(section));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }
}

/// <summary>Checks the data annotations of a bound options class; each failure names the key an administrator sets.</summary>
internal sealed class SettingsValidation<T>(string section) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            return ValidateOptionsResult.Success;
        return ValidateOptionsResult.Fail(results.SelectMany(result => result.MemberNames.DefaultIfEmpty("").Select(member =>
            $"{section}:{member} {result.ErrorMessage}; it is '{ValueOf(options, member)}'.")));
    }

    private static string? ValueOf(T options, string member) =>
        typeof(T).GetProperty(member)?.GetValue(options) is { } value ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
}
