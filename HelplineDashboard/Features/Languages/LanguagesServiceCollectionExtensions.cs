using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using MudBlazor;

namespace HelplineDashboard.Features.Languages;

public static class LanguagesServiceCollectionExtensions
{
    public const string CulturePath = "/account/culture";

    /// <summary>UI languages (resources, request culture, MudBlazor's strings) and counsellors' languages.</summary>
    public static IServiceCollection AddHelplineLanguages(this IServiceCollection services)
    {
        services.AddLocalization();

        // Send Cyrillic as text, not as &#x...; escapes: pages in Russian, Kazakh and Kyrgyz stay small and readable.
        services.AddWebEncoders(encoders => encoders.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(
            System.Text.Unicode.UnicodeRanges.BasicLatin, System.Text.Unicode.UnicodeRanges.Latin1Supplement,
            System.Text.Unicode.UnicodeRanges.Cyrillic, System.Text.Unicode.UnicodeRanges.GeneralPunctuation));
        services.AddTransient<MudLocalizer, HelplineMudLocalizer>();
        services.AddSingleton<UserLanguageService>();
        services.AddSingleton<OnlineCounsellors>();
        services.AddOptions<RequestLocalizationOptions>().Configure<IConfiguration>((localization, configuration) =>
        {
            var options = configuration.GetSection(UiLanguageOptions.SectionName).Get<UiLanguageOptions>() ?? new UiLanguageOptions();
            if (!UiLanguages.IsSupported(options.DefaultCulture))
            {
                throw new InvalidOperationException($"Localization:DefaultCulture must be one of {string.Join(", ", UiLanguages.Codes)}.");
            }

            var cultures = UiLanguages.Codes.Select(UiLanguages.Culture).ToList();
            localization.DefaultRequestCulture = new RequestCulture(options.DefaultCulture);
            localization.SupportedCultures = cultures;
            localization.SupportedUICultures = cultures;
            localization.FallBackToParentCultures = true;
            localization.FallBackToParentUICultures = true;

            // The person's choice on this device, then the one saved on their account, then the deployment's default.
            // Not the browser's Accept-Language: a counsellor's browser in English must not override the line's default.
            localization.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new SavedUiLanguageProvider(),
            ];
        });
        return services;
    }

    public static IApplicationBuilder UseHelplineLanguages(this IApplicationBuilder app) => app.UseRequestLocalization();

    /// <summary>
    /// <c>GET /account/culture?culture=kk&amp;returnUrl=/queue</c>: sets the culture cookie and goes back, so the page
    /// (and a new circuit) loads in the chosen language. Saving the choice on the account is the service's job
    /// (<see cref="UserLanguageService.ChooseUiLanguageAsync"/>); this only sets the cookie, so it changes nothing else.
    /// </summary>
    public static IEndpointRouteBuilder MapHelplineLanguages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CulturePath, (HttpContext http, [FromQuery] string? culture, [FromQuery] string? returnUrl) =>
        {
            if (!UiLanguages.IsSupported(culture))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown language.");
            }

            UiLanguages.WriteCookie(http.Response, culture!);
            return Results.LocalRedirect(Accounts.Login.SafeReturnUrl(returnUrl));
        }).AllowAnonymous();
        return endpoints;
    }

    /// <summary>The address that switches to <paramref name="code"/> and returns to <paramref name="returnUrl"/>.</summary>
    public static string SwitchUrl(string code, string returnUrl) =>
        $"{CulturePath.TrimStart('/')}?culture={Uri.EscapeDataString(code)}&returnUrl={Uri.EscapeDataString(returnUrl)}";
}
