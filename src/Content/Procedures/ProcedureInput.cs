using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CchcSite.Content.Text;

namespace CchcSite.Content.Procedures;

/// <summary>
/// A procedure as a person types it, in the editor's form or in a row of an import file: every field as text, the lists one item
/// per line. <see cref="ProcedureInputRules.Check"/> is the one place that turns it into <see cref="ProcedureValues"/> or
/// Vietnamese messages by field, so the form and the import accept and refuse exactly the same things.
/// </summary>
public sealed class ProcedureInput
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    /// <summary>Lĩnh vực: its name or its slug.</summary>
    public string? Field { get; set; }
    /// <summary>Cấp thực hiện: its name or its slug.</summary>
    public string? Level { get; set; }
    public string? ProcedureType { get; set; }
    public string? ImplementingBody { get; set; }
    public string? CompetentBody { get; set; }
    public string? WhereToSubmit { get; set; }
    /// <summary>One step per line.</summary>
    public string? Steps { get; set; }
    /// <summary>One way per line: "Trực tiếp | thời hạn | phí | mô tả".</summary>
    public string? Ways { get; set; }
    /// <summary>
    /// One component per line: "Tên giấy tờ | số bản chính | số bản sao | tên mẫu đơn | tệp mẫu", the last the name of a file in the
    /// managing unit's library (uploaded there first), which the public page offers for download.
    /// </summary>
    public string? Dossier { get; set; }
    public string? ProcessingTime { get; set; }
    /// <summary>Phí, lệ phí as the citizen reads it.</summary>
    public string? Fees { get; set; }
    /// <summary>The fee in đồng: a number or "Không"; empty when the text is not one amount.</summary>
    public string? FeeAmount { get; set; }
    public string? Subjects { get; set; }
    public string? Result { get; set; }
    /// <summary>One legal document per line.</summary>
    public string? LegalBases { get; set; }
    public string? Requirements { get; set; }
    /// <summary>"Toàn trình", "Một phần" or "Không".</summary>
    public string? OnlineLevel { get; set; }
    public string? PortalUrl { get; set; }
    /// <summary>The other units that handle it besides the managing unit: their addresses, separated by commas or semicolons.</summary>
    public string? Units { get; set; }
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
    /// <summary>"Đang hiệu lực", "Đã sửa đổi, thay thế" or "Đã bãi bỏ".</summary>
    public string? Status { get; set; }
    public DateOnly? StatusSince { get; set; }
    public string? ReplacedBy { get; set; }

    /// <summary>A procedure as the form and the export show it, so that saving it unchanged changes nothing.</summary>
    public static ProcedureInput From(Procedure p, string fieldName, string levelName, IEnumerable<string> otherUnitSlugs,
        IReadOnlyDictionary<int, string> fileNames) => new()
    {
        Code = p.Code, Name = p.Name, Field = fieldName, Level = levelName, ProcedureType = p.ProcedureType, ImplementingBody = p.ImplementingBody,
        CompetentBody = p.CompetentBody, WhereToSubmit = p.WhereToSubmit, Steps = string.Join("\n", p.Steps),
        Ways = string.Join("\n", p.Ways.Select(w => ProcedureInputRules.Line(w.Channel.Vietnamese(), w.ProcessingTime, w.Fee, w.Description))),
        Dossier = string.Join("\n", p.Dossier.Select(d => ProcedureInputRules.Line(d.Name, d.Originals.ToString(CultureInfo.InvariantCulture),
            d.Copies.ToString(CultureInfo.InvariantCulture), d.FormName, d.FormAssetId is { } file ? fileNames.GetValueOrDefault(file) : null))),
        ProcessingTime = p.ProcessingTime, Fees = p.Fees,
        FeeAmount = p.FeeAmount switch { null => null, 0 => "Không", { } amount => amount.ToString("0", CultureInfo.InvariantCulture) },
        Subjects = p.Subjects, Result = p.Result, LegalBases = string.Join("\n", p.LegalBases.Select(l => l.Text)), Requirements = p.Requirements,
        OnlineLevel = p.OnlineLevel switch { OnlineServiceLevel.Full => "Toàn trình", OnlineServiceLevel.Partial => "Một phần", _ => "Không" },
        PortalUrl = p.PortalUrl, Units = string.Join(", ", otherUnitSlugs), DecisionNumber = p.DecisionNumber, DecisionDate = p.DecisionDate,
        Status = p.Status.Vietnamese(), StatusSince = p.StatusSince, ReplacedBy = p.ReplacedByCode,
    };
}

