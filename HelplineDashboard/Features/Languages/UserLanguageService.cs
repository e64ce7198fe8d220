using HelplineDashboard.Common;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Languages;

/// <summary>
/// The languages saved on a person's account: the UI language they chose and the languages they counsel in.
/// Read from the database each time, so an administrator's change applies at the next claim without a new sign-in.
/// </summary>
public sealed class UserLanguageService(IDbContextFactory<HelplineDbContext> dbFactory, ILogger<UserLanguageService> logger)
{
    /// <summary>The languages this person counsels in; empty when not set (or no such account).</summary>
    public async Task<IReadOnlySet<string>> CounselLanguagesAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Languages).SingleOrDefaultAsync(cancellationToken);
        return CallerLanguages.Parse(stored);
    }

    /// <summary>The UI language saved on the account, or null when the person has not chosen one.</summary>
    public async Task<string?> UiLanguageAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var saved = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.UiLanguage).SingleOrDefaultAsync(cancellationToken);
        return UiLanguages.IsSupported(saved) ? saved : null;
    }

    /// <summary>Saves the signed-in person's own choice of UI language.</summary>
    public Task ChooseUiLanguageAsync(Actor actor, string code, CancellationToken cancellationToken = default) =>
        SaveUiLanguageAsync(actor.UserId, code, cancellationToken);

    /// <summary>Saves a UI language for an account; used at sign-in to keep the choice made on the sign-in page.</summary>
    public async Task SaveUiLanguageAsync(string userId, string code, CancellationToken cancellationToken = default)
    {
        if (!UiLanguages.IsSupported(code))
        {
            throw new HelplineRuleException("Choose one of the offered languages.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.UiLanguage, code), cancellationToken);
        logger.LogInformation("User {UserId} chose UI language {Language}", userId, code);
    }

    /// <summary>
    /// At sign-in, the language saved on the account follows the person to this device (a shared workstation may still
    /// carry a colleague's choice). Someone who never chose keeps what they picked on the sign-in page, saved for next time.
    /// </summary>
    public async Task AtSignInAsync(string userId, HttpContext http)
    {
        if (await UiLanguageAsync(userId, http.RequestAborted) is { } saved)
        {
            UiLanguages.WriteCookie(http.Response, saved);
        }
        else if (UiLanguages.FromCookie(http.Request) is { } picked)
        {
            await SaveUiLanguageAsync(userId, picked, http.RequestAborted);
        }
    }
}
