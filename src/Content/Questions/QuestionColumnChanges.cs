using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CchcSite.Content.Questions;

/// <summary>
/// Which saved submissions concern the public side — caches and the search index: those that are, or were until this
/// save, published in the Q&amp;A column. The hundreds merely received or handled privately do not.
/// </summary>
public static class QuestionColumnChanges
{
    public static bool Touches(EntityEntry entry)
    {
        if (entry.Entity is not Submission)
            return false;
        var status = entry.Property(nameof(Submission.Status));
        return status.CurrentValue is SubmissionStatus.Published
               || (entry.State != EntityState.Added && status.OriginalValue is SubmissionStatus.Published);
    }
}
