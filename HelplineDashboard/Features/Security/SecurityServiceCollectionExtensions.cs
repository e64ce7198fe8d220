using System.Globalization;
using System.Threading.RateLimiting;
using HelplineDashboard.Features.Intake;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HelplineDashboard.Features.Security;

public static class SecurityServiceCollectionExtensions
{
    public const string IntakeRateLimit = "intake-per-key";

    public static IServiceCollection AddHelplineSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.SectionName));
        services.AddSingleton<SignInThrottle>();
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests.", Detail = "Retry after the time in Retry-After." },
                });
            };
            options.AddPolicy(IntakeRateLimit, context =>
            {
                var perSecond = context.RequestServices.GetRequiredService<IOptionsMonitor<SecurityOptions>>().CurrentValue.IntakePerKeyPerSecond;
                var key = context.User.FindFirst(GatewayAuthenticationHandler.GatewayClaim)?.Value
                    ?? "address:" + context.Connection.RemoteIpAddress;
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, perSecond),
                    Window = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }
}
