using System.Security.Claims;
using Microsoft.AspNetCore.Localization;

namespace HelplineDashboard.Features.Languages;

/// <summary>
/// For a signed-in person on a device without the culture cookie: the UI language saved on their account.
/// Writes the cookie so later requests (and the circuit) need no look-up.
/// </summary>
public sealed class SavedUiLanguageProvider : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (httpContext.User.Identity?.IsAuthenticated != true
            || httpContext.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return null;
        }

        var saved = await httpContext.RequestServices.GetRequiredService<UserLanguageService>().UiLanguageAsync(userId, httpContext.RequestAborted);
        if (saved is null)
        {
            return null;
        }

        if (!httpContext.Response.HasStarted)
        {
            UiLanguages.WriteCookie(httpContext.Response, saved);
        }

        return new ProviderCultureResult(saved);
    }
}
