using HelplineDashboard.Features.Contacts;
using Microsoft.Extensions.Localization;

namespace HelplineDashboard.Features.Languages;

/// <summary>The counsel languages as check-box options, named in the administrator's UI language.</summary>
public static class LanguageChoices
{
    public static IReadOnlyList<(string Value, string Label)> Options(IStringLocalizer localizer) =>
        CallerLanguages.All.Select(code => (code, LanguageLabel.Name(code, localizer))).ToList();
}
