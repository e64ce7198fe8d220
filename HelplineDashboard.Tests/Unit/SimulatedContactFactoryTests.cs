using HelplineDashboard.Features.Intake;
using HelplineDashboard.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using HelplineDashboard.Features.Simulator;
using HelplineDashboard.Tests.Support;

namespace HelplineDashboard.Tests.Unit;

public sealed class SimulatedContactFactoryTests
{
    private static readonly SimulatedMessages Messages = new(
        new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<Strings>>());

    [Fact]
    public void Every_simulated_contact_passes_the_same_intake_rules_as_a_gateways()
    {
        var factory = new SimulatedContactFactory(TestLines.Catalog, Messages, seed: 42);
        var validator = new IntakeValidator(TestLines.Catalog);

        var contacts = Enumerable.Range(0, 300).Select(_ => factory.Next()).ToList();

        Assert.All(contacts, c => Assert.True(validator.Validate(c).IsValid, $"{c.Line} {c.Channel} {c.From} {c.Region}"));
        Assert.Equal(["111", "117"], contacts.Select(c => c.Line).Distinct().Order());
        Assert.Equal(["Chat", "Sms", "Voice"], contacts.Select(c => c.Channel!).Distinct().Order());
        Assert.Contains(contacts, c => c.Line == "111" && c.Language == "kk");
        Assert.Contains(contacts, c => c.Line == "117" && c.Language == "ky" && c.From!.StartsWith("+996"));
        Assert.Equal(contacts.Count, contacts.Select(c => c.ExternalId).Distinct().Count());
    }

    [Theory]
    [InlineData("kk", "Маған көмек керек, сөйлесуге бола ма?")]
    [InlineData("ky", "Мага жардам керек, сүйлөшсөк болобу?")]
    [InlineData("ru", "Мне нужна помощь, можно поговорить?")]
    public void Simulated_callers_write_from_the_resources_in_the_language_they_chose(string language, string expected)
    {
        Assert.Equal(expected, Messages.In(language, 0));
    }

    [Fact]
    public void Simulated_messages_follow_the_callers_language_not_the_dashboards()
    {
        var factory = new SimulatedContactFactory(TestLines.Catalog, Messages, seed: 7);

        var written = Enumerable.Range(0, 300).Select(_ => factory.Next()).Where(c => c.Message is not null).ToList();

        Assert.NotEmpty(written);
        Assert.All(written, c => Assert.Contains(c.Message, SimulatedMessages.Keys.Select((_, i) => Messages.In(c.Language!, i))));
        Assert.DoesNotContain(written, c => SimulatedMessages.Keys.Contains(c.Message));
    }
}
