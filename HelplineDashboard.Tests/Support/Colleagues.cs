using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Tests.Support;

/// <summary>Real accounts in the database (transfers look colleagues up there), returned as the <see cref="Actor"/> they sign in as.</summary>
public static class Colleagues
{
    public static async Task<Actor> AddAsync(HelplineDbContext db, string name, string role = Roles.Counsellor, string lines = "111", string specialisms = "", string? id = null)
    {
        var roleRow = await db.Roles.SingleOrDefaultAsync(r => r.Name == role);
        if (roleRow is null)
        {
            roleRow = new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() };
            db.Roles.Add(roleRow);
        }

        id ??= "u-" + Guid.NewGuid().ToString("N");
        db.Users.Add(new ApplicationUser
        {
            Id = id,
            UserName = id + "@helpline.test",
            Email = id + "@helpline.test",
            DisplayName = name,
            Lines = lines,
            Specialisms = specialisms,
        });
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = roleRow.Id });
        await db.SaveChangesAsync();
        return new Actor(id, name, new HashSet<string> { role }, lines.Split(',').ToHashSet());
    }
}
