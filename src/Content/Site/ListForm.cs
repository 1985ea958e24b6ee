using System.Globalization;
using CchcSite.Content.Posts;
using CchcSite.Content.Text;

namespace CchcSite.Content.Site;

/// <summary>
/// The filters of a public post list (a unit's tab, a field's or a tag's page) as its address carries them, with
/// Vietnamese keys and values: <c>?nam=2025&amp;doi-tuong=nguoi-dan-va-doanh-nghiep&amp;loai=video</c>. A value the list
/// does not know is left out and said so, as the document register does, rather than answered with an error.
/// </summary>
public sealed record ListForm(string? YearText = null, string? AudienceText = null, string? KindText = null)
{
    public const string YearKey = "nam";
    public const string AudienceKey = "doi-tuong";
    public const string KindKey = "loai";

    /// <summary>The audiences a list may be narrowed to: those a post can be meant for besides everyone.</summary>
    public static readonly IReadOnlyList<Audience> Audiences = [Audience.CitizensAndBusinesses, Audience.CivilServants];

    /// <summary>An audience's value in the address: its Vietnamese name as a slug ("can-bo-cong-chuc-vien-chuc").</summary>
    public static string AudienceValue(Audience audience) => Slug.From(audience.Vietnamese());

    /// <summary>The form from the address's values, blanks dropped.</summary>
    public static ListForm From(string? year, string? audience, string? kind) => new(Blank(year), Blank(audience), Blank(kind));

    public int? YearNumber => int.TryParse(YearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 9999 ? year : null;

    public Audience? AudienceChosen => Audiences.Where(a => AudienceValue(a) == AudienceText).Select(a => (Audience?)a).FirstOrDefault();

    public PostKind? KindChosen => KindText is null ? null : PostKindSegments.FromSegment(KindText)?.Kind;

    /// <summary>True when the address held a value the list does not know (it is then left out).</summary>
    public bool Ignored => YearText is not null && YearNumber is null || AudienceText is not null && AudienceChosen is null
                           || KindText is not null && KindChosen is null;

    public bool Filtered => YearNumber is not null || AudienceChosen is not null || KindChosen is not null;

    /// <summary><paramref name="filter"/> narrowed by the known values; a year is its Vietnamese calendar days.</summary>
    public PostFilter Apply(PostFilter filter)
    {
        if (YearNumber is { } year)
            filter = filter with { From = new DateOnly(year, 1, 1), To = new DateOnly(year, 12, 31) };
        if (KindChosen is { } kind)
            filter = filter with { Kind = kind };
        return filter with { Audience = AudienceChosen };
    }

    /// <summary>The address of this list with the known values, for its pager (which adds the page).</summary>
    public string Url(string path)
    {
        var values = new List<string>();
        if (YearNumber is { } year)
            values.Add($"{YearKey}={year.ToString(CultureInfo.InvariantCulture)}");
        if (AudienceChosen is { } audience)
            values.Add($"{AudienceKey}={AudienceValue(audience)}");
        if (KindChosen is { } kind)
            values.Add($"{KindKey}={PostKindSegments.Of(kind).Segment}");
        return values.Count == 0 ? path : $"{path}?{string.Join("&", values)}";
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
