using System.Collections.Concurrent;
using System.Data.Common;
using HelplineDashboard.Common;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Integration;

/// <summary>
/// The repeat-caller lookup of a claim batch (docs/decisions/0028-repeat-caller-lookup-by-caller.md) runs inside the
/// write gate, so its cost holds up every claim behind it: it must follow the callers' histories, never the claimants'
/// open cases.
/// </summary>
public sealed class RepeatCallerLookupTests : IAsyncLifetime
{
    private readonly HelplineAppFactory _factory = new();
    private readonly PlanRecorder _plans = new();
    private WebApplicationFactory<Program> _app = null!;

    public Task InitializeAsync()
    {
        _app = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<HelplineDbContext>(options => options.AddInterceptors(_plans))));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private T Service<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    private async Task<long> ContactAsync(string from, string line = "111")
    {
        var result = await Service<IntakeService>().SubmitAsync("test-gateway",
            new ValidIntake(line, ContactChannel.Voice, Guid.NewGuid().ToString("N"), from, "kk", null, null, false));
        return result.Id;
    }

    private async Task<long> ClaimAsync(long contactId, Actor actor, CaseChoice choice = CaseChoice.JoinOpenCase)
    {
        var claim = await Service<QueueService>().ClaimAsync(contactId, actor, choice);
        Assert.Equal(ClaimStatus.Won, claim.Status);
        return claim.CaseId!.Value;
    }

    [Fact]
    public async Task A_claim_batchs_repeat_caller_lookup_starts_from_the_callers_contacts_and_finds_cases_by_their_key()
    {
        // Several callers in one batch, each with an open case of the claimant: the shape where SQLite, left to choose,
        // started from the claimant's open cases.
        var owner = TestActors.Counsellor("lookup-owner", "Aigerim");
        var callers = new[] { "+77015550171", "+77015550172", "+77015550173" };
        var cases = new List<long>();
        foreach (var caller in callers)
        {
            cases.Add(await ClaimAsync(await ContactAsync(caller), owner));
        }

        var again = new List<ClaimRequest>();
        foreach (var caller in callers)
        {
            again.Add(new ClaimRequest(await ContactAsync(caller), owner, CaseChoice.JoinOpenCase, DateTime.UtcNow));
        }

        _plans.Record();
        var answers = await Service<ClaimWriter>().CommitAsync(again);
        var plans = _plans.Stop();

        Assert.Equal(cases, answers.Select(a => a.Result.CaseId!.Value));
        // The one read of the batch that names both the callers and the cases' owners.
        var lookup = Assert.Single(plans, p => p.Sql.Contains("\"CallerKey\"", StringComparison.Ordinal) && p.Sql.Contains("\"OwnerId\"", StringComparison.Ordinal));
        Assert.True(lookup.Steps[0].StartsWith("SEARCH c USING INDEX IX_Contacts_CallerKey_ArrivedAt", StringComparison.Ordinal), string.Join(" / ", lookup.Steps));
        Assert.All(lookup.Steps.Skip(1).Where(s => s.StartsWith("SEARCH", StringComparison.Ordinal)),
            step => Assert.Contains("USING INTEGER PRIMARY KEY", step, StringComparison.Ordinal));
        Assert.DoesNotContain(lookup.Steps, step => step.StartsWith("SCAN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_claimant_with_many_open_cases_joins_the_callers_open_case_they_work_on_the_contacts_line_and_no_other()
    {
        var owner = TestActors.Counsellor("lookup-busy", "Bolat", "111", "117");
        var colleague = TestActors.Counsellor("lookup-colleague", "Dana", "111", "117");
        var caller = "+77015550178";
        for (var i = 0; i < 30; i++)
        {
            await ClaimAsync(await ContactAsync($"+7701666{i:D4}"), owner);
        }

        var closed = await ClaimAsync(await ContactAsync(caller), owner, CaseChoice.NewCase);
        await using (var db = _app.Services.GetRequiredService<IDbContextFactory<HelplineDbContext>>().CreateDbContext())
        {
            await db.Cases.Where(c => c.Id == closed).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CaseStatus.Closed));
        }

        var colleagues = await ClaimAsync(await ContactAsync(caller), colleague, CaseChoice.NewCase);
        var otherLine = await ClaimAsync(await ContactAsync(caller, "117"), owner, CaseChoice.NewCase);
        var theirs = await ClaimAsync(await ContactAsync(caller), owner, CaseChoice.NewCase);

        var joined = await ClaimAsync(await ContactAsync(caller), owner);

        Assert.Equal(theirs, joined);
        Assert.Equal(4, new[] { closed, colleagues, otherLine, theirs }.Distinct().Count());
    }

    /// <summary>While recording, asks SQLite how it would run each query the app reads with, before it runs.</summary>
    private sealed class PlanRecorder : DbCommandInterceptor
    {
        private ConcurrentQueue<Plan>? _plans;

        public void Record() => _plans = new ConcurrentQueue<Plan>();

        public IReadOnlyList<Plan> Stop()
        {
            var plans = _plans!.ToList();
            _plans = null;
            return plans;
        }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (_plans is { } plans && command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
            {
                await using var explain = command.Connection!.CreateCommand();
                explain.Transaction = command.Transaction;
                explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
                foreach (DbParameter parameter in command.Parameters)
                {
                    var copy = explain.CreateParameter();
                    copy.ParameterName = parameter.ParameterName;
                    copy.Value = parameter.Value;
                    explain.Parameters.Add(copy);
                }

                var steps = new List<string>();
                await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        steps.Add(reader.GetString(3));
                    }
                }

                plans.Enqueue(new Plan(command.CommandText, steps));
            }

            return result;
        }
    }

    private sealed record Plan(string Sql, IReadOnlyList<string> Steps);
}
