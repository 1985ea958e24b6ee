using System.Globalization;
using CchcSite.Content.Posts;
using CchcSite.Content.Site;
using CchcSite.Content.Text;
using CchcSite.Content.Units;

namespace CchcSite.Content.Documents;

/// <summary>
/// The register's filters as the public page's address carries them (Vietnamese keys and values):
/// <c>?nam=2022&amp;loai=ke-hoach&amp;co-quan=…&amp;hieu-luc=con&amp;sap-xep=cu-nhat&amp;trang=2</c>.
/// </summary>
public sealed record RegisterForm(int? Year, string? Type, string? Issuer, string? Validity, string? Sort)
{
    public static readonly IReadOnlyList<(string Value, string Name, DocumentValidity Validity)> Validities =
        [("con", "Còn hiệu lực", DocumentValidity.InForce), ("het", "Hết hiệu lực", DocumentValidity.Expired)];

    public static readonly IReadOnlyList<(string Value, string Name, RegisterSort Sort)> Sorts =
        [("moi-nhat", "Ban hành mới nhất", RegisterSort.Newest), ("cu-nhat", "Ban hành cũ nhất", RegisterSort.Oldest), ("so-ky-hieu", "Số ký hiệu", RegisterSort.Number)];

    /// <summary>A type's value in the address: its Vietnamese name as a slug ("ke-hoach", "quyet-dinh").</summary>
    public static string TypeValue(DocumentType type) => Slug.From(type.Vietnamese());

    /// <summary>The query the form asks for, and whether any value was not one the register knows (then left out).</summary>
    public (RegisterQuery Query, bool Ignored) ToQuery(int? unitId, int page)
    {
        var ignored = false;
        DocumentType? type = null;
        if (!string.IsNullOrEmpty(Type))
        {
            type = Enum.GetValues<DocumentType>().Where(t => TypeValue(t) == Type).Select(t => (DocumentType?)t).FirstOrDefault();
            ignored |= type is null;
        }
        DocumentValidity? validity = null;
        if (!string.IsNullOrEmpty(Validity))
        {
            validity = Validities.Where(v => v.Value == Validity).Select(v => (DocumentValidity?)v.Validity).FirstOrDefault();
            ignored |= validity is null;
        }
        var sort = RegisterSort.Newest;
        if (!string.IsNullOrEmpty(Sort))
        {
            var known = Sorts.Where(s => s.Value == Sort).ToList();
            ignored |= known.Count == 0;
            sort = known.Count > 0 ? known[0].Sort : RegisterSort.Newest;
        }
        var year = Year is >= 1900 and <= 9999 ? Year : null;
        ignored |= Year is not null && year is null;
        return (new RegisterQuery(unitId, year, type, string.IsNullOrWhiteSpace(Issuer) ? null : Issuer.Trim(), validity, sort)
        {
            Page = new(page, DocumentRegister.PageSize),
        }, ignored);
    }

    /// <summary>The address of this form's results, with one value changed (the column headers sort through it).</summary>
    public string Url(string path, string? sort = null, int page = 1)
    {
        var values = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
                values.Add($"{key}={Uri.EscapeDataString(value)}");
        }
        Add("nam", Year?.ToString(CultureInfo.InvariantCulture));
        Add("loai", Type);
        Add("co-quan", Issuer);
        Add("hieu-luc", Validity);
        Add("sap-xep", sort ?? Sort);
        if (page > 1)
            Add("trang", page.ToString(CultureInfo.InvariantCulture));
        return values.Count == 0 ? path : $"{path}?{string.Join("&", values)}";
    }

    public bool Filtered => Year is not null || !string.IsNullOrEmpty(Type) || !string.IsNullOrEmpty(Issuer) || !string.IsNullOrEmpty(Validity);
}

/// <summary>The register page: the whole site's (<c>/van-ban</c>, <see cref="Unit"/> null) or one unit's "Văn bản" tab.</summary>
public sealed record DocumentRegisterPage(UnitNode? Unit, string Path, RegisterForm Form, RegisterResult Result, IReadOnlyList<Breadcrumb> Trail)
    : SitePage(Unit is null ? "Văn bản chỉ đạo, điều hành" : $"Văn bản – {Unit.Unit.ShortName}", Trail)
{
    /// <summary>The unit tab's segment (<c>/{unit}/van-ban</c>) and the site-wide page's path.</summary>
    public const string Segment = "van-ban";

    /// <summary>Set when the address held a filter value the register does not know; the rest still applies.</summary>
    public bool IgnoredValues { get; init; }

    public RegisterSort Sort { get; init; }
}
