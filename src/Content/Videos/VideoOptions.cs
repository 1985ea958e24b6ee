using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace CchcSite.Content.Videos;

/// <summary>A language captions may be given in: its BCP 47 code (the track's srclang) and its name in the player's menu.</summary>
public sealed class CaptionLanguage
{
    public string Code { get; set; } = "";
    public string Label { get; set; } = "";
}

/// <summary>How videos are transcoded and captioned. Bound from the "Video" configuration section.</summary>
public sealed partial class VideoOptions : IValidatableObject
{
    public const string Section = "Video";
    public const int MaxLanguageCode = 20;
    public const int MaxLanguageLabel = 60;
    /// <summary>The language whose track plays by default: the language of every unit's citizens.</summary>
    public const string Vietnamese = "vi";

    /// <summary>
    /// The languages editors may caption a video in, in the order the editor's list and the player's menu show them.
    /// Unset, Vietnamese and English: English is what the province's foreign investors and visitors read; a unit with
    /// Khmer (km) or other minority-language viewers adds its own list, which must keep "vi".
    /// </summary>
    public CaptionLanguage[]? CaptionLanguages { get; set; }

    /// <summary>The configured languages, or the default ones (a list in code would have configured ones appended by the binder).</summary>
    public IReadOnlyList<CaptionLanguage> Languages => CaptionLanguages is { Length: > 0 } configured ? configured : DefaultLanguages;

    private static readonly CaptionLanguage[] DefaultLanguages =
        [new() { Code = Vietnamese, Label = "Tiếng Việt" }, new() { Code = "en", Label = "English" }];

    public CaptionLanguage? Language(string? code) => Languages.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        string[] member = [nameof(CaptionLanguages)];
        if (Languages.Any(l => !LanguageCode().IsMatch(l.Code) || l.Code.Length > MaxLanguageCode))
            yield return new ValidationResult("must give each language a BCP 47 code such as \"vi\" or \"en\"", member);
        if (Languages.Any(l => string.IsNullOrWhiteSpace(l.Label) || l.Label.Length > MaxLanguageLabel))
            yield return new ValidationResult($"must give each language a label of at most {MaxLanguageLabel} characters", member);
        if (Languages.GroupBy(l => l.Code, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
            yield return new ValidationResult("must not list a language twice", member);
        if (Language(Vietnamese) is null)
            yield return new ValidationResult("must include Vietnamese (\"vi\"), the track played by default", member);
    }

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageCode();

    /// <summary>The ffmpeg and ffprobe programs (Debian's, on the path, unless configured).</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";
    public string FfprobePath { get; set; } = "ffprobe";

    /// <summary>Encoder threads; 1 keeps the other core of a 2-core server serving pages while a video is transcoded.</summary>
    public int Threads { get; set; } = 1;

    /// <summary>The heights made, largest first; a source is never upscaled, so a smaller one gets fewer.</summary>
    public int[] Heights { get; set; } = [720, 360];

    /// <summary>
    /// The services whose videos editors may embed in a post (YouTube, Facebook); set in appsettings.json. Empty allows
    /// none, and a page whose stored video is from a service no longer listed shows only a link to it.
    /// </summary>
    public EmbedProvider[] EmbedProviders { get; set; } = [];

    /// <summary>Attempts before a job stays failed until an editor retries it.</summary>
    public int MaxAttempts { get; set; } = 3;
}
