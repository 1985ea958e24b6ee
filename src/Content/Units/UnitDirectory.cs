using CchcSite.Content.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Units;

public sealed record UnitRef(int Id, string Slug, string Name, string ShortName, UnitKind Kind);

public sealed record UnitNode(UnitRef Unit, UnitContact Contact, string? Description, IReadOnlyList<UnitNode> Children)
{
    /// <summary>The unit above this one, named in the header of its section; null for a root.</summary>
    public UnitRef? Parent { get; init; }

    public IEnumerable<UnitNode> SelfAndDescendants() => Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);

    /// <summary>The subtree in reading order, each unit with its depth below this one, for indented choice lists.</summary>
    public IEnumerable<(UnitNode Node, int Depth)> SelfAndDescendantsWithDepth(int depth = 0) =>
        Children.SelectMany(c => c.SelfAndDescendantsWithDepth(depth + 1)).Prepend((this, depth));

    /// <summary>"Tự động nhận bài của đơn vị trực thuộc" (<see cref="Unit.AcceptsSubUnitPostsAutomatically"/>).</summary>
    public bool AcceptsSubUnitPostsAutomatically { get; init; } = true;

    /// <summary>
    /// The units whose every published post the unit's section lists: the whole subtree when the unit takes its sub-units'
    /// posts automatically, else the unit alone (its board's accepted proposals add single posts on top).
    /// </summary>
    public IReadOnlyList<int> SectionUnitIds() =>
        AcceptsSubUnitPostsAutomatically ? SelfAndDescendants().Select(n => n.Unit.Id).ToList() : [Unit.Id];
}

/// <summary>The unit tree, read whole: a province has tens of units, so one query beats recursive SQL on both providers.</summary>
public sealed class UnitDirectory(CchcDbContext db)
{
    private IReadOnlyList<UnitNode>? _roots;
    private Dictionary<string, UnitNode> _bySlug = [];
    private Dictionary<string, UnitNode> _parentOf = [];

    public async Task<IReadOnlyList<UnitNode>> RootsAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return _roots!;
    }

    public async Task<UnitNode?> FindAsync(string slug, CancellationToken ct)
    {
        await LoadAsync(ct);
        return _bySlug.GetValueOrDefault(slug);
    }

    public async Task<UnitNode?> FindAsync(int id, CancellationToken ct)
    {
        await LoadAsync(ct);
        return _bySlug.Values.FirstOrDefault(n => n.Unit.Id == id);
    }

    /// <summary>
    /// The active unit that took over a merged unit's section, following mergers of mergers; null when
    /// <paramref name="slug"/> is not a merged unit. Asked only for addresses that found nothing, so it reads the database itself.
    /// </summary>
    public async Task<string?> SuccessorOfMergedAsync(string slug, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Slug, u.IsActive, u.MergedIntoId }).ToListAsync(ct);
        var byId = units.ToDictionary(u => u.Id);
        var unit = units.FirstOrDefault(u => u.Slug == slug);
        if (unit?.MergedIntoId is null)
            return null;
        // Each merger makes its unit inactive and points at an active one, so the chain ends; the bound guards bad data.
        for (var step = 0; unit is { MergedIntoId: { } next } && step < units.Count; step++)
            unit = byId.GetValueOrDefault(next);
        return unit is { IsActive: true } ? unit.Slug : null;
    }

    /// <summary>From the root down to the unit itself.</summary>
    public async Task<IReadOnlyList<UnitRef>> AncestryAsync(string slug, CancellationToken ct)
    {
        await LoadAsync(ct);
        var chain = new List<UnitRef>();
        for (var node = _bySlug.GetValueOrDefault(slug); node is not null; node = _parentOf.GetValueOrDefault(node.Unit.Slug))
            chain.Insert(0, node.Unit);
        return chain;
    }

    /// <summary>The unit's parents, nearest first, up to the root; empty for an unknown unit.</summary>
    public async Task<IReadOnlyList<int>> AncestorIdsAsync(int id, CancellationToken ct)
    {
        await LoadAsync(ct);
        var ids = new List<int>();
        var node = _bySlug.Values.FirstOrDefault(n => n.Unit.Id == id);
        while (node is not null && _parentOf.GetValueOrDefault(node.Unit.Slug) is { } parent)
        {
            ids.Add(parent.Unit.Id);
            node = parent;
        }
        return ids;
    }

    /// <summary>
    /// The given units with every unit below them, each once, in tree order (null: the whole tree). A unit that
    /// sits below another given unit appears once, inside its parent's subtree.
    /// </summary>
    public async Task<IReadOnlyList<UnitRef>> SubtreesAsync(IReadOnlySet<int>? unitIds, CancellationToken ct)
    {
        await LoadAsync(ct);
        var all = _roots!.SelectMany(r => r.SelfAndDescendants()).ToList();
        if (unitIds is null)
            return all.Select(n => n.Unit).ToList();
        var inside = all.Where(n => unitIds.Contains(n.Unit.Id)).SelectMany(n => n.SelfAndDescendants()).Select(n => n.Unit.Id).ToHashSet();
        return all.Where(n => inside.Contains(n.Unit.Id)).Select(n => n.Unit).ToList();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (_roots is not null)
            return;
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name).ToListAsync(ct);
        var childrenOf = units.ToLookup(u => u.ParentId);

        UnitNode Build(Unit unit, UnitRef? parent)
        {
            var self = new UnitRef(unit.Id, unit.Slug, unit.Name, unit.ShortName, unit.Kind);
            return new(self, unit.Contact, unit.Description, childrenOf[unit.Id].Select(child => Build(child, self)).ToList())
            {
                Parent = parent, AcceptsSubUnitPostsAutomatically = unit.AcceptsSubUnitPostsAutomatically,
            };
        }

        var activeIds = units.Select(u => u.Id).ToHashSet();
        _roots = units.Where(u => u.ParentId is null || !activeIds.Contains(u.ParentId.Value)).Select(unit => Build(unit, null)).ToList();
        foreach (var parent in _roots.SelectMany(r => r.SelfAndDescendants()))
        {
            _bySlug[parent.Unit.Slug] = parent;
            foreach (var child in parent.Children)
                _parentOf[child.Unit.Slug] = parent;
        }
    }
}
