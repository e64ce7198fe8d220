using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Escalations;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Features.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Support;

/// <summary>An app whose police target (line 111) points at a test's receiver, and a counsellor with an open case.</summary>
public sealed class EscalationScenario : IAsyncDisposable
{
    private EscalationScenario(HelplineAppFactory app) => App = app;

    public HelplineAppFactory App { get; }

    public Actor Counsellor { get; } = TestActors.Counsellor("esc-owner", "Aigerim", "111");

    public static EscalationScenario Start(string endpoint, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Escalations:Targets:111:0:Endpoint"] = endpoint,
            ["Escalations:Targets:111:0:Secret"] = TestReceiver.Secret,
            ["Escalations:RetryBaseMilliseconds"] = "50",
            ["Escalations:RetryMaxMilliseconds"] = "200",
            ["Escalations:AttemptTimeoutMilliseconds"] = "1500",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = new HelplineAppFactory(useKestrel: false, all);
        _ = app.Server;
        return new EscalationScenario(app);
    }

    public T Service<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public async Task<long> OpenCaseAsync()
    {
        var contact = await Service<IntakeService>().SubmitAsync("test-gateway",
            new ValidIntake("111", ContactChannel.Voice, $"esc-{Guid.NewGuid():N}", "+77015551234", "kk", null, "Astana", true));
        return (await Service<QueueService>().ClaimAsync(contact.Id, Counsellor)).CaseId!.Value;
    }

    public async Task<EscalationView> EscalateAsync(string target = "police")
    {
        var caseId = await OpenCaseAsync();
        return await Service<EscalationService>().RequestAsync(caseId, new EscalationRequest
        {
            Target = target,
            Region = "Astana",
            Address = "Kabanbay Batyr Ave 8, flat 12",
            Urgency = EscalationUrgency.Immediate,
            PeopleAtRisk = 2,
            ChildrenPresent = true,
            WeaponsMentioned = true,
            Summary = "Husband is breaking the door with an axe.",
        }, Counsellor);
    }

    public async Task<Escalation> ReadAsync(Guid id)
    {
        await using var db = App.CreateDbContext();
        return await db.Escalations.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    public async Task<EscalationDelivery> DeliveryAsync(Guid id)
    {
        await using var db = App.CreateDbContext();
        return await db.EscalationDeliveries.AsNoTracking().SingleAsync(d => d.EscalationId == id);
    }

    public Task<Escalation> WaitForStatusAsync(Guid id, EscalationStatus status) =>
        Eventually.MatchAsync(() => ReadAsync(id), e => e.Status == status, what: $"escalation {status}");

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
