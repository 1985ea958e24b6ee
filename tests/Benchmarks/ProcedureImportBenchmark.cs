using System.Diagnostics;
using System.Globalization;
using CchcSite.Content;
using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Imports;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Procedures;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Benchmarks;

/// <summary>
/// Imports a generated file of procedures (every column filled, lists of several lines) into a new SQLite database file through
/// the site's own services: the dry run, the apply of all rows as new procedures, then a re-import that changes every row (an
/// update with a revision each). Usage: <c>-- procedures [rows] [csv|xlsx]</c>; 5,000 rows and CSV by default.
/// </summary>
public static class ProcedureImportBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
        var xlsx = args.Length > 1 && args[1] == "xlsx";
        var folder = Directory.CreateTempSubdirectory("cchc-bench-procedures-").FullName;
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Site:MediaPath"] = Path.Combine(folder, "media"),
                // The benchmark's file is the size the import is meant for; the limit stays the site's default.
                ["Imports:MaxRows"] = Math.Max(rows, 5000).ToString(CultureInfo.InvariantCulture),
            }).Build();
            await using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging()
                .AddCchcContent(ContentDatabase.Sqlite($"Data Source={Path.Combine(folder, "bench.db")}")).BuildServiceProvider();
            int unitId;
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CchcDbContext>();
                await db.Database.MigrateAsync();
                var unit = new Unit { Slug = "so-bench", Name = "Sở thử nghiệm", ShortName = "Sở TN", Kind = UnitKind.Department };
                db.Units.Add(unit);
                db.ProcedureTerms.AddRange(Fields.Select((f, i) => new ProcedureTerm { List = ProcedureList.Field, Slug = $"linh-vuc-{i}", Name = f, SortOrder = i }));
                db.ProcedureTerms.AddRange(Levels.Select((l, i) => new ProcedureTerm { List = ProcedureList.Level, Slug = $"cap-{i}", Name = l, SortOrder = i }));
                await db.SaveChangesAsync();
                unitId = unit.Id;
            }
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
            var first = File(rows, xlsx, revision: 0);
            var second = File(rows, xlsx, revision: 1);
            Console.WriteLine($"Generated {rows:N0} rows as {(xlsx ? "XLSX" : "CSV")}: {first.Length / 1024.0 / 1024.0:N1} MiB.");
            await TimeAsync(services, "dry run, all new", unitId, first, xlsx, dryRun: true);
            await TimeAsync(services, "apply, all new", unitId, first, xlsx, dryRun: false);
            await TimeAsync(services, "dry run, every row changed", unitId, second, xlsx, dryRun: true);
            await TimeAsync(services, "apply, every row changed", unitId, second, xlsx, dryRun: false);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static readonly string[] Fields = ["Hộ tịch", "Chứng thực", "Giáo dục và Đào tạo", "Bảo trợ xã hội", "Người có công", "Tài chính ngân sách"];
    private static readonly string[] Levels = ["Cấp tỉnh", "Cấp huyện", "Cấp xã"];

    private static async Task TimeAsync(ServiceProvider services, string what, int unitId, byte[] file, bool xlsx, bool dryRun)
    {
        await using var scope = services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<ProcedureImport>();
        // The machine is shared: the process's CPU time says what the import costs whatever else runs, the wall time what a user waits.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var outcome = await import.ImportAsync(unitId, new MemoryStream(file), xlsx ? "bench.xlsx" : "bench.csv", dryRun,
            new Actor("bench", "bench@cchc.test", null), CancellationToken.None);
        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        if (outcome is not Outcome<ProcedureImportSummary>.Ok ok)
            throw new InvalidOperationException(outcome.Problem);
        var counts = string.Join(", ", Enum.GetValues<ImportedChange>().Select(c => $"{c} {ok.Value.Count(c):N0}"));
        Console.WriteLine($"{what,-30} {clock.Elapsed.TotalSeconds,6:N2} s, CPU {cpu.TotalSeconds,6:N2} s  ({counts})");
    }

    /// <summary>Rows of realistic length: four steps, two ways, three dossier components, two legal bases.</summary>
    private static byte[] File(int rows, bool xlsx, int revision)
    {
        var titles = ProcedureImport.Titles;
        var lines = Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string?>)titles.Select(t => Cell(t, i, revision)).ToList());
        return xlsx ? TableTemplate.Xlsx(titles, "Thủ tục", lines) : TableTemplate.Csv(titles, lines);
    }

    private static string Cell(string title, int i, int revision) => title switch
    {
        "Mã thủ tục" => $"{1 + i % 2}.{i:D6}",
        "Tên thủ tục" => $"Thủ tục thử nghiệm số {i} về cấp giấy chứng nhận và xác nhận hồ sơ hành chính",
        "Lĩnh vực" => Fields[i % Fields.Length],
        "Cấp thực hiện" => Levels[i % Levels.Length],
        "Loại thủ tục" => "TTHC được luân chuyển trong hệ thống một cửa",
        "Cơ quan thực hiện" => "Sở thử nghiệm",
        "Cơ quan có thẩm quyền" => "Ủy ban nhân dân tỉnh",
        "Địa chỉ tiếp nhận hồ sơ" => "Trung tâm Phục vụ hành chính công tỉnh, số 1 đường Trần Hưng Đạo",
        "Trình tự thực hiện" => "Bước 1: Tổ chức, cá nhân chuẩn bị và nộp hồ sơ.\nBước 2: Công chức tiếp nhận kiểm tra hồ sơ.\n"
                                + "Bước 3: Cơ quan có thẩm quyền thẩm định và giải quyết.\nBước 4: Trả kết quả cho tổ chức, cá nhân.",
        "Cách thức thực hiện" => "Trực tiếp | 05 ngày làm việc | 50.000 đồng | Nộp tại Bộ phận một cửa\nTrực tuyến | 04 ngày làm việc | 25.000 đồng | Nộp trên Cổng Dịch vụ công",
        "Thành phần hồ sơ" => "Đơn đề nghị theo mẫu | 1 | 0 | Mẫu số 01\nBản sao giấy tờ tùy thân | 0 | 1\nGiấy tờ chứng minh | 1 | 1",
        "Thời hạn giải quyết" => revision == 0 ? "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ" : "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
        "Phí, lệ phí" => "50.000 đồng/hồ sơ",
        "Mức phí (đồng)" => "50.000",
        "Đối tượng thực hiện" => "Cá nhân, tổ chức",
        "Kết quả thực hiện" => "Giấy chứng nhận",
        "Căn cứ pháp lý" => "Luật số 01/2020/QH14\nNghị định số 10/2021/NĐ-CP",
        "Mức độ dịch vụ công trực tuyến" => i % 3 == 0 ? "Toàn trình" : "Một phần",
        "Địa chỉ trên Cổng Dịch vụ công" => "https://dichvucong.gov.vn/",
        "Số quyết định công bố" => revision == 0 ? "100/QĐ-UBND" : "200/QĐ-UBND",
        "Ngày quyết định công bố" => revision == 0 ? "01/03/2024" : "01/03/2025",
        "Tình trạng" => "Đang hiệu lực",
        _ => "",
    };
}