/// <summary>A procedure's fields once checked: what is stored, whether it comes from the form or a file.</summary>
public sealed record ProcedureValues(
    string Code, string Name, ProcedureTerm Field, ProcedureTerm Level, string? ProcedureType, string ImplementingBody, string? CompetentBody,
    string? WhereToSubmit, IReadOnlyList<string> Steps, IReadOnlyList<SubmissionWay> Ways, IReadOnlyList<DossierComponent> Dossier,
    string ProcessingTime, string Fees, decimal? FeeAmount, string Subjects, string Result, IReadOnlyList<string> LegalBases, string? Requirements,
    OnlineServiceLevel OnlineLevel, string? PortalUrl, IReadOnlyList<string> OtherUnitSlugs, string? DecisionNumber, DateOnly? DecisionDate,
    ProcedureStatus Status, DateOnly? StatusSince, string? ReplacedBy);

/// <summary>What a check needs to know of the site: the lists' values, the units' addresses and the managing unit's files.</summary>
public sealed class ProcedureCatalog(IReadOnlyList<ProcedureTerm> terms, IReadOnlyDictionary<string, int> unitIdsBySlug,
    IReadOnlyDictionary<string, int>? files = null)
{
    private readonly Dictionary<(ProcedureList, string), ProcedureTerm> _terms = terms
        .SelectMany(t => new[] { (Key: (t.List, t.Slug), Term: t), (Key: (t.List, Slug.From(t.Name)), Term: t) })
        .DistinctBy(x => x.Key).ToDictionary(x => x.Key, x => x.Term);

    public IReadOnlyList<ProcedureTerm> Terms { get; } = terms;

    public IReadOnlyDictionary<string, int> UnitIdsBySlug { get; } = unitIdsBySlug;

    /// <summary>The managing unit's library files by name (ignoring case): the forms a dossier component can offer.</summary>
    public IReadOnlyDictionary<string, int> Files { get; } = files ?? new Dictionary<string, int>();

    /// <summary>A list's value by its slug or its name, ignoring case and tones.</summary>
    public ProcedureTerm? Term(ProcedureList list, string text) =>
        _terms.GetValueOrDefault((list, text.Trim())) ?? _terms.GetValueOrDefault((list, Slug.From(text)));
}

