using CchcSite.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Web.Tests.Hosting;

/// <summary>
/// The host starts beside the database setup: a request that arrives meanwhile waits for it, and one after a failed setup
/// never reaches the site.
/// </summary>
public sealed class DatabaseReadinessTests
{
    private static (DatabaseReadiness Readiness, RequestDelegate Pipeline, Func<int> Reached) Site()
    {
        var services = new ServiceCollection().AddDatabaseReadiness().BuildServiceProvider();
        var reached = 0;
        var app = new ApplicationBuilder(services);
        app.UseDatabaseReadiness();
        app.Run(_ =>
        {
            Interlocked.Increment(ref reached);
            return Task.CompletedTask;
        });
        return (services.GetRequiredService<DatabaseReadiness>(), app.Build(), () => Volatile.Read(ref reached));
    }

    [Fact]
    public async Task A_request_during_the_setup_goes_on_only_when_it_is_done()
    {
        var (readiness, pipeline, reached) = Site();
        var setup = new TaskCompletionSource();
        var started = readiness.Start(() => setup.Task);

        var request = pipeline(new DefaultHttpContext());
        await Task.Delay(200);

        Assert.False(request.IsCompleted);
        Assert.Equal(0, reached());
        setup.SetResult();
        await started;
        await request.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, reached());
        Assert.True(readiness.Completion.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task After_a_failed_setup_no_request_reaches_the_site()
    {
        var (readiness, pipeline, reached) = Site();
        var started = readiness.Start(() => Task.FromException(new InvalidOperationException("no database")));

        await Assert.ThrowsAsync<InvalidOperationException>(() => started);
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => pipeline(new DefaultHttpContext()));

        Assert.Equal("no database", failure.Message);
        Assert.Equal(0, reached());
        Assert.True(readiness.Completion.IsFaulted);
    }
}
