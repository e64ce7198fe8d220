using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HelplineDashboard.Features.Reports;

/// <summary><c>GET /reports/export.csv</c>: the report's statistical rows for a signed-in supervisor.</summary>
public static class ReportEndpoints
{
    public const string ExportPath = "/reports/export.csv";

    public static IServiceCollection AddHelplineReports(this IServiceCollection services)
    {
        services.TryAddSingleton<ReportService>();
        return services;
    }

    public static IEndpointRouteBuilder MapHelplineReports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ExportPath, ExportAsync).RequireAuthorization(policy => policy.RequireRole(Roles.Supervisor));
        return endpoints;
    }

    /// <summary>The export address for a filter, as the reports page links it.</summary>
    public static string ExportUrl(ReportFilter filter)
    {
        var query = new Dictionary<string, string?>
        {
            ["from"] = filter.From.ToString("yyyy-MM-dd"),
            ["to"] = filter.To.ToString("yyyy-MM-dd"),
            ["line"] = filter.Line,
            ["channel"] = filter.Channel?.ToString(),
            ["region"] = filter.Region,
            ["category"] = filter.Category,
            ["risk"] = filter.Risk?.ToString(),
            ["outcome"] = filter.Outcome?.ToString(),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(ExportPath.TrimStart('/'), query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }

    private static async Task<IResult> ExportAsync(
        HttpContext http, ReportService reports, DateOnly from, DateOnly to, string? line, ContactChannel? channel,
        string? region, string? category, RiskLevel? risk, CaseOutcome? outcome, CancellationToken cancellationToken)
    {
        var actor = Actor.From(http.User);
        IReadOnlyList<ReportRow> rows;
        try
        {
            rows = await reports.ExportAsync(new ReportFilter(from, to, line, channel, region, category, risk, outcome), actor, cancellationToken);
        }
        catch (Common.AccessDeniedException)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You do not report on that line.");
        }
        catch (Common.HelplineRuleException refused)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: refused.Message);
        }

        return Results.Stream(
            stream => ReportCsv.WriteAsync(stream, rows, cancellationToken),
            "text/csv; charset=utf-8",
            $"helpline-report-{from:yyyyMMdd}-{to:yyyyMMdd}.csv");
    }
}
