using System.Net;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Escalations;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Integration;

public sealed class NoPersonalDataInLogsTests
{
    [Fact]
    public async Task A_whole_case_from_intake_to_escalation_writes_no_number_message_note_or_address_to_the_logs()
    {
        await using var app = new TracedApp();
        var logs = app.Logs;
        using var gateway = app.Gateway();

        var created = await gateway.PostContactAsync(GatewayClient.Contact("pii-1", channel: "Sms", from: "+77014445566", message: "Он душит меня каждую ночь", region: "Almaty"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var bad = await gateway.PostContactAsync(GatewayClient.Contact("pii-2", from: "+7 999 4445566 bad"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var id = long.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var counsellor = TestActors.Counsellor();
        var caseId = (await app.Services.GetRequiredService<QueueService>().ClaimAsync(id, counsellor)).CaseId!.Value;
        await app.Services.GetRequiredService<CaseService>().AddNoteAsync(caseId, "Прячется у сестры на Абая 15", counsellor);
        await app.Services.GetRequiredService<EscalationService>().RequestAsync(caseId, new EscalationRequest
        {
            Target = "police", Region = "Almaty", Address = "Tole Bi 101, flat 7", Summary = "strangulation threats",
        }, counsellor);
        await app.Services.GetRequiredService<CaseService>().GetAsync(caseId, counsellor);

        var everything = string.Join('\n', logs.Lines);
        Assert.NotEmpty(logs.Lines);
        Assert.Contains($"Contact {id} queued", everything);
        foreach (var secret in new[] { "4445566", "душит", "сестры", "Tole Bi", "strangulation" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.OrdinalIgnoreCase);
        }
    }
}
