using MudBlazor;

namespace HelplineDashboard.Components.Layout;

/// <summary>Calm colours, strong contrast for alarms.</summary>
public static class HelplineTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5f8b",
            Secondary = "#5b6b7a",
            AppbarBackground = "#1f5f8b",
            Error = "#c62828",
            Warning = "#ef6c00",
            Success = "#2e7d32",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "sans-serif"] },
        },
    };
}
