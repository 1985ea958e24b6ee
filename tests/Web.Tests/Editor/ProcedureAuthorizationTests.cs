using System.Text;
using CchcSite.Content.Procedures;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Editor;

/// <summary>
/// Who manages procedures: approvers of the managing unit and administrators. An approver of another unit reaches the list and
/// the form for their own unit, never this unit's procedures; everyone refused changes nothing.
/// </summary>
public sealed class ProcedureAuthorizationTests(EditorSite site) : IClassFixture<EditorSite>
{
    public enum Endpoint { ListPage, NewForm, Create, EditForm, Update, Preview, Apply, Template }

    public static TheoryData<Endpoint, Who> Cases() => AuthorizationMatrix.Cases<Endpoint>();

    private static readonly HashSet<Who> Managers = [Who.Administrator, Who.Approver];

    /// <summary>A procedure of its own for each case, managed by the unit under test, with a code no other case uses.</summary>
    private Task<string> ProcedureOfTheUnitAsync(int n) => site.WithDbAsync(async db =>
    {
        var unitId = await db.Units.Where(u => u.Slug == AuthorizationMatrix.Unit).Select(u => u.Id).SingleAsync();
        var field = await db.ProcedureTerms.FirstAsync(t => t.List == ProcedureList.Field && t.Slug == "giao-duc-dao-tao");
        var level = await db.ProcedureTerms.FirstAsync(t => t.List == ProcedureList.Level && t.Slug == "cap-huyen");
        var code = $"9.{700000 + n * 10:D6}";
        db.Procedures.Add(new Procedure
        {
            Code = code, Name = "Thủ tục của ma trận quyền", FoldedName = "thu tuc cua ma tran quyen", Field = field, Level = level,
            ImplementingBody = "Phòng GDĐT", ProcessingTime = "05 ngày", Fees = "Không", FeeAmount = 0, Subjects = "Cá nhân", Result = "Văn bản",
            Units = [new ProcedureUnit { UnitId = unitId }], Version = Guid.NewGuid(),
            Revisions = [new ProcedureRevision { Number = 1, Source = "Dữ liệu khởi tạo", Snapshot = "{}" }],
        });
        await db.SaveChangesAsync();
        return code;
    });

