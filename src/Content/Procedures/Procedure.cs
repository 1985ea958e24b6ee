using CchcSite.Content.Posts;
using CchcSite.Content.Search;
using CchcSite.Content.Units;

namespace CchcSite.Content.Procedures;

/// <summary>
/// An administrative procedure (thủ tục hành chính) with the national database's fields. Fields and levels are rows of
/// <see cref="ProcedureTerm"/>, not enums: the 2025 reorganisation changed the levels once and will not be the last.
/// </summary>
public class Procedure : ISearchItem
{
    /// <summary>The name of procedures as a search source (<see cref="ProcedureSearchSource"/>), in outbox rows and cache tags.</summary>
    public const string SourceName = "procedure";

    public int Id { get; set; }
    string ISearchItem.SearchSource => SourceName;
    /// <summary>Mã thủ tục in the national database, e.g. "1.001193"; unique, the procedure's address.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>The name lower-cased with tones and "đ" folded away, for the list's search box ("dang ky khai sinh").</summary>
    public string FoldedName { get; set; } = "";
    public int FieldId { get; set; }
    public ProcedureTerm Field { get; set; } = null!;
    public int LevelId { get; set; }
    public ProcedureTerm Level { get; set; } = null!;
    /// <summary>Loại thủ tục, e.g. "TTHC được luân chuyển trong hệ thống một cửa".</summary>
    public string? ProcedureType { get; set; }
    /// <summary>Cơ quan thực hiện.</summary>
    public required string ImplementingBody { get; set; }
    /// <summary>Cơ quan có thẩm quyền quyết định.</summary>
    public string? CompetentBody { get; set; }
    /// <summary>Địa chỉ tiếp nhận hồ sơ.</summary>
    public string? WhereToSubmit { get; set; }
    /// <summary>Trình tự thực hiện, one step per entry.</summary>
    public List<string> Steps { get; set; } = [];
    /// <summary>Cách thức thực hiện: each way with its own time and fee where they differ.</summary>
    public List<SubmissionWay> Ways { get; set; } = [];
    /// <summary>Thành phần hồ sơ.</summary>
    public List<DossierComponent> Dossier { get; set; } = [];
    /// <summary>Thời hạn giải quyết, as the database words it ("03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ").</summary>
    public required string ProcessingTime { get; set; }
    /// <summary>Phí, lệ phí in words ("Không", "8.000 đồng/bản"); <see cref="FeeAmount"/> is its number when there is one.</summary>
    public required string Fees { get; set; }
    /// <summary>The fee in đồng for the list and the API; 0 for "Không"; null when it depends (several rates).</summary>
    public decimal? FeeAmount { get; set; }
    /// <summary>Đối tượng thực hiện.</summary>
    public required string Subjects { get; set; }
    /// <summary>Kết quả thực hiện.</summary>
    public required string Result { get; set; }
    /// <summary>Căn cứ pháp lý, each linked to its Document post when the site has it.</summary>
    public List<LegalBasis> LegalBases { get; set; } = [];
    /// <summary>Yêu cầu, điều kiện thực hiện.</summary>
    public string? Requirements { get; set; }
    public OnlineServiceLevel OnlineLevel { get; set; }
    /// <summary>The procedure on the national public-service portal (dichvucong.gov.vn).</summary>
    public string? PortalUrl { get; set; }
    /// <summary>The units that handle it; the first is the one the editor area files it under.</summary>
    public List<ProcedureUnit> Units { get; set; } = [];
    /// <summary>The announcing decision (quyết định công bố) of the current text.</summary>
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
    public int? DecisionPostId { get; set; }
    public Post? DecisionPost { get; set; }
    public ProcedureStatus Status { get; set; }
    /// <summary>In force since (or replaced, abolished on).</summary>
    public DateOnly? StatusSince { get; set; }
    /// <summary>The procedure that replaces this one, by code.</summary>
    public string? ReplacedByCode { get; set; }
    public List<ProcedureRevision> Revisions { get; set; } = [];
    /// <summary>Changes on every save: an editor saving over someone else's change is told so.</summary>
    public Guid Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A value of one of the procedure lists (lĩnh vực, cấp thực hiện), kept as data so a unit can add to it.</summary>
public class ProcedureTerm
{
    public int Id { get; set; }
    public ProcedureList List { get; set; }
    /// <summary>The value in addresses and the API ("ho-tich", "cap-xa").</summary>
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
}

public enum ProcedureList
{
    /// <summary>Lĩnh vực.</summary>
    Field,
    /// <summary>Cấp thực hiện.</summary>
    Level,
}

/// <summary>Mức độ dịch vụ công trực tuyến (Nghị định 42/2022/NĐ-CP).</summary>
public enum OnlineServiceLevel
{
    /// <summary>Không có dịch vụ công trực tuyến.</summary>
    None,
    /// <summary>Dịch vụ công trực tuyến một phần.</summary>
    Partial,
    /// <summary>Dịch vụ công trực tuyến toàn trình.</summary>
    Full,
}

public enum ProcedureStatus
{
    /// <summary>Đang hiệu lực.</summary>
    InForce,
    /// <summary>Đã được sửa đổi, thay thế by another procedure (<see cref="Procedure.ReplacedByCode"/>).</summary>
    Replaced,
    /// <summary>Đã bãi bỏ.</summary>
    Abolished,
}

/// <summary>What an announcing decision did to a procedure; the public change list groups these by decision.</summary>
public enum ProcedureChange
{
    New,
    Amended,
    Replaced,
    Abolished,
}

public enum SubmissionChannel
{
    /// <summary>Trực tiếp.</summary>
    InPerson,
    /// <summary>Dịch vụ bưu chính.</summary>
    Post,
    /// <summary>Trực tuyến.</summary>
    Online,
}

/// <summary>Một cách thức thực hiện.</summary>
public class SubmissionWay
{
    public SubmissionChannel Channel { get; set; }
    public string? ProcessingTime { get; set; }
    public string? Fee { get; set; }
    public string? Description { get; set; }
}

/// <summary>Một thành phần hồ sơ, with its form (mẫu đơn, tờ khai) from the media store when there is one.</summary>
public class DossierComponent
{
    public required string Name { get; set; }
    public int Originals { get; set; }
    public int Copies { get; set; }
    /// <summary>The form's name as the decision lists it ("Mẫu số 01/TP-HT").</summary>
    public string? FormName { get; set; }
    public int? FormAssetId { get; set; }
}

public class LegalBasis
{
    public required string Text { get; set; }
    public int? DocumentPostId { get; set; }
}

public class ProcedureUnit
{
    public int ProcedureId { get; set; }
    public int UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public int SortOrder { get; set; }
}

/// <summary>
/// One save of a procedure: who, when, what the decision did (when a decision is behind it), and the whole procedure as
/// it stood, as JSON, so that any revision can be shown and compared without a table per field.
/// </summary>
public class ProcedureRevision
{
    public long Id { get; set; }
    public int ProcedureId { get; set; }
    public int Number { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    /// <summary>"Nhập từ tệp", "Sửa trực tiếp", "Dữ liệu khởi tạo".</summary>
    public required string Source { get; set; }
    public ProcedureChange? Change { get; set; }
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
    /// <summary>The fields this save changed, by their Vietnamese names; empty for the first.</summary>
    public List<string> ChangedFields { get; set; } = [];
    public required string Snapshot { get; set; }
}
