using Bogus;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Features.Lines;

namespace HelplineDashboard.Features.Simulator;

/// <summary>Makes realistic intake requests for the configured lines: local mobile numbers, languages, regions, channels.</summary>
public sealed class SimulatedContactFactory(LineCatalog lines, SimulatedMessages messages, int? seed)
{
    private static readonly Dictionary<string, string[]> MobilePrefixes = new()
    {
        ["KZ"] = ["700", "701", "702", "705", "707", "747", "771", "775", "776", "777", "778"],
        ["KG"] = ["500", "501", "550", "555", "557", "700", "701", "705", "707", "770", "771", "775", "777", "990", "995", "999"],
    };

    private static readonly Dictionary<string, string[]> CallerLanguages = new()
    {
        ["KZ"] = ["kk", "kk", "ru", "ru", "ru"],
        ["KG"] = ["ky", "ky", "ky", "ru", "ru"],
    };

    private readonly Faker _faker = seed is { } s ? new Faker { Random = new Randomizer(s) } : new Faker();

    public IntakeRequest Next()
    {
        var line = _faker.PickRandom(lines.All.ToList());
        var channel = _faker.Random.WeightedRandom([ContactChannel.Voice, ContactChannel.Sms, ContactChannel.Chat], [0.6f, 0.2f, 0.2f]);
        var language = _faker.PickRandom(CallerLanguages.GetValueOrDefault(line.Country, ["ru"]));
        return new IntakeRequest
        {
            Line = line.Code,
            Channel = channel.ToString(),
            ExternalId = $"sim-{Guid.NewGuid():N}",
            From = channel == ContactChannel.Chat ? $"chat:{_faker.Internet.UserName().ToLowerInvariant()}" : MobileNumber(line),
            Language = language,
            Message = channel == ContactChannel.Voice ? null : messages.In(language, _faker.Random.Int(0, SimulatedMessages.Keys.Count - 1)),
            Region = line.Regions.Count == 0 ? null : _faker.PickRandom(line.Regions.ToList()),
            Urgent = false,
        };
    }

    public bool Chance(double share) => _faker.Random.Double() < share;

    public TimeSpan Between(TimeSpan min, TimeSpan max) =>
        TimeSpan.FromMilliseconds(_faker.Random.Double(min.TotalMilliseconds, max.TotalMilliseconds));

    private string MobileNumber(Line line)
    {
        var dial = line.Country == "KG" ? "+996" : "+7";
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var prefix = _faker.PickRandom(MobilePrefixes.GetValueOrDefault(line.Country, MobilePrefixes["KZ"]));
            var subscriberDigits = line.Country == "KG" ? 6 : 7;
            var candidate = dial + prefix + _faker.Random.ReplaceNumbers(new string('#', subscriberDigits));
            if (CallerNumbers.NormaliseForCountry(candidate, line.Country) is { } valid)
            {
                return valid;
            }
        }

        throw new InvalidOperationException($"Could not make a valid number for {line.Country}.");
    }
}
