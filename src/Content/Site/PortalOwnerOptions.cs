namespace CchcSite.Content.Site;

/// <summary>
/// Who runs the portal, as Decree 42/2022 asks a state portal to show on every page (the footer): the owning agency,
/// the person responsible for its content, its address, phone, e-mail and licence line. From configuration
/// (section <c>Portal</c>), since it belongs to the deployment, not to the content; a blank value is left out.
/// </summary>
public sealed class PortalOwnerOptions
{
    public const string Section = "Portal";

    /// <summary>Cơ quan chủ quản, e.g. "Ủy ban nhân dân tỉnh Sóc Trăng".</summary>
    public string? Agency { get; set; }
    /// <summary>Người chịu trách nhiệm nội dung, with their position.</summary>
    public string? Responsible { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    /// <summary>Giấy phép: the licence line as issued, e.g. "Giấy phép số 12/GP-STTTT ngày 01/02/2024 của Sở TT&amp;TT".</summary>
    public string? Licence { get; set; }
}
