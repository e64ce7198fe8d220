using System.Net;
using HelplineDashboard.Common;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Administration;
using HelplineDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Tests.Integration;

/// <summary>Accounts administrators manage in the app, checked through the real sign-in form.</summary>
public sealed class UserAdministrationTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    private const string TypedPassword = "Typed-initial-pass-2026";

    private static string UniqueEmail(string who) => $"{who}-{Guid.NewGuid():N}"[..20] + "@helpline.local";

    private async Task<CreatedUser> CreateAsync(string email, string[] roles, string[] lines, string? password = TypedPassword) =>
        await factory.Users().CreateAsync(
            new NewUser { Email = email, DisplayName = "Gulnara Test", Roles = [.. roles], Lines = [.. lines], Password = password },
            await Administrators.SeededAdminAsync(factory));

    [Fact]
    public async Task A_created_supervisor_signs_in_through_the_form_and_gets_the_supervisors_pages_only()
    {
        var email = UniqueEmail("supervisor");
        var created = await CreateAsync(email, [Roles.Supervisor], ["117"]);

        Assert.Null(created.GeneratedPassword);
        using var supervisor = await SignIn.AsAsync(factory, email, TypedPassword);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.Client.GetAsync("/supervisor/escalations")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.Client.GetAsync("/queue")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await supervisor.Client.GetAsync("/admin/users")).StatusCode);
        var actor = await Administrators.ActorForAsync(factory, email);
        Assert.Equal([Roles.Supervisor], actor.Roles);
        Assert.Equal(["117"], actor.Lines);
    }

    [Fact]
    public async Task A_created_administrator_signs_in_with_the_generated_password_and_gets_the_admin_pages()
    {
        var email = UniqueEmail("admin");
        var created = await CreateAsync(email, [Roles.Admin], [], password: null);

        var password = Assert.IsType<string>(created.GeneratedPassword);
        Assert.True(password.Length >= 12);
        using var admin = await SignIn.AsAsync(factory, email, password);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/admin/keys")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await admin.Client.GetAsync("/queue")).StatusCode);
    }

    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/admin/keys")]
    public async Task Counsellors_and_supervisors_do_not_get_the_admin_pages(string path)
    {
        using var counsellor = await SignIn.AsAsync(factory, Accounts.Counsellor1);
        using var supervisor = await SignIn.AsAsync(factory, Accounts.Supervisor);
        var anonymous = await SignIn.AnonymousClient(factory).GetAsync(path);

        Assert.NotEqual(HttpStatusCode.OK, (await counsellor.Client.GetAsync(path)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await supervisor.Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_until_enabled_again()
    {
        var admin = await Administrators.SeededAdminAsync(factory);
        var email = UniqueEmail("disabled");
        var created = await CreateAsync(email, [Roles.Counsellor], ["111"]);

        await factory.Users().DisableAsync(created.User.Id, admin);

        var refused = await SignIn.PostLoginAsync(SignIn.AnonymousClient(factory), email, TypedPassword);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Sign-in failed", await refused.Content.ReadAsStringAsync());
        Assert.Equal(AccountState.Disabled, (await factory.Users().ListAsync(admin)).Single(u => u.Id == created.User.Id).State);

        await factory.Users().EnableAsync(created.User.Id, admin);

        using var again = await SignIn.AsAsync(factory, email, TypedPassword);
        Assert.Equal(HttpStatusCode.OK, (await again.Client.GetAsync("/queue")).StatusCode);
    }

    [Fact]
    public async Task A_role_change_updates_the_security_stamp_roles_and_lines()
    {
        var email = UniqueEmail("promoted");
        var created = await CreateAsync(email, [Roles.Counsellor], ["111"]);
        var before = await Administrators.SecurityStampAsync(factory, created.User.Id);

        await factory.Users().ChangeAccessAsync(created.User.Id, [Roles.Supervisor], ["111", "117"], await Administrators.SeededAdminAsync(factory));

        Assert.NotEqual(before, await Administrators.SecurityStampAsync(factory, created.User.Id));
        var actor = await Administrators.ActorForAsync(factory, email);
        Assert.Equal([Roles.Supervisor], actor.Roles);
        Assert.Equal(["111", "117"], actor.Lines.Order());
    }

    [Fact]
    public async Task Disabling_and_resetting_a_password_update_the_security_stamp()
    {
        var admin = await Administrators.SeededAdminAsync(factory);
        var created = await CreateAsync(UniqueEmail("stamped"), [Roles.Counsellor], ["111"]);
        var first = await Administrators.SecurityStampAsync(factory, created.User.Id);

        await factory.Users().ResetPasswordAsync(created.User.Id, admin);
        var second = await Administrators.SecurityStampAsync(factory, created.User.Id);
        await factory.Users().DisableAsync(created.User.Id, admin);
        var third = await Administrators.SecurityStampAsync(factory, created.User.Id);

        Assert.NotEqual(first, second);
        Assert.NotEqual(second, third);
    }

    [Fact]
    public async Task A_reset_password_replaces_the_old_one()
    {
        var email = UniqueEmail("reset");
        var created = await CreateAsync(email, [Roles.Counsellor], ["111"]);

        var password = await factory.Users().ResetPasswordAsync(created.User.Id, await Administrators.SeededAdminAsync(factory));

        var old = await SignIn.PostLoginAsync(SignIn.AnonymousClient(factory), email, TypedPassword);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        using var renewed = await SignIn.AsAsync(factory, email, password);
    }

    [Fact]
    public async Task Counsellors_and_supervisors_need_a_line_and_roles_must_be_known()
    {
        await Assert.ThrowsAsync<HelplineRuleException>(() => CreateAsync(UniqueEmail("noline"), [Roles.Counsellor], []));
        await Assert.ThrowsAsync<HelplineRuleException>(() => CreateAsync(UniqueEmail("norole"), [], ["111"]));
        await Assert.ThrowsAsync<HelplineRuleException>(() => CreateAsync(UniqueEmail("badrole"), ["Root"], ["111"]));
        await Assert.ThrowsAsync<HelplineRuleException>(() => CreateAsync(UniqueEmail("badline"), [Roles.Counsellor], ["999"]));
        await Assert.ThrowsAsync<HelplineRuleException>(() => CreateAsync(UniqueEmail("weak"), [Roles.Counsellor], ["111"], "short"));
        await Assert.ThrowsAsync<HelplineRuleException>(() => CreateAsync(Accounts.Counsellor1, [Roles.Counsellor], ["111"]));
    }

    public static TheoryData<string> NonAdministrators => ["counsellor", "supervisor"];

    [Theory]
    [MemberData(nameof(NonAdministrators))]
    public async Task The_services_refuse_anyone_but_an_administrator(string who)
    {
        var actor = who == "counsellor"
            ? await Administrators.ActorForAsync(factory, Accounts.Counsellor1)
            : await Administrators.ActorForAsync(factory, Accounts.Supervisor);
        var target = (await Administrators.ActorForAsync(factory, Accounts.Counsellor2)).UserId;
        var stamp = await Administrators.SecurityStampAsync(factory, target);
        var key = await factory.Keys().CreateAsync(
            new NewApiKey { Name = $"refused-{who}", Lines = ["111"] }, await Administrators.SeededAdminAsync(factory));
        var users = factory.Users();
        var keys = factory.Keys();

        await Assert.ThrowsAsync<AdministratorRequiredException>(() => users.ListAsync(actor));
        await Assert.ThrowsAsync<AdministratorRequiredException>(() => users.CreateAsync(
            new NewUser { Email = UniqueEmail(who), DisplayName = "Sneaky", Roles = [Roles.Admin], Password = TypedPassword }, actor));
        await Assert.ThrowsAsync<AdministratorRequiredException>(() => users.ResetPasswordAsync(target, actor));
        await Assert.ThrowsAsync<AdministratorRequiredException>(() => users.ChangeAccessAsync(target, [Roles.Admin], [], actor));
        await Assert.ThrowsAsync<AdministratorRequiredException>(() => users.DisableAsync(target, actor));
        await Assert.ThrowsAsync<AdministratorRequiredException>(() => users.EnableAsync(target, actor));
        await Assert.ThrowsAsync<AdministratorRequiredException>(() => keys.ListAsync(actor));
        await Assert.ThrowsAsync<AdministratorRequiredException>(() => keys.CreateAsync(new NewApiKey { Name = $"mine-{who}", Lines = ["111"] }, actor));
        await Assert.ThrowsAsync<AdministratorRequiredException>(() => keys.RotateAsync(key.Key.Id, actor));
        await Assert.ThrowsAsync<AdministratorRequiredException>(() => keys.RevokeAsync(key.Key.Id, actor));

        Assert.Equal(stamp, await Administrators.SecurityStampAsync(factory, target));
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.DisplayName == "Sneaky"));
        Assert.False(await db.ApiKeys.AnyAsync(k => k.Name == $"mine-{who}"));
        Assert.Null((await db.ApiKeys.SingleAsync(k => k.Id == key.Key.Id)).RevokedAt);
    }

    [Fact]
    public async Task A_password_the_rules_refuse_is_explained_in_the_administrators_language()
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("ru");
        try
        {
            var refused = await Assert.ThrowsAsync<HelplineRuleException>(() =>
                CreateAsync(UniqueEmail("short"), [Roles.Counsellor], ["111"], password: "short"));

            Assert.Contains("Пароль должен содержать не менее 12 символов.", refused.Message);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }
}

