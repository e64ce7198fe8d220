using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Administration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Support;

/// <summary>The seeded administrator as an <see cref="Actor"/> with their real id, and the administration services.</summary>
public static class Administrators
{
    public static async Task<Actor> SeededAdminAsync(HelplineAppFactory factory) => await ActorForAsync(factory, Accounts.Admin);

    public static async Task<Actor> ActorForAsync(HelplineAppFactory factory, string email)
    {
        await using var db = factory.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where userRole.UserId == user.Id
                           select role.Name!).ToListAsync();
        return new Actor(user.Id, user.DisplayName, roles.ToHashSet(), AdministrationRules.ParseLines(user.Lines).ToHashSet());
    }

    public static ApiKeyService Keys(this HelplineAppFactory factory) => factory.Services.GetRequiredService<ApiKeyService>();

    public static UserAdministrationService Users(this HelplineAppFactory factory) =>
        factory.Services.GetRequiredService<UserAdministrationService>();

    public static async Task<string> SecurityStampAsync(HelplineAppFactory factory, string userId)
    {
        await using var db = factory.CreateDbContext();
        return (await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId)).SecurityStamp!;
    }
}
