using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace HelplineDashboard.Features.Languages;

/// <summary>Settings under <c>Localization</c>.</summary>
public sealed class UiLanguageOptions
{
    public const string SectionName = "Localization";

    /// <summary>The UI language of anyone who has not chosen one (and of the sign-in page): the lines' shared first language.</summary>
    public string DefaultCulture { get; set; } = "ru";
}

/// <summary>A language the UI is translated into, named in itself so everyone can find their own.</summary>
public sealed record UiLanguage(string Code, string NativeName);

/// <summary>The four UI languages and the culture cookie that carries a person's choice.</summary>
public static class UiLanguages
{
    /// <summary>The standard ASP.NET Core culture cookie, read by the request localization middleware.</summary>
    public static readonly string CookieName = CookieRequestCultureProvider.DefaultCookieName;

    public static readonly IReadOnlyList<UiLanguage> All =
    [
        new("ru", "Русский"),
        new("kk", "Қазақша"),
        new("ky", "Кыргызча"),
        new("en", "English"),
    ];

    public static IReadOnlyList<string> Codes { get; } = All.Select(l => l.Code).ToList();

    /// <summary>
    /// The culture for a UI language. Kyrgyz dates are written 23.11.2026 in Kyrgyzstan, as in Russian and Kazakh;
    /// ICU's default for "ky" uses slashes.
    /// </summary>
    public static CultureInfo Culture(string code)
    {
        var culture = new CultureInfo(code);
        if (code == "ky")
        {
            culture.DateTimeFormat.ShortDatePattern = "dd.MM.yyyy";
            culture.DateTimeFormat.DateSeparator = ".";
        }

        return culture;
    }

    public static bool IsSupported(string? code) => code is not null && Codes.Contains(code, StringComparer.Ordinal);

    public static string NativeName(string code) => All.FirstOrDefault(l => l.Code == code)?.NativeName ?? code;

    /// <summary>Remembers the choice on this device for a year; the account keeps it everywhere else.</summary>
    public static void WriteCookie(HttpResponse response, string code) =>
        response.Cookies.Append(
            CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(code)),
            new CookieOptions
            {
                Path = "/",
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = response.HttpContext.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
            });

    /// <summary>The language the cookie on this request asks for, if it names a supported one.</summary>
    public static string? FromCookie(HttpRequest request) =>
        request.Cookies.TryGetValue(CookieName, out var value)
        && CookieRequestCultureProvider.ParseCookieValue(value) is { } parsed
        && parsed.UICultures.FirstOrDefault().Value is { } code
        && IsSupported(code)
            ? code
            : null;
}
