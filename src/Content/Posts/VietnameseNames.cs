namespace CchcSite.Content.Posts;

public static class VietnameseNames
{
    public static string Vietnamese(this DocumentType type) => type switch
    {
        DocumentType.Plan => "Kế hoạch",
        DocumentType.Decision => "Quyết định",
        DocumentType.Directive => "Chỉ thị",
        DocumentType.OfficialLetter => "Công văn",
        DocumentType.Notice => "Thông báo",
        DocumentType.Report => "Báo cáo",
        DocumentType.Resolution => "Nghị quyết",
        _ => "Văn bản khác",
    };

    public static string Vietnamese(this Audience audience) => audience switch
    {
        Audience.CivilServants => "Cán bộ, công chức, viên chức",
        Audience.CitizensAndBusinesses => "Người dân và doanh nghiệp",
        _ => "Mọi đối tượng",
    };

    /// <summary>How the relation reads from the side of the document that holds it, and from the other side.</summary>
    public static (string Forward, string Backward) Vietnamese(this DocumentRelationKind kind) => kind switch
    {
        DocumentRelationKind.Implements => ("Thực hiện văn bản", "Được triển khai bởi"),
        DocumentRelationKind.Replaces => ("Thay thế văn bản", "Bị thay thế bởi"),
        _ => ("Sửa đổi, bổ sung văn bản", "Được sửa đổi, bổ sung bởi"),
    };
}
