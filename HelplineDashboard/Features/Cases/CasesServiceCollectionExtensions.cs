using HelplineDashboard.Features.Cases.Transfers;
using HelplineDashboard.Features.Categories;
using HelplineDashboard.Features.FollowUps;

namespace HelplineDashboard.Features.Cases;

public static class CasesServiceCollectionExtensions
{
    public static IServiceCollection AddHelplineCases(this IServiceCollection services)
    {
        services.AddSingleton<CaseService>();
        services.AddSingleton<CaseNotifier>();
        services.AddSingleton<CasePresence>();
        services.AddSingleton<Lists.CaseListService>();
        services.AddHelplineTransfers();
        services.AddSingleton<RiskScreeningService>();
        services.AddSingleton<ScreeningsUnderWay>();
        services.AddSingleton<SafetyPlanService>();
        services.AddSingleton<ICallbackWindow, SafetyPlanCallbackWindow>();
        services.AddSingleton<CaseWorkspaceService>();
        services.AddHelplineCategories();
        services.AddCaseTimelineSource<ContactTimelineSource>();
        services.AddCaseTimelineSource<NoteTimelineSource>();
        services.AddCaseTimelineSource<ScreeningTimelineSource>();
        services.AddCaseTimelineSource<EscalationTimelineSource>();
        services.AddCaseTimelineSource<SafetyTimelineSource>();
        return services;
    }

    /// <summary>Puts another kind of case record on the case timeline.</summary>
    public static IServiceCollection AddCaseTimelineSource<TSource>(this IServiceCollection services)
        where TSource : class, ICaseTimelineSource =>
        services.AddSingleton<ICaseTimelineSource, TSource>();
}
