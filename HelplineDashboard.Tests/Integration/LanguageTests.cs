using System.Net;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Features.Languages;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Integration;

/// <summary>Claims respect the counsellor's languages; the UI language follows the cookie, then the account, then the default.</summary>
public sealed class LanguageTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    private async Task<long> QueueAsync(string externalId, string language, string line = "111")
    {
        var intake = factory.Services.GetRequiredService<IntakeService>();
        var from = line == "111" ? "+77011234567" : "+996555123456";
        return (await intake.SubmitAsync("test-gateway", new ValidIntake(line, ContactChannel.Voice, externalId, from, language, null, null, false))).Id;
    }

    private QueueService Queue => factory.Services.GetRequiredService<QueueService>();

    [Fact]
    public async Task A_claim_in_a_language_the_counsellor_does_not_speak_is_refused_without_confirmation()
    {
        var aigerim = await Administrators.ActorForAsync(factory, Accounts.Counsellor1); // Kazakh and Russian
        var kyrgyz = await QueueAsync($"lang-ky-{Guid.NewGuid():N}", "ky");

        var refused = await Queue.ClaimAsync(kyrgyz, aigerim);

        Assert.Equal(ClaimStatus.OutOfLanguage, refused.Status);
        Assert.Equal("ky", refused.Language);
        await using var db = factory.CreateDbContext();
        Assert.Equal(ContactStatus.Waiting, (await db.Contacts.SingleAsync(c => c.Id == kyrgyz)).Status);
    }

    [Fact]
    public async Task A_confirmed_out_of_language_claim_goes_through()
    {
        var aigerim = await Administrators.ActorForAsync(factory, Accounts.Counsellor1);
        var kyrgyz = await QueueAsync($"lang-ky-ok-{Guid.NewGuid():N}", "ky");

        var claim = await Queue.ClaimAsync(kyrgyz, aigerim, confirmedOutOfLanguage: true);

        Assert.Equal(ClaimStatus.Won, claim.Status);
    }

    [Theory]
    [InlineData("kk")]
    [InlineData("ru")]
    [InlineData("und")]
    public async Task A_claim_in_the_counsellors_language_or_an_undetermined_one_needs_no_confirmation(string language)
    {
        var aigerim = await Administrators.ActorForAsync(factory, Accounts.Counsellor1);
        var contact = await QueueAsync($"lang-{language}-{Guid.NewGuid():N}", language);

        Assert.Equal(ClaimStatus.Won, (await Queue.ClaimAsync(contact, aigerim)).Status);
    }

    [Fact]
    public async Task Languages_an_administrator_sets_apply_at_the_next_claim()
    {
        var admin = await Administrators.SeededAdminAsync(factory);
        var created = await factory.Users().CreateAsync(new() { Email = $"uz-{Guid.NewGuid():N}@helpline.local", DisplayName = "Uzbek speaker", Roles = ["Counsellor"], Lines = ["111"], Languages = ["ru"] }, admin);
        var counsellor = await Administrators.ActorForAsync(factory, created.User.Email);
        var uzbek = await QueueAsync($"lang-uz-{Guid.NewGuid():N}", "uz");
        Assert.Equal(ClaimStatus.OutOfLanguage, (await Queue.ClaimAsync(uzbek, counsellor)).Status);

        await factory.Users().ChangeLanguagesAsync(created.User.Id, ["uz", "ru"], admin);

        Assert.Equal(["ru", "uz"], (await Queue.LanguagesOfAsync(counsellor)).Order());
        Assert.Equal(ClaimStatus.Won, (await Queue.ClaimAsync(uzbek, counsellor)).Status);
    }

    [Fact]
    public async Task Unknown_counsel_languages_are_refused()
    {
        var admin = await Administrators.SeededAdminAsync(factory);
        var aigerim = await Administrators.ActorForAsync(factory, Accounts.Counsellor1);

        await Assert.ThrowsAsync<Common.HelplineRuleException>(() => factory.Users().ChangeLanguagesAsync(aigerim.UserId, ["klingon"], admin));
    }

    [Fact]
    public async Task The_culture_address_sets_the_cookie_and_returns_to_the_page()
    {
        var client = SignIn.AnonymousClient(factory);

        var response = await client.GetAsync("/account/culture?culture=ky&returnUrl=/account/login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Dky%7Cuic%3Dky", StringComparison.Ordinal));
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/account/login"));
        Assert.Contains("Линияда жооп берүү үчүн кириңиз.", page);
        Assert.Contains("lang=\"ky\"", page);
    }

    [Fact]
    public async Task The_culture_address_never_sends_people_off_the_site()
    {
        var response = await SignIn.AnonymousClient(factory).GetAsync("/account/culture?culture=kk&returnUrl=https://evil.example/");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_language_saved_on_the_account_follows_the_person_to_a_new_device()
    {
        var bakyt = await Administrators.ActorForAsync(factory, Accounts.Counsellor2);
        await factory.Services.GetRequiredService<UserLanguageService>().ChooseUiLanguageAsync(bakyt, "ky");

        var signedIn = await SignIn.AsAsync(factory, Accounts.Counsellor2);
        var page = await signedIn.Client.GetStringAsync("/account/access-denied");

        Assert.Contains("lang=\"ky\"", page);
    }
}

/// <summary>A deployment with its configured default: Russian for anyone who has not chosen.</summary>
public sealed class DefaultLanguageTests : IDisposable
{
    private readonly HelplineAppFactory _factory = new(useKestrel: false, new Dictionary<string, string?> { ["Localization:DefaultCulture"] = "ru" });

    [Fact]
    public async Task The_sign_in_page_is_in_the_lines_first_language_until_someone_chooses()
    {
        var page = WebUtility.HtmlDecode(await SignIn.AnonymousClient(_factory).GetStringAsync("/account/login"));

        Assert.Contains("lang=\"ru\"", page);
        Assert.Contains("Войдите, чтобы отвечать на линии.", page);
    }

    [Fact]
    public async Task A_browser_in_English_still_gets_the_deployments_default()
    {
        var client = SignIn.AnonymousClient(_factory);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");

        Assert.Contains("lang=\"ru\"", await client.GetStringAsync("/account/login"));
    }

    public void Dispose() => _factory.Dispose();
}
