using CchcSite.Content.Questions;
using CchcSite.Web.Hosting;
using CchcSite.Web.Mail;
using Microsoft.Extensions.Options;

namespace CchcSite.Web.Questions;

/// <summary>
/// One limit per address on submissions, shared by the forms and the API, so that neither is a way around the
/// other. The form answers with its own Vietnamese message and the citizen's text kept; the API with a 429 problem.
/// </summary>
public sealed class SubmissionLimiter(AddressQuotas quotas, IOptions<SubmissionOptions> options)
{
    public const string Message = "Bạn đã gửi quá nhiều câu hỏi, phản ánh trong một giờ. Vui lòng thử lại sau ít phút; nội dung bạn đã nhập vẫn được giữ trên trang.";

    public bool TryAcquire(HttpContext context) => quotas.TryAcquire(context, "gui-cau-hoi", options.Value.SubmissionsPerHour, TimeSpan.FromHours(1));
}

/// <summary>
/// Tracking lookups per client and minute, the page and the API together: a tracking code is the only key to a
/// citizen's answer, so guessing codes must be slow (300 guesses a second were answered before this limit).
/// </summary>
public static class TrackingLimit
{
    public const string Policy = "tra-cuu";

    public static IServiceCollection AddTrackingLimit(this IServiceCollection services) =>
        services.AddPerAddressPolicy<SubmissionOptions>(Policy, questions => questions.TrackingLookupsPerMinute);
}

/// <summary>
/// Votes on answers ("có hữu ích không?") per client and minute, the page and the API together; counted in memory only, so
/// the address never reaches the vote.
/// </summary>
public static class HelpfulVoteLimit
{
    public const string Policy = "y-kien";

    public static IServiceCollection AddHelpfulVoteLimit(this IServiceCollection services) =>
        services.AddPerAddressPolicy<SubmissionOptions>(Policy, questions => questions.HelpfulVotesPerMinute);
}

/// <summary>The host's part of citizens' submissions; the submissions themselves are Content's (AddCchcContent).</summary>
public static class SubmissionServices
{
    public static IServiceCollection AddSubmissionIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAddressQuotas();
        services.AddSingleton<SubmissionLimiter>();
        services.AddTrackingLimit();
        services.AddHelpfulVoteLimit();
        services.AddScoped<SubmissionIntake>();
        services.AddSiteMail(configuration);
        return services;
    }
}