    /// <summary>What a step can change: the case's procedures (names, revisions) and the audit entries about procedures.</summary>
    private Task<string> StateAsync(string code) => site.WithDbAsync(async db =>
    {
        var prefix = code[..^1];
        var rows = await db.Procedures.Where(p => p.Code.StartsWith(prefix)).OrderBy(p => p.Code)
            .Select(p => $"{p.Code}:{p.Name}:{p.ProcessingTime}:{p.Revisions.Count}").ToListAsync();
        var audit = await db.AuditEntries.CountAsync(e => e.Action.StartsWith("procedure."));
        return string.Join(";", rows) + $"|{audit}";
    });

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_user_gets_exactly_the_allowed_outcome_and_a_refusal_changes_nothing(Endpoint endpoint, Who who)
    {
        var code = await ProcedureOfTheUnitAsync((int)endpoint * 8 + (int)who);
        var before = await StateAsync(code);
        var browser = await AuthorizationMatrix.BrowserForAsync(site, who, $"thu-tuc-{endpoint}-{who}".ToLowerInvariant());
        var created = code[..^1] + "1";
        Dictionary<string, string> Form(string name) => new()
        {
            ["don-vi"] = AuthorizationMatrix.Unit, ["Code"] = created, ["Name"] = name, ["Field"] = "Giáo dục và Đào tạo", ["Level"] = "Cấp huyện",
            ["ImplementingBody"] = "Phòng GDĐT", ["ProcessingTime"] = "03 ngày", ["Fees"] = "Không", ["Subjects"] = "Cá nhân", ["Result"] = "Văn bản",
            ["OnlineLevel"] = "Không", ["Status"] = "Đang hiệu lực",
        };
        var file = Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join(",", ProcedureImport.Titles.Take(2)) + $"\r\n{code},Tên nhập từ tệp\r\n"));
        var fullFile = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            "Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Cơ quan thực hiện,Thời hạn giải quyết,Phí,Đối tượng thực hiện,Kết quả thực hiện\r\n"
            .Replace("Phí", "\"Phí, lệ phí\"") + $"{code},Tên nhập từ tệp,Giáo dục và Đào tạo,Cấp huyện,Phòng GDĐT,07 ngày,Không,Cá nhân,Văn bản\r\n"));
        Dictionary<string, string> Import(bool apply) => new()
        {
            ["don-vi"] = AuthorizationMatrix.Unit, ["noi-dung"] = apply ? fullFile : file, ["ten-tep"] = "thu-tuc.csv", ["ap-dung"] = apply ? "true" : "false",
        };
        var response = endpoint switch
        {
            Endpoint.ListPage => await browser.GetAsync("/quan-tri/thu-tuc"),
            Endpoint.NewForm => await browser.GetAsync("/quan-tri/thu-tuc/moi"),
            Endpoint.Create => await EditorSite.PostFormAsync(browser, "/quan-tri/thu-tuc/moi", Form("Thủ tục mới của ma trận")),
            Endpoint.EditForm => await browser.GetAsync($"/quan-tri/thu-tuc/{code}"),
            Endpoint.Update => await EditorSite.PostFormAsync(browser, $"/quan-tri/thu-tuc/{code}",
                new(Form("Tên đã sửa")) { ["phien-ban"] = await site.WithDbAsync(db => db.Procedures.Where(p => p.Code == code).Select(p => p.Version.ToString()).SingleAsync()) }),
            // Without a file and without "apply", the form asks for a file again (422) — for those who may import at all.
            Endpoint.Preview => await EditorSite.PostFormAsync(browser, "/quan-tri/thu-tuc/nhap", Import(apply: false)),
            Endpoint.Apply => await EditorSite.PostFormAsync(browser, "/quan-tri/thu-tuc/nhap", Import(apply: true)),
            _ => await browser.GetAsync("/quan-tri/thu-tuc/mau-nhap.csv"),
        };

        // The list and the new form are open to an approver of any unit (their own unit's procedures); the template to every editor.
        var allowed = endpoint switch
        {
            Endpoint.Template => who != Who.Anonymous,
            Endpoint.ListPage or Endpoint.NewForm => Managers.Contains(who) || who == Who.OtherApprover,
            _ => Managers.Contains(who),
        };
        var expected = who == Who.Anonymous ? Outcome.Login
            : !allowed ? Outcome.Forbidden
            : endpoint == Endpoint.Preview ? Outcome.Refused
            : Outcome.Allowed;
        Assert.Equal(expected, AuthorizationMatrix.Classify(response, "/quan-tri/thu-tuc"));
        var after = await StateAsync(code);
        if (expected != Outcome.Allowed || endpoint is Endpoint.ListPage or Endpoint.NewForm or Endpoint.EditForm or Endpoint.Template)
        {
            Assert.Equal(before, after);
            return;
        }
        var state = await site.WithDbAsync(db => db.Procedures.Where(p => p.Code.StartsWith(code.Substring(0, code.Length - 1)))
            .OrderBy(p => p.Code).Select(p => new { p.Code, p.Name, p.ProcessingTime, Revisions = p.Revisions.Count }).ToListAsync());
        switch (endpoint)
        {
            case Endpoint.Create:
                Assert.Equal([(code, 1), (created, 1)], state.Select(s => (s.Code, s.Revisions)));
                break;
            case Endpoint.Update:
                Assert.Equal(("Tên đã sửa", 2), (state.Single().Name, state.Single().Revisions));
                break;
            default:
                Assert.Equal(("Tên nhập từ tệp", "07 ngày", 2), (state.Single().Name, state.Single().ProcessingTime, state.Single().Revisions));
                break;
        }
    }
}
