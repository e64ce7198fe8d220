using HelplineDashboard.Features.Intake;
using HelplineDashboard.Features.Simulator;
using HelplineDashboard.Tests.Support;

namespace HelplineDashboard.Tests.Unit;

public sealed class SimulatedContactFactoryTests
{
    [Fact]
    public void Every_simulated_contact_passes_the_same_intake_rules_as_a_gateways()
    {
        var factory = new SimulatedContactFactory(TestLines.Catalog, seed: 42);
        var validator = new IntakeValidator(TestLines.Catalog);

        var contacts = Enumerable.Range(0, 300).Select(_ => factory.Next()).ToList();

        Assert.All(contacts, c => Assert.True(validator.Validate(c).IsValid, $"{c.Line} {c.Channel} {c.From} {c.Region}"));
        Assert.Equal(["111", "117"], contacts.Select(c => c.Line).Distinct().Order());
        Assert.Equal(["Chat", "Sms", "Voice"], contacts.Select(c => c.Channel!).Distinct().Order());
        Assert.Contains(contacts, c => c.Line == "111" && c.Language == "kk");
        Assert.Contains(contacts, c => c.Line == "117" && c.Language == "ky" && c.From!.StartsWith("+996"));
        Assert.Equal(contacts.Count, contacts.Select(c => c.ExternalId).Distinct().Count());
    }
}
