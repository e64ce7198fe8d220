using HelplineDashboard.Data;
using Microsoft.AspNetCore.Identity;

namespace HelplineDashboard.Features.Accounts;

/// <summary>Creates the roles everywhere, the demo accounts in Development, and the first administrator on request.</summary>
public sealed class AccountSeeder(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    ILogger<AccountSeeder> logger)
{
    /// <summary>The Development-only demo password, written in README. Never used outside Development.</summary>
    public const string DemoPassword = "Helpline-demo-2026!";

    public static readonly IReadOnlyList<DemoAccount> DemoAccounts =
    [
        new("counsellor1@helpline.local", "Aigerim Sadykova", Roles.Counsellor, "kk,ru"),
        new("counsellor2@helpline.local", "Bakyt Toktogulov", Roles.Counsellor, "ky,ru"),
        new("supervisor@helpline.local", "Dana Supervisor", Roles.Supervisor, "kk,ky,ru"),
        new("admin@helpline.local", "Admin", Roles.Admin, ""),
    ];

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }
    }

    public async Task SeedDemoAccountsAsync(string lines)
    {
        foreach (var account in DemoAccounts)
        {
            if (await users.FindByEmailAsync(account.Email) is null)
            {
                await CreateAsync(account.Email, account.DisplayName, account.Role, lines, DemoPassword, account.Languages);
                logger.LogInformation("Seeded demo account {Email}", account.Email);
            }
        }
    }

    /// <summary>
    /// True when every role exists and, with <paramref name="demoAccounts"/>, every demo account: what
    /// <see cref="EnsureRolesAsync"/> and <see cref="SeedDemoAccountsAsync"/> would find, read without Entity Framework.
    /// </summary>
    public static async Task<bool> IsDoneAsync(StartupProbe probe, ILookupNormalizer normalizer, bool demoAccounts, CancellationToken cancellationToken)
    {
        var roleNames = Roles.All.Select(role => normalizer.NormalizeName(role)).ToList();
        var rolesFound = await probe.CountAsync(
            $"""SELECT COUNT(DISTINCT "NormalizedName") FROM "AspNetRoles" WHERE "NormalizedName" IN ({StartupProbe.Parameters(roleNames.Count)})""",
            roleNames,
            cancellationToken);
        if (rolesFound != roleNames.Count || !demoAccounts)
        {
            return rolesFound == roleNames.Count;
        }

        var emails = DemoAccounts.Select(account => normalizer.NormalizeEmail(account.Email)).ToList();
        var accountsFound = await probe.CountAsync(
            $"""SELECT COUNT(DISTINCT "NormalizedEmail") FROM "AspNetUsers" WHERE "NormalizedEmail" IN ({StartupProbe.Parameters(emails.Count)})""",
            emails,
            cancellationToken);
        return accountsFound == emails.Count;
    }

    /// <summary>Creates an administrator; used by <c>create-admin</c> to bootstrap a new deployment.</summary>
    public Task CreateAdministratorAsync(string email, string displayName, string password) =>
        CreateAsync(email, displayName, Roles.Admin, "", password, "");

    private async Task CreateAsync(string email, string displayName, string role, string lines, string password, string languages)
    {
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            Lines = lines,
            Languages = languages,
        };
        Check(await users.CreateAsync(user, password), $"create {email}");
        Check(await users.AddToRoleAsync(user, role), $"add {email} to {role}");
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}

/// <param name="Languages">Comma-separated codes of the languages the demo person counsels in.</param>
public sealed record DemoAccount(string Email, string DisplayName, string Role, string Languages);