public static partial class ProcedureInputRules
{
    /// <summary>The field's title, as the form labels it and as the import's header row names its column; the order is the template's.</summary>
    public static readonly IReadOnlyList<(string Field, string Title, bool Required)> Fields =
    [
        (nameof(ProcedureInput.Code), "Mã thủ tục", true),
        (nameof(ProcedureInput.Name), "Tên thủ tục", true),
        (nameof(ProcedureInput.Field), "Lĩnh vực", true),
        (nameof(ProcedureInput.Level), "Cấp thực hiện", true),
        (nameof(ProcedureInput.ProcedureType), "Loại thủ tục", false),
        (nameof(ProcedureInput.ImplementingBody), "Cơ quan thực hiện", true),
        (nameof(ProcedureInput.CompetentBody), "Cơ quan có thẩm quyền", false),
        (nameof(ProcedureInput.WhereToSubmit), "Địa chỉ tiếp nhận hồ sơ", false),
        (nameof(ProcedureInput.Steps), "Trình tự thực hiện", false),
        (nameof(ProcedureInput.Ways), "Cách thức thực hiện", false),
        (nameof(ProcedureInput.Dossier), "Thành phần hồ sơ", false),
        (nameof(ProcedureInput.ProcessingTime), "Thời hạn giải quyết", true),
        (nameof(ProcedureInput.Fees), "Phí, lệ phí", true),
        (nameof(ProcedureInput.FeeAmount), "Mức phí (đồng)", false),
        (nameof(ProcedureInput.Subjects), "Đối tượng thực hiện", true),
        (nameof(ProcedureInput.Result), "Kết quả thực hiện", true),
        (nameof(ProcedureInput.LegalBases), "Căn cứ pháp lý", false),
        (nameof(ProcedureInput.Requirements), "Yêu cầu, điều kiện", false),
        (nameof(ProcedureInput.OnlineLevel), "Mức độ dịch vụ công trực tuyến", false),
        (nameof(ProcedureInput.PortalUrl), "Địa chỉ trên Cổng Dịch vụ công", false),
        (nameof(ProcedureInput.Units), "Đơn vị phối hợp giải quyết", false),
        (nameof(ProcedureInput.DecisionNumber), "Số quyết định công bố", false),
        (nameof(ProcedureInput.DecisionDate), "Ngày quyết định công bố", false),
        (nameof(ProcedureInput.Status), "Tình trạng", false),
        (nameof(ProcedureInput.StatusSince), "Ngày áp dụng tình trạng", false),
        (nameof(ProcedureInput.ReplacedBy), "Thay thế bởi mã", false),
    ];

    private static readonly Dictionary<string, string> TitleOf = Fields.ToDictionary(f => f.Field, f => f.Title);

    public static string Title(string field) => TitleOf[field];

    /// <summary>The parts of a line of a list, as the form and the file write them: "a | b | c"; trailing empty parts dropped.</summary>
    public static string Line(params string?[] parts)
    {
        var last = Array.FindLastIndex(parts, p => !string.IsNullOrWhiteSpace(p));
        return string.Join(" | ", parts.Take(last + 1).Select(p => p?.Trim() ?? ""));
    }

