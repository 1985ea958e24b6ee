using CchcSite.Content.Paging;
using CchcSite.Content.Procedures;
using CchcSite.Content.Units;
using CchcSite.Web.Procedures;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CchcSite.Web.Api;

/// <summary>
/// Administrative procedures as the public list and page show them: every status is served, the list shows those in
/// force unless asked otherwise; words are searched in the index (the code as written first).
/// </summary>
public static class ProceduresApi
{
    public static RouteGroupBuilder MapProceduresApi(this RouteGroupBuilder api)
    {
        var procedures = api.MapGroup("/procedures").WithTags("Procedures");
        procedures.MapGet("/", ListAsync).WithName("ListProcedures")
            .WithSummary("Procedures, by name (or by relevance with q); filter by field, level (slugs), online service level, handling unit, status.");
        procedures.MapGet("/{code}", GetAsync).WithName("GetProcedure")
            .WithSummary("One procedure by its national code (e.g. 1.001193), with its steps, dossier, forms, legal basis and revision history.");
        return api;
    }

    private static async Task<Results<Ok<PagedResult<ProcedureCard>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        [AsParameters] ProcedureQuery query, [AsParameters] PageQuery paging, PublicProcedures published, UnitDirectory units, HttpContext http,
        CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(query.Q))
            IndexedAnswers.DoNotStore(http);
        var errors = new Dictionary<string, string[]>();
        var page = paging.ToRequest(errors);
        var online = QueryValues.Enum<OnlineServiceLevel>(query.Online, "online", "Mức độ dịch vụ công trực tuyến", errors, lowerCase: true);
        ProcedureStatus? status = ProcedureStatus.InForce;
        if (query.Status is "all")
            status = null;
        else if (query.Status is not null)
            status = QueryValues.Enum<ProcedureStatus>(query.Status, "status", "Tình trạng", errors, lowerCase: true);
        if (query.Status is not null && query.Status != "all" && errors.ContainsKey("status"))
            errors["status"] = ["Tình trạng phải là một trong: inforce, replaced, abolished, all."];
        var choices = await published.ChoicesAsync(ct);
        if (query.Field is not null && choices.Fields.All(f => f.Slug != query.Field))
            errors["field"] = [$"Không có lĩnh vực '{query.Field}'. Các lĩnh vực: {string.Join(", ", choices.Fields.Select(f => f.Slug))}."];
        if (query.Level is not null && choices.Levels.All(l => l.Slug != query.Level))
            errors["level"] = [$"Không có cấp thực hiện '{query.Level}'. Các cấp: {string.Join(", ", choices.Levels.Select(l => l.Slug))}."];
        if (errors.Count > 0)
            return ApiProblems.Invalid(errors);
        IReadOnlyCollection<int>? unitIds = null;
        if (!string.IsNullOrEmpty(query.Unit))
        {
            if (await units.FindAsync(query.Unit, ct) is not { } node)
                return ApiProblems.NotFound($"Không có đơn vị '{query.Unit}'.");
            unitIds = node.SelfAndDescendants().Select(n => n.Unit.Id).ToList();
        }
        var filter = new ProcedureFilter(query.Field, query.Level, online, null, status, query.Q) { Page = page };
        var (result, _, message) = await published.ListAsync(filter, unitIds, ct);
        if (message is not null)
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["q"] = [message] });
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<ProcedureDetail>, ValidationProblem, ProblemHttpResult>> GetAsync(string code, PublicProcedures published,
        CancellationToken ct)
    {
        if (!ProcedureRules.IsCode(code))
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["code"] = ["Mã thủ tục có dạng 1.001193: một hoặc hai chữ số, dấu chấm, sáu chữ số."] });
        return await published.FindAsync(code, ct) is { } procedure ? TypedResults.Ok(procedure) : ApiProblems.NotFound($"Không có thủ tục mã {code}.");
    }
}

/// <summary>The list's filters as text (see <see cref="QueryValues"/>); unit and its sub-units.</summary>
public sealed class ProcedureQuery
{
    public string? Q { get; init; }
    public string? Field { get; init; }
    public string? Level { get; init; }
    public string? Online { get; init; }
    public string? Unit { get; init; }
    public string? Status { get; init; }
}
