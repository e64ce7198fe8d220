using HelplineDashboard.Data.Protection;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using Microsoft.AspNetCore.DataProtection;

namespace HelplineDashboard.Tests.Unit;

public sealed class RepeatCallerMatchingTests : IDisposable
{
    private readonly string _keys = Path.Combine(Path.GetTempPath(), "helpline-tests", "repeat-" + Guid.NewGuid().ToString("N"));
    private readonly CallerKeyHasher _hasher;

    public RepeatCallerMatchingTests() => _hasher = new CallerKeyHasher(new EphemeralDataProtectionProvider(), _keys);

    private Contact Contact(string from, string line = "111") => new()
    {
        Line = line,
        Gateway = "g",
        ExternalId = Guid.NewGuid().ToString("N"),
        From = from,
        CallerKey = _hasher.Hash(from),
        Language = "ru",
        RequestFingerprint = "",
    };

    [Fact]
    public void The_same_number_typed_differently_matches_by_its_keyed_hash_not_the_plain_number()
    {
        var key = _hasher.Hash(CallerNumbers.NormaliseForCountry("+7 701 123 45 67", "KZ")!);

        Assert.Equal(_hasher.Hash("+77011234567"), key);
        Assert.DoesNotContain("7011234567", key);
        Assert.NotEqual(_hasher.Hash("+77011234568"), key);
    }

    [Fact]
    public void A_caller_matches_their_own_contacts_on_the_same_line_only()
    {
        var earlier = Contact("+77011234567");
        var contacts = new[] { earlier, Contact("+77011234567", "117"), Contact("+77019999999"), Contact("+77011234567") };

        var matches = contacts.AsQueryable().Where(CallerHistory.SameCaller(earlier.CallerKey, "111")).ToList();

        Assert.Equal([contacts[0], contacts[3]], matches);
    }

    [Fact]
    public void An_anonymised_contact_without_a_caller_key_matches_nobody()
    {
        var anonymised = Contact("removed");
        anonymised.CallerKey = "";

        Assert.Empty(new[] { anonymised }.AsQueryable().Where(CallerHistory.SameCaller("", "111")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_keys))
        {
            Directory.Delete(_keys, recursive: true);
        }
    }
}