    /// <summary>
    /// The one check of a typed procedure. Messages are keyed by <see cref="ProcedureInput"/>'s property names; a value is
    /// returned only when there is no message.
    /// </summary>
    public static ProcedureValues? Check(ProcedureInput input, ProcedureCatalog catalog, List<KeyValuePair<string, string>> errors)
    {
        var start = errors.Count;
        void Fail(string field, string message) => errors.Add(KeyValuePair.Create(field, message));
        string? Text(string field, string? value, int max, bool required)
        {
            var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim().Normalize(NormalizationForm.FormC);
            if (text is null && required)
                Fail(field, $"Vui lòng nhập {Title(field).ToLower(CultureInfo.GetCultureInfo("vi-VN"))}.");
            else if (text is not null && text.Length > max)
                Fail(field, TextLimit.TooLong(Title(field), max));
            return text;
        }
        IReadOnlyList<string> Lines(string field, string? value, int maxLines)
        {
            var lines = (value ?? "").Normalize(NormalizationForm.FormC).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            if (lines.Count > maxLines)
                Fail(field, $"{Title(field)} không quá {maxLines} dòng.");
            if (lines.FirstOrDefault(l => l.Length > ProcedureRules.MaxText) is not null)
                Fail(field, $"Mỗi dòng của {Title(field).ToLower(CultureInfo.GetCultureInfo("vi-VN"))} không quá {ProcedureRules.MaxText} ký tự.");
            return lines;
        }

        var code = input.Code?.Trim();
        if (string.IsNullOrEmpty(code))
            Fail(nameof(input.Code), "Vui lòng nhập mã thủ tục.");
        else if (!ProcedureRules.IsCode(code))
            Fail(nameof(input.Code), $"Mã thủ tục \"{Shorten(code)}\" không đúng dạng: một hoặc hai chữ số, dấu chấm, sáu chữ số (ví dụ 1.001193 hoặc 2.000123).");
        var name = Text(nameof(input.Name), input.Name, ProcedureRules.MaxName, true);
        var field = TermOf(nameof(input.Field), ProcedureList.Field, input.Field, "Lĩnh vực", catalog, Fail);
        var level = TermOf(nameof(input.Level), ProcedureList.Level, input.Level, "Cấp thực hiện", catalog, Fail);
        var type = Text(nameof(input.ProcedureType), input.ProcedureType, ProcedureRules.MaxShort, false);
        var implementing = Text(nameof(input.ImplementingBody), input.ImplementingBody, ProcedureRules.MaxShort, true);
        var competent = Text(nameof(input.CompetentBody), input.CompetentBody, ProcedureRules.MaxShort, false);
        var where = Text(nameof(input.WhereToSubmit), input.WhereToSubmit, ProcedureRules.MaxText, false);
        var steps = Lines(nameof(input.Steps), input.Steps, ProcedureRules.MaxSteps);
        var ways = new List<SubmissionWay>();
        foreach (var line in Lines(nameof(input.Ways), input.Ways, 3))
        {
            var parts = Parts(line);
            if (ChannelOf(parts[0]) is not { } channel)
                Fail(nameof(input.Ways), $"Cách thức \"{Shorten(parts[0])}\" không rõ: mỗi dòng bắt đầu bằng \"Trực tiếp\", \"Bưu chính\" hoặc \"Trực tuyến\".");
            else if (ways.Any(w => w.Channel == channel))
                Fail(nameof(input.Ways), $"Cách thức \"{channel.Vietnamese()}\" ghi hai lần.");
            else
                ways.Add(new SubmissionWay { Channel = channel, ProcessingTime = Part(parts, 1), Fee = Part(parts, 2), Description = Part(parts, 3) });
        }
        var dossier = new List<DossierComponent>();
        var dossierLines = Lines(nameof(input.Dossier), input.Dossier, ProcedureRules.MaxDossier);
        for (var i = 0; i < dossierLines.Count; i++)
        {
            var parts = Parts(dossierLines[i]);
            int? Count(int index)
            {
                if (Part(parts, index) is not { } text)
                    return index == 1 ? 1 : 0;
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= 99)
                    return count;
                Fail(nameof(input.Dossier), $"Thành phần hồ sơ dòng {i + 1}: số bản \"{Shorten(text)}\" phải là số nguyên từ 0 đến 99.");
                return null;
            }
            var (originals, copies) = (Count(1), Count(2));
            int? file = null;
            if (Part(parts, 4) is { } fileName)
            {
                if (catalog.Files.TryGetValue(fileName, out var id))
                    file = id;
                else
                    Fail(nameof(input.Dossier), $"Thành phần hồ sơ dòng {i + 1}: không có tệp \"{Shorten(fileName)}\" trong thư viện của đơn vị; vui lòng tải tệp mẫu lên Thư viện ảnh và tệp trước.");
            }
            if (parts[0].Length == 0)
                Fail(nameof(input.Dossier), $"Thành phần hồ sơ dòng {i + 1}: vui lòng ghi tên giấy tờ.");
            else if (originals is not null && copies is not null)
                dossier.Add(new DossierComponent { Name = parts[0], Originals = originals.Value, Copies = copies.Value, FormName = Part(parts, 3), FormAssetId = file });
        }
        var processing = Text(nameof(input.ProcessingTime), input.ProcessingTime, ProcedureRules.MaxText, true);
        var fees = Text(nameof(input.Fees), input.Fees, ProcedureRules.MaxText, true);
        decimal? feeAmount = null;
        if (!string.IsNullOrWhiteSpace(input.FeeAmount))
        {
            if (FeeAmountOf(input.FeeAmount) is { } amount)
                feeAmount = amount;
            else
                Fail(nameof(input.FeeAmount), $"Mức phí \"{Shorten(input.FeeAmount.Trim())}\" phải là số tiền (ví dụ 50000 hoặc 50.000) hoặc \"Không\".");
        }
        else if (fees is not null && ProcedureRules.TryParseFee(fees, out var parsed))
            feeAmount = parsed;
        var subjects = Text(nameof(input.Subjects), input.Subjects, ProcedureRules.MaxText, true);
        var result = Text(nameof(input.Result), input.Result, ProcedureRules.MaxText, true);
        var legal = Lines(nameof(input.LegalBases), input.LegalBases, ProcedureRules.MaxDossier);
        var requirements = Text(nameof(input.Requirements), input.Requirements, ProcedureRules.MaxLongText, false);
        var online = ProcedureRules.OnlineLevelFromText(input.OnlineLevel);
        if (online is null)
            Fail(nameof(input.OnlineLevel), $"Mức độ dịch vụ công trực tuyến \"{Shorten(input.OnlineLevel!.Trim())}\" không rõ: ghi \"Toàn trình\", \"Một phần\" hoặc \"Không\".");
        var portal = Text(nameof(input.PortalUrl), input.PortalUrl, ProcedureRules.MaxUrl, false);
        if (portal is not null && !(Uri.TryCreate(portal, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"))
            Fail(nameof(input.PortalUrl), "Địa chỉ trên Cổng Dịch vụ công phải là một địa chỉ web đầy đủ (https://…).");
        var others = (input.Units ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (others.FirstOrDefault(s => !catalog.UnitIdsBySlug.ContainsKey(s)) is { } unknownUnit)
            Fail(nameof(input.Units), $"Không có đơn vị \"{Shorten(unknownUnit)}\" trên trang; ghi địa chỉ chuyên trang của đơn vị (ví dụ so-gddt-soc-trang).");
        var decision = Text(nameof(input.DecisionNumber), input.DecisionNumber, ProcedureRules.MaxDecisionNumber, false);
        if (input.DecisionDate is not null && decision is null)
            Fail(nameof(input.DecisionNumber), "Vui lòng ghi số quyết định công bố cùng với ngày của quyết định.");
        var status = StatusOf(input.Status);
        if (status is null)
            Fail(nameof(input.Status), $"Tình trạng \"{Shorten(input.Status!.Trim())}\" không rõ: ghi \"Đang hiệu lực\", \"Đã sửa đổi, thay thế\" hoặc \"Đã bãi bỏ\".");
        var replacedBy = string.IsNullOrWhiteSpace(input.ReplacedBy) ? null : input.ReplacedBy.Trim();
        if (replacedBy is not null && !ProcedureRules.IsCode(replacedBy))
            Fail(nameof(input.ReplacedBy), $"Mã thủ tục thay thế \"{Shorten(replacedBy)}\" không đúng dạng (ví dụ 1.001193).");
        else if (replacedBy is not null && replacedBy == code)
            Fail(nameof(input.ReplacedBy), "Thủ tục không thể thay thế chính nó.");
        else if (replacedBy is not null && status != ProcedureStatus.Replaced)
            Fail(nameof(input.ReplacedBy), "Chỉ thủ tục có tình trạng \"Đã sửa đổi, thay thế\" mới ghi mã thủ tục thay thế.");

        if (errors.Count > start)
            return null;
        return new ProcedureValues(code!, name!, field!, level!, type, implementing!, competent, where, steps, ways, dossier, processing!, fees!,
            feeAmount, subjects!, result!, legal, requirements, online!.Value, portal, others, decision, input.DecisionDate, status!.Value,
            input.StatusSince, replacedBy);
    }

    /// <summary>Writes checked values into a procedure (new or loaded); the units and the revision are the caller's.</summary>
    public static void Apply(Procedure p, ProcedureValues v)
    {
        p.Code = v.Code;
        p.Name = v.Name;
        p.FoldedName = ProcedureRules.Fold(v.Name);
        p.Field = v.Field;
        p.FieldId = v.Field.Id;
        p.Level = v.Level;
        p.LevelId = v.Level.Id;
        p.ProcedureType = v.ProcedureType;
        p.ImplementingBody = v.ImplementingBody;
        p.CompetentBody = v.CompetentBody;
        p.WhereToSubmit = v.WhereToSubmit;
        p.Steps = [.. v.Steps];
        p.Ways = [.. v.Ways];
        // A component that names no file and keeps its name keeps its form file (an import from the national database has none).
        var files = p.Dossier.Where(d => d.FormAssetId is not null).DistinctBy(d => d.Name).ToDictionary(d => d.Name, d => d.FormAssetId);
        p.Dossier = v.Dossier.Select(d => new DossierComponent
        {
            Name = d.Name, Originals = d.Originals, Copies = d.Copies, FormName = d.FormName, FormAssetId = d.FormAssetId ?? files.GetValueOrDefault(d.Name),
        }).ToList();
        p.ProcessingTime = v.ProcessingTime;
        p.Fees = v.Fees;
        p.FeeAmount = v.FeeAmount;
        p.Subjects = v.Subjects;
        p.Result = v.Result;
        // A basis that keeps its text keeps its link to the Document post.
        var links = p.LegalBases.DistinctBy(l => l.Text).ToDictionary(l => l.Text, l => l.DocumentPostId);
        p.LegalBases = v.LegalBases.Select(t => new LegalBasis { Text = t, DocumentPostId = links.GetValueOrDefault(t) }).ToList();
        p.Requirements = v.Requirements;
        p.OnlineLevel = v.OnlineLevel;
        p.PortalUrl = v.PortalUrl;
        if (p.DecisionNumber != v.DecisionNumber)
            p.DecisionPostId = null;
        p.DecisionNumber = v.DecisionNumber;
        p.DecisionDate = v.DecisionDate;
        p.Status = v.Status;
        p.StatusSince = v.StatusSince;
        p.ReplacedByCode = v.ReplacedBy;
    }

    /// <summary>"Không" is 0; a whole number of đồng with or without thousands dots ("50000", "50.000"); else null.</summary>
    public static decimal? FeeAmountOf(string text)
    {
        var t = text.Trim();
        if (ProcedureRules.Fold(t) == "khong")
            return 0;
        return AmountPattern().IsMatch(t) && decimal.TryParse(t.Replace(".", "").Replace(",", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v : null;
    }

    [GeneratedRegex(@"^(\d{1,3}([.,]\d{3})+|\d{1,12})$", RegexOptions.CultureInvariant)]
    private static partial Regex AmountPattern();

    public static ProcedureStatus? StatusOf(string? text) => ProcedureRules.Fold(text ?? "") switch
    {
        "" or "dang hieu luc" or "con hieu luc" or "hieu luc" => ProcedureStatus.InForce,
        "da sua doi, thay the" or "da duoc sua doi, thay the" or "da thay the" or "thay the" => ProcedureStatus.Replaced,
        "da bai bo" or "bai bo" => ProcedureStatus.Abolished,
        _ => null,
    };

    private static SubmissionChannel? ChannelOf(string text) => ProcedureRules.Fold(text) switch
    {
        "truc tiep" => SubmissionChannel.InPerson,
        "buu chinh" or "qua dich vu buu chinh" or "dich vu buu chinh" => SubmissionChannel.Post,
        "truc tuyen" => SubmissionChannel.Online,
        _ => null,
    };

    private static ProcedureTerm? TermOf(string field, ProcedureList list, string? text, string label, ProcedureCatalog catalog, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            fail(field, $"Vui lòng chọn {label.ToLower(CultureInfo.GetCultureInfo("vi-VN"))}.");
            return null;
        }
        var term = catalog.Term(list, text);
        if (term is null)
            fail(field, $"{label} \"{Shorten(text.Trim())}\" không có trong danh mục; các giá trị được dùng: "
                        + string.Join(", ", catalog.Terms.Where(t => t.List == list).Select(t => t.Name)) + ".");
        return term;
    }

    private static string[] Parts(string line) => line.Split('|').Select(p => p.Trim()).ToArray();

    private static string? Part(string[] parts, int index) => index < parts.Length && parts[index].Length > 0 ? parts[index] : null;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
