using CchcSite.Content.Documents;
using CchcSite.Content.Posts;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CchcSite.Web.Api;

/// <summary>The document register (sổ văn bản) in the API: the same filters, order and pages as <c>/van-ban</c>.</summary>
public static class DocumentsApi
{
    /// <summary>Query values as text, so that each bad one gets its own Vietnamese message.</summary>
    public sealed class RegisterParameters
    {
        public string? Unit { get; init; }
        public string? Year { get; init; }
        public string? Type { get; init; }
        public string? Issuer { get; init; }
        public string? Validity { get; init; }
        public string? Sort { get; init; }
        public string? Page { get; init; }
        public string? PageSize { get; init; }
    }

    public static RouteGroupBuilder MapDocumentsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/documents", ListAsync).WithTags("Documents").WithName("ListDocuments")
            .WithSummary("The document register: published directive documents, newest issued first; filter by unit, year of issue, type, issuer and validity (inForce, expired); sort newest, oldest or number.");
        return api;
    }

    private static async Task<Results<Ok<RegisterResult>, ValidationProblem, ProblemHttpResult>> ListAsync(
        [AsParameters] RegisterParameters query, DocumentRegister register, UnitDirectory units, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = new PageQuery { Page = query.Page, PageSize = query.PageSize }.ToRequest(errors);
        var year = QueryValues.Int(query.Year, "year", "Năm ban hành", errors);
        if (year is not null and (< 1900 or > 9999))
            errors["year"] = ["Năm ban hành phải từ 1900 đến 9999."];
        var type = QueryValues.Enum<DocumentType>(query.Type, "type", "Loại văn bản", errors);
        var validity = QueryValues.Enum<DocumentValidity>(query.Validity, "validity", "Hiệu lực", errors);
        var sort = QueryValues.Enum<RegisterSort>(query.Sort, "sort", "Thứ tự", errors) ?? RegisterSort.Newest;
        if (errors.Count > 0)
            return ApiProblems.Invalid(errors);
        int? unitId = null;
        if (query.Unit is not null)
        {
            if (await units.FindAsync(query.Unit, ct) is not { } unit)
                return ApiProblems.NotFound($"Không có đơn vị '{query.Unit}'.");
            unitId = unit.Unit.Id;
        }
        var issuer = string.IsNullOrWhiteSpace(query.Issuer) ? null : query.Issuer.Trim();
        return TypedResults.Ok(await register.FindAsync(new RegisterQuery(unitId, year, type, issuer, validity, sort) { Page = paging }, ct));
    }
}
