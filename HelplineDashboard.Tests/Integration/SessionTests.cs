using System.Net;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Tests.Support;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

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

    [Fact]
    public async Task A_live_circuit_loses_access_when_the_users_security_stamp_changes()
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(Accounts.Counsellor1))!;
        var circuit = new AuthenticationState(await principals.CreateAsync(user));
        var revalidation = new IdentityRevalidatingAuthenticationStateProvider(
            NullLoggerFactory.Instance, factory.Services.GetRequiredService<IServiceScopeFactory>(), factory.Services.GetRequiredService<IOptions<IdentityOptions>>());

        Assert.True(await revalidation.ValidateAsync(circuit));

        // An administrator disables the account or changes its role: Identity changes the stamp.
        await users.UpdateSecurityStampAsync(user);

        Assert.False(await revalidation.ValidateAsync(circuit));
        Assert.True(revalidation.Interval <= TimeSpan.FromMinutes(1));
    }
}
