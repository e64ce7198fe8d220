using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Integration;

/// <summary>
/// A caller calls again while their counsellor screens them: the intake writer has read the caller's known risk (before
/// its write transaction) when the screening commits. The new contact must still queue at the screened risk.
/// </summary>
public sealed class ScreeningRaceTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly HelplineAppFactory _factory = new();
    private readonly PauseAfterRiskRead _pause = new();
    private WebApplicationFactory<Program> _app = null!;

    public Task InitializeAsync()
    {
        _app = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<HelplineDbContext>(options => options.AddInterceptors(_pause))));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task A_contact_whose_caller_is_screened_while_the_intake_reads_their_history_queues_at_the_screened_risk()
    {
        using var gateway = _app.CreateClient();
        gateway.DefaultRequestHeaders.Add("X-Api-Key", HelplineAppFactory.GatewayKey);
        const string caller = "+77015550101";
        var owner = TestActors.Counsellor("race-screener", "Aigerim", "111");
        var queue = _app.Services.GetRequiredService<QueueService>();
        var first = await IdOfAsync(await gateway.PostContactAsync(GatewayClient.Contact("race-first", from: caller)));
        var caseId = (await queue.ClaimAsync(first, owner)).CaseId!.Value;

        _pause.Arm();
        var posting = gateway.PostContactAsync(GatewayClient.Contact("race-again", from: caller));
        await _pause.Reached.WaitAsync(Deadline);
        await _app.Services.GetRequiredService<RiskScreeningService>().ScreenAsync(
            caseId, new ScreeningInput(Screenings.Yes("fear-for-life", "strangulation")), owner);
        _pause.Release();
        var again = await IdOfAsync(await posting.WaitAsync(Deadline));

        var queued = (await queue.ListWaitingAsync(owner)).Single(c => c.Id == again);
        Assert.Equal(RiskLevel.ImmediateDanger, queued.Risk);
    }

    private static async Task<long> IdOfAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<Receipt>())!.Id;
        }
    }

    private sealed record Receipt(long Id);

    /// <summary>Once armed, holds the first read of callers' known risks (it selects the cases' opening times) until released.</summary>
    private sealed class PauseAfterRiskRead : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _armed;

        public Task Reached => _reached.Task;

        public void Arm() => Interlocked.Exchange(ref _armed, 1);

        public void Release() => _released.TrySetResult();

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("\"OpenedAt\"", StringComparison.Ordinal) &&
                command.CommandText.Contains("\"CallerKey\"", StringComparison.Ordinal) &&
                Interlocked.Exchange(ref _armed, 0) == 1)
            {
                _reached.TrySetResult();
                await _released.Task;
            }

            return result;
        }
    }
}
