namespace HelplineDashboard.Features.Referrals;

/// <summary>
/// The directory a new deployment starts with: one entry of each kind for every region of both lines (PRODUCT.md).
/// The entries are placeholders: names say "demo entry" and the numbers follow an obviously fictional pattern
/// (…000…), so nobody mistakes them for a real organisation. An administrator replaces them before go-live.
/// </summary>
public static class ServiceDirectorySeed
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Regions = new Dictionary<string, IReadOnlyList<string>>
    {
        ["111"] =
        [
            "Abai", "Akmola", "Aktobe", "Almaty Region", "Atyrau", "East Kazakhstan", "Jambyl", "Jetisu", "Karaganda", "Kostanay",
            "Kyzylorda", "Mangystau", "North Kazakhstan", "Pavlodar", "Turkistan", "Ulytau", "West Kazakhstan", "Astana", "Almaty", "Shymkent",
        ],
        ["117"] = ["Batken", "Chüy", "Issyk-Kul", "Jalal-Abad", "Naryn", "Osh Region", "Talas", "Bishkek", "Osh"],
    };

    private static readonly (SupportServiceKind Kind, string Name, string Hours)[] Kinds =
    [
        (SupportServiceKind.Shelter, "{0} women's shelter (demo entry)", "24/7"),
        (SupportServiceKind.CrisisCentre, "{0} crisis centre (demo entry)", "24/7"),
        (SupportServiceKind.LegalAid, "{0} free legal aid office (demo entry)", "Mon–Fri 09:00–18:00"),
        (SupportServiceKind.Medical, "{0} hospital emergency department (demo entry)", "24/7"),
        (SupportServiceKind.SocialProtection, "{0} social protection office (demo entry)", "Mon–Fri 09:00–18:00"),
    ];

    public static IEnumerable<SupportService> Entries()
    {
        var lineIndex = 0;
        foreach (var (line, regions) in Regions)
        {
            lineIndex++;
            for (var regionIndex = 0; regionIndex < regions.Count; regionIndex++)
            {
                for (var kindIndex = 0; kindIndex < Kinds.Length; kindIndex++)
                {
                    var (kind, name, hours) = Kinds[kindIndex];
                    var serial = (regionIndex + 1) * 10 + kindIndex;
                    yield return new SupportService
                    {
                        Id = lineIndex * 1000 + serial,
                        Line = line,
                        Region = regions[regionIndex],
                        Kind = kind,
                        Name = string.Format(System.Globalization.CultureInfo.InvariantCulture, name, regions[regionIndex]),
                        Phone = FictionalPhone(line, serial),
                        Hours = hours,
                    };
                }
            }
        }
    }

    private static string FictionalPhone(string line, int serial) => line == "117"
        ? $"+996 000 000 {serial:000}"
        : $"+7 000 000 {serial / 100:00} {serial % 100:00}";
}