/// <summary>Each test has its own app: whether an administrator is the last one depends on who else exists.</summary>
public sealed class LastAdministratorTests
{
    [Fact]
    public async Task The_last_enabled_administrator_can_neither_disable_nor_demote_themself()
    {
        await using var factory = new HelplineAppFactory();
        var admin = await Administrators.SeededAdminAsync(factory);
        var stamp = await Administrators.SecurityStampAsync(factory, admin.UserId);

        var disable = await Assert.ThrowsAsync<HelplineRuleException>(() => factory.Users().DisableAsync(admin.UserId, admin));
        var demote = await Assert.ThrowsAsync<HelplineRuleException>(() =>
            factory.Users().ChangeAccessAsync(admin.UserId, [Roles.Supervisor], ["111"], admin));

        Assert.Contains("last enabled administrator", disable.Message);
        Assert.Contains("last enabled administrator", demote.Message);
        Assert.Equal(admin.Roles, (await Administrators.ActorForAsync(factory, Accounts.Admin)).Roles);
        Assert.Equal(stamp, await Administrators.SecurityStampAsync(factory, admin.UserId));
        using var stillIn = await SignIn.AsAsync(factory, Accounts.Admin);
    }

    [Fact]
    public async Task A_disabled_second_administrator_does_not_count()
    {
        await using var factory = new HelplineAppFactory();
        var admin = await Administrators.SeededAdminAsync(factory);
        var second = await factory.Users().CreateAsync(
            new NewUser { Email = "second.admin@helpline.local", DisplayName = "Second", Roles = [Roles.Admin] }, admin);
        await factory.Users().DisableAsync(second.User.Id, admin);

        await Assert.ThrowsAsync<HelplineRuleException>(() => factory.Users().DisableAsync(admin.UserId, admin));
    }

    [Fact]
    public async Task With_another_enabled_administrator_one_may_step_down()
    {
        await using var factory = new HelplineAppFactory();
        var admin = await Administrators.SeededAdminAsync(factory);
        await factory.Users().CreateAsync(
            new NewUser { Email = "second.admin@helpline.local", DisplayName = "Second", Roles = [Roles.Admin] }, admin);

        await factory.Users().ChangeAccessAsync(admin.UserId, [Roles.Supervisor], ["111"], admin);

        Assert.Equal([Roles.Supervisor], (await Administrators.ActorForAsync(factory, Accounts.Admin)).Roles);
    }
}
