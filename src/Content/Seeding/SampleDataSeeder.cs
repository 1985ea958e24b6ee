using CchcSite.Content.Contests;
using CchcSite.Content.Data;
using CchcSite.Content.Site;
using CchcSite.Content.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Seeding;

/// <summary>
/// Adds the seed's sample volume — the generated responses of sample surveys and participants of sample contests, a third
/// of a new database's seeding time — after the site serves, since no first page needs them. Each survey or contest the
/// seed marked (<see cref="Survey.SampleDataPending"/>, <see cref="Contest.SampleDataPending"/>) gets its rows and loses its
/// mark in one transaction, so a start interrupted midway leaves the finished ones alone and redoes only the unfinished one,
/// and a database without marks (every start after the first) costs two queries. The caller keeps nodes from doing it
/// together (<c>NodeLockNames.LaterSeed</c>), after the seed's later parts (<see cref="LaterSeedStages"/>).
/// </summary>
public sealed class SampleDataSeeder(CchcDbContext db, IOptions<SiteOptions> site, ILogger<SampleDataSeeder> logger)
{
    /// <summary>Returns how many surveys and contests got their sample rows.</summary>
    public async Task<int> SeedPendingAsync(CancellationToken ct)
    {
        var root = Path.GetFullPath(site.Value.SeedPath);
        var done = 0;
        foreach (var id in await db.Surveys.Where(s => s.SampleDataPending).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct))
            done += await InTransactionAsync(async () =>
            {
                // Deleted by an editor since the list was read: nothing to add.
                if (await db.Surveys.SingleOrDefaultAsync(s => s.Id == id && s.SampleDataPending, ct) is not { } survey)
                    return false;
                await SurveySeed.AddSampleResponsesAsync(db, Path.Combine(root, "surveys.json"), survey, ct);
                return true;
            }, ct);
        foreach (var id in await db.Contests.Where(c => c.SampleDataPending).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct))
            done += await InTransactionAsync(async () =>
            {
                if (await db.Contests.SingleOrDefaultAsync(c => c.Id == id && c.SampleDataPending, ct) is not { } contest)
                    return false;
                await ContestSeed.AddSampleEntriesAsync(db, Path.Combine(root, "contests.json"), contest, ct);
                return true;
            }, ct);
        if (done > 0)
            logger.LogInformation("Added the sample data of {Count} seeded surveys and contests.", done);
        return done;
    }

    /// <returns>1 when <paramref name="add"/> added one item's rows, 0 when it found nothing to add.</returns>
    private async Task<int> InTransactionAsync(Func<Task<bool>> add, CancellationToken ct)
    {
        var added = false;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            if (await add())
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                added = true;
            }
        }
        // Thousands of generated rows need not stay tracked for the next item.
        db.ChangeTracker.Clear();
        return added ? 1 : 0;
    }
}
