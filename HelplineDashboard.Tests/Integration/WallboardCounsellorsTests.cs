using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Features.Presence;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Features.Wallboard;
using HelplineDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Integration;

/// <summary>The wallboard's counsellor rows: open cases counted per person, the newest open one shown as current.</summary>
public sealed class WallboardCounsellorsTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    private readonly Features.Accounts.Actor _busy = TestActors.Counsellor("wb-board-busy", "Aigerim", "111");
    private readonly Features.Accounts.Actor _free = TestActors.Counsellor("wb-board-free", "Bakyt", "111");

    // Each from its own caller: a repeat caller's contact would join the open case instead of opening one.
    private async Task<long> OpenCaseAsync(string externalId, string from, DateTime openedAt, RiskLevel risk)
    {
        var contact = await factory.Services.GetRequiredService<IntakeService>().SubmitAsync("test-gateway",
            new ValidIntake("111", ContactChannel.Voice, externalId, from, "kk", null, null, false));
        var caseId = (await factory.Services.GetRequiredService<QueueService>().ClaimAsync(contact.Id, _busy)).CaseId!.Value;
        await using var db = factory.CreateDbContext();
        await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(u => u.SetProperty(c => c.OpenedAt, openedAt).SetProperty(c => c.Risk, risk));
        return caseId;
    }

    [Fact]
    public async Task Each_person_online_shows_their_open_cases_and_the_newest_as_current()
    {
        var at = new DateTime(2026, 12, 6, 9, 0, 0, DateTimeKind.Utc);
        await OpenCaseAsync("wb-board-1", "+77012220001", at, RiskLevel.Standard);
        var newest = await OpenCaseAsync("wb-board-2", "+77012220002", at.AddMinutes(20), RiskLevel.High);
        await OpenCaseAsync("wb-board-3", "+77012220003", at.AddMinutes(10), RiskLevel.ImmediateDanger);
        var closed = await OpenCaseAsync("wb-board-4", "+77012220004", at.AddMinutes(30), RiskLevel.Medium);
        await factory.Services.GetRequiredService<CaseService>().CloseAsync(closed, CaseOutcome.InformationProvided, "done", _busy);
        await factory.Services.GetRequiredService<PresenceService>().SetAsync(_free, PresenceStatus.Available);

        var board = (await factory.Services.GetRequiredService<WallboardMetrics>().ComputeAsync()).Counsellors;

        var busy = Assert.Single(board, c => c.UserId == _busy.UserId);
        Assert.Equal(3, busy.OpenCases);
        Assert.Equal(newest, busy.CurrentCaseId);
        Assert.Equal(RiskLevel.High, busy.CurrentCaseRisk);
        var free = Assert.Single(board, c => c.UserId == _free.UserId);
        Assert.Equal(0, free.OpenCases);
        Assert.Null(free.CurrentCaseId);
    }
}
