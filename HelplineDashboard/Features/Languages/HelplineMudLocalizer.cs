using HelplineDashboard.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace HelplineDashboard.Features.Languages;

/// <summary>MudBlazor's own strings (close buttons, pagers, "Required") from Localization/MudStrings.*.resx.</summary>
public sealed class HelplineMudLocalizer(IStringLocalizer<MudStrings> strings) : MudLocalizer
{
    public override LocalizedString this[string key] => strings[key];

    public override LocalizedString this[string key, params object[] arguments] => strings[key, arguments];
}
