using CchcSite.Content.Data;
using CchcSite.Content.Posts;
using CchcSite.Content.Seeding;
using CchcSite.Content.Units;

namespace CchcSite.Content.Proposals;

/// <summary>
/// Reads <c>seed/proposals.json</c>: sample posts a sub-unit proposed to an ancestor's board, one in each state, so the
/// board's queue and the sub-unit's decisions show on a new site. Posts are named by their seed file ("unit/file.md").
/// Proposer and decider are marked as sample data. A seed folder without the file seeds none.
/// </summary>
public static class ProposalSeed
{
    public const string SampleProposer = "Lãnh đạo đơn vị (dữ liệu mẫu)";
    public const string SampleBoard = "Tổ Biên tập (dữ liệu mẫu)";

    private sealed record Entry(string Post, string Target, ProposalState State, DateTimeOffset ProposedAt, DateTimeOffset? DecidedAt,
        string? Title, string? Summary, string? Reason);

    internal static int Import(CchcDbContext db, string path, IReadOnlyDictionary<string, Unit> units, IReadOnlyDictionary<string, Post> postsByFile)
    {
        if (!File.Exists(path))
            return 0;
        var entries = SeedFileReader.ReadJson<Entry>(path);
        foreach (var entry in entries)
        {
            var post = postsByFile.GetValueOrDefault(entry.Post) ?? throw new InvalidDataException($"{path}: '{entry.Post}' is not a seeded post.");
            var target = units.GetValueOrDefault(entry.Target) ?? throw new InvalidDataException($"{path}: '{entry.Target}' is not a unit in units.json.");
            if (post.Status != PostStatus.Published)
                throw new InvalidDataException($"{path}: '{entry.Post}' is not published; only published posts are proposed.");
            if (!IsAncestor(target, post.Unit))
                throw new InvalidDataException($"{path}: '{entry.Target}' is not above the unit of '{entry.Post}'.");
            if (entry.State != ProposalState.Pending && entry.DecidedAt is null)
                throw new InvalidDataException($"{path}: '{entry.Post}': a decided proposal needs decidedAt.");
            if (entry.State == ProposalState.Declined && string.IsNullOrWhiteSpace(entry.Reason))
                throw new InvalidDataException($"{path}: '{entry.Post}': a declined proposal needs its reason.");
            db.PostProposals.Add(new PostProposal
            {
                Post = post, TargetUnit = target, State = entry.State, ProposedAt = entry.ProposedAt.UtcDateTime,
                ProposedById = "seed", ProposedByName = SampleProposer,
                DecidedAt = entry.DecidedAt?.UtcDateTime, DecidedById = entry.DecidedAt is null ? null : "seed",
                DecidedByName = entry.DecidedAt is null ? null : SampleBoard,
                Title = entry.Title, Summary = entry.Summary, DeclineReason = entry.Reason,
            });
        }
        return entries.Count;
    }

    private static bool IsAncestor(Unit candidate, Unit unit)
    {
        for (var parent = unit.Parent; parent is not null; parent = parent.Parent)
            if (parent == candidate)
                return true;
        return false;
    }
}
