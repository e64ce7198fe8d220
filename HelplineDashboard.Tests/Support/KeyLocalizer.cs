using Microsoft.Extensions.Localization;

namespace HelplineDashboard.Tests.Support;

/// <summary>A localizer that formats the English key itself, as the app does when a translation is missing.</summary>
public sealed class KeyLocalizer : IStringLocalizer
{
    public LocalizedString this[string name] => new(name, name);

    public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, name, arguments));

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}
