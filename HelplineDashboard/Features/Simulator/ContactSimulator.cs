using HelplineDashboard.Features.Intake;
using HelplineDashboard.Features.Lines;
using Microsoft.Extensions.Options;

namespace HelplineDashboard.Features.Simulator;

/// <summary>
/// Development only: feeds demo contacts through the same validator and intake service that the gateway API
/// uses, and hangs up some of them before anyone claims them.
/// </summary>
public sealed class ContactSimulator(
    IntakeValidator validator,
    IntakeService intake,
    LineCatalog lines,
    SimulatedMessages messages,
    IOptions<SimulatorOptions> options,
    TimeProvider time,
    ILogger<ContactSimulator> logger) : BackgroundService
{
    public const string GatewayName = "simulator";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || settings.ContactsPerMinute <= 0)
        {
            return;
        }

        var factory = new SimulatedContactFactory(lines, messages, settings.Seed);
        var pendingHangUps = new PriorityQueue<string, DateTimeOffset>();
        var meanGap = TimeSpan.FromMinutes(1 / settings.ContactsPerMinute);
        logger.LogInformation("Contact simulator feeding about {Rate} contacts a minute", settings.ContactsPerMinute);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(factory.Between(meanGap / 2, meanGap * 1.5), time, stoppingToken);
                await HangUpDueAsync(pendingHangUps, stoppingToken);

                var request = factory.Next();
                request.Urgent = factory.Chance(settings.UrgentShare);
                var validation = validator.Validate(request);
                if (!validation.IsValid)
                {
                    logger.LogWarning("Simulator made an invalid contact: {Errors}", string.Join("; ", validation.Errors.Keys));
                    continue;
                }

                await intake.SubmitAsync(GatewayName, validation.Value!, stoppingToken);
                if (factory.Chance(settings.AbandonShare))
                {
                    pendingHangUps.Enqueue(request.ExternalId!, time.GetUtcNow() + factory.Between(TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(3)));
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Contact simulator step failed");
            }
        }
    }

    private async Task HangUpDueAsync(PriorityQueue<string, DateTimeOffset> pending, CancellationToken cancellationToken)
    {
        while (pending.TryPeek(out var externalId, out var due) && due <= time.GetUtcNow())
        {
            pending.Dequeue();
            await intake.AbandonAsync(GatewayName, externalId, cancellationToken);
        }
    }
}
