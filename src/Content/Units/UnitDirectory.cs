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

/// <summary>
/// The unit tree, read whole: a province has tens of units, so one query beats recursive SQL on both providers. The tree
/// is read once per node and shared (<see cref="UnitTreeCache"/>): nearly every page names units, and reading them was a
/// quarter of an uncached post page's work.
/// </summary>
public sealed class UnitDirectory(CchcDbContext db, UnitTreeCache cache)
{
    private UnitTree? _tree;

    public async Task<IReadOnlyList<UnitNode>> RootsAsync(CancellationToken ct) => (await LoadAsync(ct)).Roots;

    public async Task<UnitNode?> FindAsync(string slug, CancellationToken ct) => (await LoadAsync(ct)).BySlug.GetValueOrDefault(slug);

    public async Task<UnitNode?> FindAsync(int id, CancellationToken ct) => (await LoadAsync(ct)).ById.GetValueOrDefault(id);

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
        var tree = await LoadAsync(ct);
        var chain = new List<UnitRef>();
        for (var node = tree.BySlug.GetValueOrDefault(slug); node is not null; node = tree.ParentOf.GetValueOrDefault(node.Unit.Id))
            chain.Insert(0, node.Unit);
        return chain;
    }

    /// <summary>The unit's parents, nearest first, up to the root; empty for an unknown unit.</summary>
    public async Task<IReadOnlyList<int>> AncestorIdsAsync(int id, CancellationToken ct)
    {
        var tree = await LoadAsync(ct);
        var ids = new List<int>();
        for (var parent = tree.ParentOf.GetValueOrDefault(id); parent is not null; parent = tree.ParentOf.GetValueOrDefault(parent.Unit.Id))
            ids.Add(parent.Unit.Id);
        return ids;
    }

    /// <summary>
    /// The given units with every unit below them, each once, in tree order (null: the whole tree). A unit that
    /// sits below another given unit appears once, inside its parent's subtree.
    /// </summary>
    public async Task<IReadOnlyList<UnitRef>> SubtreesAsync(IReadOnlySet<int>? unitIds, CancellationToken ct)
    {
        var all = (await LoadAsync(ct)).Roots.SelectMany(r => r.SelfAndDescendants()).ToList();
        if (unitIds is null)
            return all.Select(n => n.Unit).ToList();
        var inside = all.Where(n => unitIds.Contains(n.Unit.Id)).SelectMany(n => n.SelfAndDescendants()).Select(n => n.Unit.Id).ToHashSet();
        return all.Where(n => inside.Contains(n.Unit.Id)).Select(n => n.Unit).ToList();
    }

    private async ValueTask<UnitTree> LoadAsync(CancellationToken ct)
    {
        if (_tree is not null)
            return _tree;
        var (shared, generation) = cache.Current;
        if (shared is not null)
            return _tree = shared;
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name).ToListAsync(ct);
        _tree = UnitTree.Build(units);
        cache.Offer(_tree, generation);
        return _tree;
    }
}

/// <summary>The active units as a tree, with the look-ups the directory answers from; never changed once built.</summary>
public sealed class UnitTree
{
    private UnitTree(IReadOnlyList<UnitNode> roots)
    {
        Roots = roots;
        foreach (var node in roots.SelectMany(r => r.SelfAndDescendants()))
        {
            BySlug[node.Unit.Slug] = node;
            ById[node.Unit.Id] = node;
            foreach (var child in node.Children)
                ParentOf[child.Unit.Id] = node;
        }
    }

    public IReadOnlyList<UnitNode> Roots { get; }
    public Dictionary<string, UnitNode> BySlug { get; } = [];
    public Dictionary<int, UnitNode> ById { get; } = [];
    /// <summary>The parent node of each unit id below a root.</summary>
    public Dictionary<int, UnitNode> ParentOf { get; } = [];

    internal static UnitTree Build(IReadOnlyList<Unit> units)
    {
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
        return new(units.Where(u => u.ParentId is null || !activeIds.Contains(u.ParentId.Value)).Select(unit => Build(unit, null)).ToList());
    }
}

/// <summary>
/// The unit tree this node last read, shared by all its requests until a committed change makes the whole site stale
/// (<see cref="ContentTags.Site"/>: every change to a unit or its contact does, on this node or, through the change
/// notices, on another). A tree read while such a change committed is not kept: the generation it was read under is over.
/// </summary>
public sealed class UnitTreeCache : IContentChangeListener
{
    private readonly Lock _gate = new();
    private UnitTree? _tree;
    private long _generation;

    internal (UnitTree? Tree, long Generation) Current
    {
        get
        {
            lock (_gate)
                return (_tree, _generation);
        }
    }

    internal void Offer(UnitTree tree, long readUnder)
    {
        lock (_gate)
        {
            if (readUnder == _generation)
                _tree = tree;
        }
    }

    public ValueTask ContentChangedAsync(ContentChangeSet changes, CancellationToken ct)
    {
        if (changes.Tags.Contains(ContentTags.Site))
        {
            lock (_gate)
            {
                _generation++;
                _tree = null;
            }
        }
        return ValueTask.CompletedTask;
    }
}
