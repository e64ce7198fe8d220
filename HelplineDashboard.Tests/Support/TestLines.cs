using HelplineDashboard.Features.Lines;

namespace HelplineDashboard.Tests.Support;

/// <summary>The two lines as appsettings.json configures them, for tests that run without the host.</summary>
public static class TestLines
{
    public static LineCatalog Catalog { get; } = new(new Dictionary<string, LineOptions>
    {
        ["111"] = new()
        {
            Name = "111 Kazakhstan", Country = "KZ", TimeZone = "Asia/Almaty", Languages = ["kk", "ru"],
            Regions = ["Almaty", "Astana", "Shymkent", "Karaganda", "Turkistan"],
        },
        ["117"] = new()
        {
            Name = "117 Kyrgyzstan", Country = "KG", TimeZone = "Asia/Bishkek", Languages = ["ky", "ru"],
            Regions = ["Bishkek", "Osh", "Chüy"],
        },
    });
}
