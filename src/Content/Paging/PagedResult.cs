using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Paging;

/// <summary>One page of a list and the size of the whole list; used by pages and the API alike.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < TotalPages;
}

public sealed record PageRequest(int Page = 1, int PageSize = PageRequest.DefaultSize)
{
    public const int DefaultSize = 12;
    public const int MaxSize = 50;

    /// <summary>Items before this page, in 64 bits: page 178,956,971 of 12 is past the 32-bit range.</summary>
    public long Skip => ((long)Page - 1) * PageSize;

    /// <summary>Vietnamese messages for each invalid value, empty when the request is valid.</summary>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Page < 1)
            errors["page"] = ["Số trang phải là số nguyên từ 1 trở lên."];
        if (PageSize is < 1 or > MaxSize)
            errors["pageSize"] = [$"Số mục mỗi trang phải từ 1 đến {MaxSize}."];
        return errors;
    }
}

public static class PagingExtensions
{
    public static async Task<PagedResult<T>> ToPageAsync<T>(this IQueryable<T> query, PageRequest request, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        // A page past the end is an empty page, however far past.
        var items = request.Skip >= total ? [] : await query.Skip((int)request.Skip).Take(request.PageSize).ToListAsync(ct);
        return new PagedResult<T>(items, request.Page, request.PageSize, total);
    }
}
