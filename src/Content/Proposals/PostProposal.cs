using CchcSite.Content.Posts;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Proposals;

public enum ProposalState
{
    Pending,
    Accepted,
    Declined,
}

/// <summary>
/// A sub-unit's published post offered to an ancestor's section ("gửi tin, bài để Tổ Biên tập thị xã xem xét duyệt đăng"):
/// the ancestor's approvers accept it, with their own title or summary for their section if they wish, or decline it
/// with a reason. The post stays the child's; an accepted proposal only lets the ancestor's section list it.
/// One per post and target unit, so a decision is never asked twice.
/// </summary>
public class PostProposal
{
    public int Id { get; set; }
    public int PostId { get; set; }
    public Post Post { get; set; } = null!;
    /// <summary>The ancestor whose section the post is offered to.</summary>
    public int TargetUnitId { get; set; }
    public Unit TargetUnit { get; set; } = null!;
    public ProposalState State { get; set; }
    /// <summary>The title the target's board shows in its own section instead of the post's; null keeps the post's.</summary>
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? DeclineReason { get; set; }
    public DateTime ProposedAt { get; set; }
    public required string ProposedById { get; set; }
    public required string ProposedByName { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedById { get; set; }
    public string? DecidedByName { get; set; }
}

internal sealed class PostProposalConfiguration : IEntityTypeConfiguration<PostProposal>
{
    public void Configure(EntityTypeBuilder<PostProposal> proposal)
    {
        proposal.HasIndex(p => new { p.PostId, p.TargetUnitId }).IsUnique();
        // The queue and the section's list both ask by target and state.
        proposal.HasIndex(p => new { p.TargetUnitId, p.State });
        proposal.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        proposal.Property(p => p.Title).HasMaxLength(PostProposals.TitleMaxLength);
        proposal.Property(p => p.Summary).HasMaxLength(PostProposals.SummaryMaxLength);
        proposal.Property(p => p.DeclineReason).HasMaxLength(PostProposals.ReasonMaxLength);
        proposal.Property(p => p.ProposedById).HasMaxLength(100);
        proposal.Property(p => p.ProposedByName).HasMaxLength(200);
        proposal.Property(p => p.DecidedById).HasMaxLength(100);
        proposal.Property(p => p.DecidedByName).HasMaxLength(200);
        proposal.HasOne(p => p.Post).WithMany().HasForeignKey(p => p.PostId).OnDelete(DeleteBehavior.Cascade);
        proposal.HasOne(p => p.TargetUnit).WithMany().HasForeignKey(p => p.TargetUnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class ProposalStateNames
{
    public static string Vietnamese(this ProposalState state) => state switch
    {
        ProposalState.Accepted => "Đã nhận đăng",
        ProposalState.Declined => "Từ chối",
        _ => "Chờ quyết định",
    };
}
