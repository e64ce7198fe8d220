using System.Globalization;
using System.Text.RegularExpressions;
using Bunit;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.FollowUps;
using HelplineDashboard.Features.Languages;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Features.Reports;
using HelplineDashboard.Features.Wallboard;
using HelplineDashboard.Tests.Support;

namespace HelplineDashboard.Tests.Components;

/// <summary>The new pages in Kazakh show no English words beyond names, codes and units.</summary>
public sealed partial class KazakhPagesTests : HelplineTestContext
{
    internal static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>People's names from the test actors, the caller's own words, and codes that read the same in every language.</summary>
    private static readonly HashSet<string> NotEnglish = new(StringComparer.Ordinal)
    {
        "Aigerim", "Sadykova", "Dana", "first words", "SMS", "CSV", "UTC", "Asia", "Almaty", "Bishkek",
    };

    public KazakhPagesTests() => UseKazakh();

    internal static void UseKazakh() =>
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = UiLanguages.Culture("kk");

    internal static IReadOnlyList<string> EnglishWords(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page) =>
        LatinWord().Matches(NotEnglish.Aggregate(string.Join(' ', page.Nodes.Select(n => n.TextContent)), (text, word) => text.Replace(word, " ", StringComparison.Ordinal)))
            .Select(m => m.Value).Distinct().ToList();

    private async Task<long> OpenCaseWithWorkAsync()
    {
        var contactId = await QueueAsync("kk-case");
        var caseId = (await Service<QueueService>().ClaimAsync(contactId, Me)).CaseId!.Value;
        var answers = new ScreeningAnswers { ThreatsToKill = ScreeningAnswer.Yes, Weapons = ScreeningAnswer.Unknown };
        await Service<RiskScreeningService>().ScreenAsync(caseId, new ScreeningInput(answers), Me);
        await Service<CaseService>().AddNoteAsync(caseId, "Қоңырау шалды", Me);
        await Service<FollowUpService>().ScheduleAsync(caseId, Clock.GetUtcNow().UtcDateTime.AddHours(2), null, Me);
        return caseId;
    }

    [Fact]
    public async Task The_case_page_with_screening_safety_and_timeline_shows_no_english()
    {
        var caseId = await OpenCaseWithWorkAsync();

        var page = Render<CasePage>(p => p.Add(c => c.CaseId, caseId));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=screening-question]")), Patience);
        page.WaitForAssertion(() => Assert.Empty(EnglishWords(page)), Patience);
    }

    [Fact]
    public async Task My_cases_with_a_case_shows_no_english()
    {
        await OpenCaseWithWorkAsync();

        var page = Render<MyCasesPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=risk-badge]")), Patience);
        Assert.Empty(EnglishWords(page));
    }

    [GeneratedRegex(@"\b[A-Za-z][A-Za-z'’-]{2,}\b")]
    private static partial Regex LatinWord();
}

/// <summary>The supervisor's wallboard and reports in Kazakh.</summary>
public sealed class KazakhSupervisorPagesTests : HelplineTestContext
{
    public KazakhSupervisorPagesTests()
    {
        KazakhPagesTests.UseKazakh();
        SignInAs(TestActors.Supervisor("sup-1", "Dana", "111"));
    }

    [Fact]
    public async Task The_wallboard_and_reports_show_no_english()
    {
        await QueueAsync("kk-wallboard");
        await Service<WallboardMetrics>().StartAsync(CancellationToken.None);
        await Service<WallboardMetrics>().RefreshAsync();

        var wallboard = Render<WallboardPage>();
        wallboard.WaitForAssertion(() => Assert.NotEmpty(wallboard.FindAll("[data-testid=line-board-111]")), KazakhPagesTests.Patience);
        Assert.Empty(KazakhPagesTests.EnglishWords(wallboard));

        var reports = Render<ReportsPage>();
        reports.Find("[data-testid=report-run]").Click();
        reports.WaitForAssertion(() => Assert.Contains("Күндер бойынша", reports.Markup), KazakhPagesTests.Patience);
        Assert.Empty(KazakhPagesTests.EnglishWords(reports));
    }

    [Fact]
    public async Task All_cases_and_escalations_show_no_english()
    {
        var contactId = await QueueAsync("kk-all-cases");
        await Service<QueueService>().ClaimAsync(contactId, Me);

        var cases = Render<Features.Cases.Lists.AllCasesPage>();
        cases.WaitForAssertion(() => Assert.NotEmpty(cases.FindAll("[data-testid=risk-badge]")), KazakhPagesTests.Patience);
        Assert.Empty(KazakhPagesTests.EnglishWords(cases));

        var escalations = Render<Features.Escalations.SupervisorEscalationsPage>();
        escalations.WaitForAssertion(() => Assert.DoesNotContain("mud-progress", escalations.Markup), KazakhPagesTests.Patience);
        Assert.Empty(KazakhPagesTests.EnglishWords(escalations));
    }
}

/// <summary>The administrator's pages in Kazakh.</summary>
public sealed class KazakhAdministrationPagesTests : HelplineTestContext
{
    public KazakhAdministrationPagesTests()
    {
        KazakhPagesTests.UseKazakh();
        SignInAs(TestActors.Admin());
    }

    [Fact]
    public void The_thresholds_page_names_the_lines_in_Kazakh()
    {
        var page = Render<ThresholdsPage>();

        page.WaitForAssertion(() => Assert.Equal("111 Қазақстан", page.Find("[data-testid=thresholds-name-111]").TextContent.Trim()), KazakhPagesTests.Patience);
        Assert.Empty(KazakhPagesTests.EnglishWords(page));
    }

    [Fact]
    public void The_users_page_shows_no_english()
    {
        var page = Render<Features.Administration.UsersPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("tbody tr")), KazakhPagesTests.Patience);
        Assert.Empty(KazakhPagesTests.EnglishWords(page));
    }
}
