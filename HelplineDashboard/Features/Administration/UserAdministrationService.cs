using System.ComponentModel.DataAnnotations;
using HelplineDashboard.Common;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Languages;
using HelplineDashboard.Features.Lines;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Administration;

/// <summary>
/// Administrators create accounts, reset passwords, change roles and lines, disable and enable. Every change that
/// takes something away also renews the security stamp, so the person's live circuits lose access within a minute
/// (<see cref="IdentityRevalidatingAuthenticationStateProvider"/>). The last enabled administrator cannot be disabled
/// or demoted.
/// </summary>
/// <remarks>
/// Each call makes its own scope, so Identity's <see cref="UserManager{TUser}"/> and its context live for one
/// operation only. Changes that could remove the last administrator run in one SQLite transaction (BEGIN IMMEDIATE),
/// so two administrators demoting each other at once cannot both succeed.
/// </remarks>
public sealed class UserAdministrationService(
    IServiceScopeFactory scopes,
    IDbContextFactory<HelplineDbContext> dbFactory,
    LineCatalog lineCatalog,
    TimeProvider time,
    ILogger<UserAdministrationService> logger)
{
    public const int MaxDisplayNameLength = 128;
    public const int MaxEmailLength = 256;

    /// <summary>Lockout end of a disabled account.</summary>
    public static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    /// <summary>A lockout ending after this is a disabled account, not a few minutes' lockout after failed sign-ins.</summary>
    private static readonly DateTimeOffset DisabledFrom = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task<IReadOnlyList<UserSummary>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        AdministrationRules.EnsureAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.Lines, u.LockoutEnd, u.Specialisms, u.Languages })
            .ToListAsync(cancellationToken);
        var roles = (await (from userRole in db.UserRoles
                            join role in db.Roles on userRole.RoleId equals role.Id
                            select new { userRole.UserId, role.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name!);
        var now = time.GetUtcNow();
        return users
            .Select(u => new UserSummary(
                u.Id,
                u.Email ?? "",
                u.DisplayName,
                Roles.All.Where(roles[u.Id].Contains).ToList(),
                AdministrationRules.ParseLines(u.Lines),
                StateOf(u.LockoutEnd, now),
                u.LockoutEnd > now ? u.LockoutEnd : null,
                CallerLanguages.All.Where(CallerLanguages.Parse(u.Languages).Contains).ToList())
            {
                Specialisms = Specialisms.Parse(u.Specialisms),
            })
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(u => u.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    public async Task<CreatedUser> CreateAsync(NewUser request, Actor actor, CancellationToken cancellationToken = default)
    {
        AdministrationRules.EnsureAdmin(actor);
        var email = ValidEmail(request.Email);
        var displayName = ValidDisplayName(request.DisplayName);
        var roles = ValidRoles(request.Roles);
        var lines = ValidLinesFor(roles, request.Lines);
        var languages = CallerLanguages.Valid(request.Languages);
        var generated = string.IsNullOrEmpty(request.Password) ? PasswordGenerator.Generate() : null;

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<HelplineDbContext>();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            Lines = AdministrationRules.JoinLines(lines),
            Languages = CallerLanguages.Join(languages),
        };
        await AuditTrail.WriteWithLineAsync(
            db,
            async _ =>
            {
                Check(await users.CreateAsync(user, generated ?? request.Password!));
                Check(await users.AddToRolesAsync(user, roles));
                Check(await users.SetLockoutEnabledAsync(user, true));
            },
            () => AuditTrail.SettingsChanged(db, Now, actor, $"user:{user.Id}", AuditPhrases.UserCreated.Format(string.Join(',', roles), user.Lines, user.Languages)),
            cancellationToken);

        logger.LogInformation("User {UserId} created with roles {Roles} by {ActorId}", user.Id, string.Join(',', roles), actor.UserId);
        return new CreatedUser(
            new UserSummary(user.Id, email, displayName, roles, lines, AccountState.Active, null, languages),
            generated);
    }

    /// <summary>Gives the account a new generated password (returned once) and ends its sessions.</summary>
    public async Task<string> ResetPasswordAsync(string userId, Actor actor, CancellationToken cancellationToken = default)
    {
        AdministrationRules.EnsureAdmin(actor);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await FindAsync(users, userId);
        var password = PasswordGenerator.Generate();
        foreach (var validator in users.PasswordValidators)
        {
            Check(await validator.ValidateAsync(users, user, password));
        }

        // One write: the new hash and the new security stamp together.
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.AccessFailedCount = 0;
        if (StateOf(user.LockoutEnd, time.GetUtcNow()) == AccountState.LockedOut)
        {
            user.LockoutEnd = null;
        }

        var db = scope.ServiceProvider.GetRequiredService<HelplineDbContext>();
        await AuditTrail.WriteWithLineAsync(
            db,
            async _ => Check(await users.UpdateSecurityStampAsync(user)),
            () => AuditTrail.SettingsChanged(db, Now, actor, $"user:{user.Id}", AuditDetails.PasswordReset),
            cancellationToken);
        logger.LogInformation("Password of user {UserId} reset by {ActorId}", user.Id, actor.UserId);
        return password;
    }

    /// <summary>Replaces the account's roles and lines and ends its sessions, so the change takes effect within a minute.</summary>
    public async Task ChangeAccessAsync(
        string userId, IEnumerable<string> roles, IEnumerable<string> lines, Actor actor, CancellationToken cancellationToken = default)
    {
        AdministrationRules.EnsureAdmin(actor);
        var wantedRoles = ValidRoles(roles);
        var wantedLines = ValidLinesFor(wantedRoles, lines);

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<HelplineDbContext>();
        var joinedLines = AdministrationRules.JoinLines(wantedLines);
        await AuditTrail.WriteWithLineAsync(
            db,
            async ct =>
            {
                var user = await FindAsync(users, userId);
                var currentRoles = await users.GetRolesAsync(user);
                if (currentRoles.Contains(Roles.Admin) && !wantedRoles.Contains(Roles.Admin))
                {
                    await EnsureAnotherEnabledAdminAsync(db, user.Id, ct);
                }

                user.Lines = joinedLines;
                Check(await users.RemoveFromRolesAsync(user, currentRoles.Except(wantedRoles)));
                Check(await users.AddToRolesAsync(user, wantedRoles.Except(currentRoles)));
                Check(await users.UpdateSecurityStampAsync(user));
            },
            () => AuditTrail.SettingsChanged(db, Now, actor, $"user:{userId}", AuditPhrases.AccessChanged.Format(string.Join(',', wantedRoles), joinedLines)),
            cancellationToken);
        logger.LogInformation("Access of user {UserId} changed to roles {Roles}, lines {Lines} by {ActorId}",
            userId, string.Join(',', wantedRoles), joinedLines, actor.UserId);
    }

    /// <summary>
    /// Sets what the person is qualified for (psychologist, lawyer): who is offered a transfer to that specialism.
    /// Read at each transfer, so no session needs to end.
    /// </summary>
    public async Task ChangeSpecialismsAsync(string userId, IEnumerable<string> specialisms, Actor actor, CancellationToken cancellationToken = default)
    {
        AdministrationRules.EnsureAdmin(actor);
        var wanted = specialisms.ToList();
        if (wanted.Any(s => !Specialisms.All.Contains(s)))
        {
            throw new HelplineRuleException("Choose specialisms from Psychologist and Lawyer.");
        }

        var joined = Specialisms.Join(wanted);
        await SetAsync(userId, u => u.SetProperty(x => x.Specialisms, joined), AuditPhrases.SpecialismsSet, joined, actor, cancellationToken);
    }

    /// <summary>
    /// Sets the languages the person counsels in. Their queue and claims read these at the next load or claim, so no
    /// session ends.
    /// </summary>
    public async Task ChangeLanguagesAsync(string userId, IEnumerable<string> languages, Actor actor, CancellationToken cancellationToken = default)
    {
        AdministrationRules.EnsureAdmin(actor);
        var stored = CallerLanguages.Join(CallerLanguages.Valid(languages));
        await SetAsync(userId, u => u.SetProperty(x => x.Languages, stored), AuditPhrases.LanguagesSet, stored, actor, cancellationToken);
    }

    /// <summary>Writes one setting on the account that no session depends on, then logs and audits it as <paramref name="change"/>.</summary>
    private async Task SetAsync(
        string userId,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<ApplicationUser>> setter,
        AuditPhrase change,
        string value,
        Actor actor,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await AuditTrail.WriteWithLineAsync(
            db,
            async ct =>
            {
                if (await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(setter, ct) == 0)
                {
                    throw new HelplineRuleException("This account no longer exists.");
                }
            },
            () => AuditTrail.SettingsChanged(db, Now, actor, $"user:{userId}", change.Format(value)),
            cancellationToken);
        logger.LogInformation("User {UserId} changed by {ActorId}: {Change}", userId, actor.UserId, change.Format(value));
    }

    /// <summary>Locks the account until an administrator enables it and ends its sessions.</summary>
    public async Task DisableAsync(string userId, Actor actor, CancellationToken cancellationToken = default)
    {
        AdministrationRules.EnsureAdmin(actor);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<HelplineDbContext>();
        await AuditTrail.WriteWithLineAsync(
            db,
            async ct =>
            {
                var user = await FindAsync(users, userId);
                if (await users.IsInRoleAsync(user, Roles.Admin))
                {
                    await EnsureAnotherEnabledAdminAsync(db, user.Id, ct);
                }

                Check(await users.SetLockoutEnabledAsync(user, true));
                Check(await users.SetLockoutEndDateAsync(user, DisabledUntil));
                Check(await users.UpdateSecurityStampAsync(user));
            },
            () => AuditTrail.SettingsChanged(db, Now, actor, $"user:{userId}", AuditDetails.AccountDisabled),
            cancellationToken);
        logger.LogInformation("User {UserId} disabled by {ActorId}", userId, actor.UserId);
    }

    public async Task EnableAsync(string userId, Actor actor, CancellationToken cancellationToken = default)
    {
        AdministrationRules.EnsureAdmin(actor);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<HelplineDbContext>();
        var user = await FindAsync(users, userId);
        await AuditTrail.WriteWithLineAsync(
            db,
            async _ =>
            {
                Check(await users.SetLockoutEndDateAsync(user, null));
                Check(await users.ResetAccessFailedCountAsync(user));
            },
            () => AuditTrail.SettingsChanged(db, Now, actor, $"user:{user.Id}", AuditDetails.AccountEnabled),
            cancellationToken);
        logger.LogInformation("User {UserId} enabled by {ActorId}", user.Id, actor.UserId);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public static AccountState StateOf(DateTimeOffset? lockoutEnd, DateTimeOffset now) =>
        lockoutEnd is not { } end || end <= now ? AccountState.Active
        : end >= DisabledFrom ? AccountState.Disabled
        : AccountState.LockedOut;

    /// <summary>Refuses when <paramref name="userId"/> is the only administrator who is not disabled.</summary>
    private async Task EnsureAnotherEnabledAdminAsync(HelplineDbContext db, string userId, CancellationToken cancellationToken)
    {
        var admins = await (from userRole in db.UserRoles
                            join role in db.Roles on userRole.RoleId equals role.Id
                            join user in db.Users on userRole.UserId equals user.Id
                            where role.Name == Roles.Admin && user.Id != userId
                            select user.LockoutEnd)
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (!admins.Any(end => StateOf(end, now) != AccountState.Disabled))
        {
            throw new HelplineRuleException("This is the last enabled administrator. Make someone else an administrator first.");
        }
    }

    private static async Task<ApplicationUser> FindAsync(UserManager<ApplicationUser> users, string userId) =>
        await users.FindByIdAsync(userId) ?? throw new HelplineRuleException("This account no longer exists.");

    private static string ValidEmail(string? email)
    {
        var trimmed = (email ?? "").Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxEmailLength || !new EmailAddressAttribute().IsValid(trimmed))
        {
            throw new HelplineRuleException("Enter a valid email.");
        }

        return trimmed;
    }

    private static string ValidDisplayName(string? displayName)
    {
        var trimmed = (displayName ?? "").Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxDisplayNameLength)
        {
            throw new HelplineRuleException("Enter the name colleagues know this person by (up to 128 characters).");
        }

        return trimmed;
    }

    private static List<string> ValidRoles(IEnumerable<string> requested)
    {
        var wanted = requested.ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            throw new HelplineRuleException("Choose at least one role.");
        }

        if (!wanted.IsSubsetOf(Roles.All))
        {
            throw new HelplineRuleException("Choose roles from Counsellor, Supervisor and Admin.");
        }

        return Roles.All.Where(wanted.Contains).ToList();
    }

    private IReadOnlyList<string> ValidLinesFor(IReadOnlyList<string> roles, IEnumerable<string> requested)
    {
        var lines = AdministrationRules.ValidLines(requested, lineCatalog);
        if (lines.Count == 0 && (roles.Contains(Roles.Counsellor) || roles.Contains(Roles.Supervisor)))
        {
            throw new HelplineRuleException("Counsellors and supervisors need at least one line.");
        }

        return lines;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new HelplineRuleException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
