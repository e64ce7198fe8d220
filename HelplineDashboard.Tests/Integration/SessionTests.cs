using System.Net;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Tests.Support;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using HelplineDashboard.Features.Security;

namespace HelplineDashboard.Tests.Integration;

public sealed class SessionTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_and_the_message_stays_generic()
    {
        var client = SignIn.AnonymousClient(factory);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignIn.PostLoginAsync(client, Accounts.Supervisor, "wrong password");
        }

        var withRightPassword = await SignIn.PostLoginAsync(client, Accounts.Supervisor, HelplineAppFactory.Password);

        Assert.Equal(HttpStatusCode.OK, withRightPassword.StatusCode);
        Assert.Contains("Sign-in failed. Check your email and password", await withRightPassword.Content.ReadAsStringAsync());
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync(Accounts.Supervisor))!));
    }

    private IdentityRevalidatingAuthenticationStateProvider Revalidation(TimeProvider time) => new(
        NullLoggerFactory.Instance,
        factory.Services.GetRequiredService<IServiceScopeFactory>(),
        factory.Services.GetRequiredService<IOptions<IdentityOptions>>(),
        factory.Services.GetRequiredService<IOptionsMonitor<SecurityOptions>>(),
        time);

    private async Task<AuthenticationState> CircuitOfAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        return new AuthenticationState(await principals.CreateAsync((await users.FindByEmailAsync(email))!));
    }

    [Fact]
    public async Task A_live_circuit_ends_when_the_absolute_session_lifetime_is_over_however_active_it_is()
    {
        var circuit = await CircuitOfAsync(Accounts.Counsellor1);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);

        Assert.True(await Revalidation(clock).ValidateAsync(circuit));
        clock.Advance(TimeSpan.FromHours(11.9));
        Assert.True(await Revalidation(clock).ValidateAsync(circuit));
        clock.Advance(TimeSpan.FromHours(0.2));
        Assert.False(await Revalidation(clock).ValidateAsync(circuit));
    }

    [Fact]
    public async Task Signing_out_ends_the_users_other_live_circuits()
    {
        var otherTab = await CircuitOfAsync(Accounts.Counsellor2);
        using var counsellor = await SignIn.AsAsync(factory, Accounts.Counsellor2);
        var form = await counsellor.Client.GetStringAsync("/account/login");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.True(await Revalidation(TimeProvider.System).ValidateAsync(otherTab));

        await counsellor.Client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.False(await Revalidation(TimeProvider.System).ValidateAsync(otherTab));
    }

    [Fact]
    public async Task A_live_circuit_loses_access_when_the_users_security_stamp_changes()
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(Accounts.Counsellor1))!;
        var circuit = new AuthenticationState(await principals.CreateAsync(user));
        var revalidation = Revalidation(TimeProvider.System);

        Assert.True(await revalidation.ValidateAsync(circuit));

        // An administrator disables the account or changes its role: Identity changes the stamp.
        await users.UpdateSecurityStampAsync(user);

        Assert.False(await revalidation.ValidateAsync(circuit));
        Assert.True(revalidation.Interval <= TimeSpan.FromMinutes(1));
    }
}
