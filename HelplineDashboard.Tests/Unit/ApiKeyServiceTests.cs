using HelplineDashboard.Data;
using HelplineDashboard.Features.Administration;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HelplineDashboard.Tests.Unit;

public sealed class ApiKeyServiceTests : IDisposable
{
    private readonly SqliteConnection _connection = TestDatabase.NewInMemoryConnection();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services;
    private readonly ApiKeyService _keys;

    public ApiKeyServiceTests()
    {
        _connection.Open();
        _services = new ServiceCollection()
            .AddInMemoryHelplineDatabase(_connection)
            .BuildServiceProvider();
        TestDatabase.Migrate(_connection);

        var intake = new IntakeOptions();
        intake.Gateways["pbx"] = new GatewayOptions { KeySha256 = ApiKeyService.Hash("configured"), Lines = ["111"] };
        _keys = new ApiKeyService(Factory, TestLines.Catalog, new StaticOptions<IntakeOptions>(intake), _clock, NullLogger<ApiKeyService>.Instance);
    }

    private IDbContextFactory<HelplineDbContext> Factory => _services.GetRequiredService<IDbContextFactory<HelplineDbContext>>();

    private async Task<DateTime?> LastUsedAsync(int id)
    {
        await using var db = Factory.CreateDbContext();
        return (await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == id)).LastUsedAt;
    }

    [Fact]
    public async Task Last_use_is_written_at_most_once_a_minute()
    {
        var issued = await _keys.CreateAsync(new NewApiKey { Name = "chat", Lines = ["111"] }, TestActors.Admin());
        var first = _clock.GetUtcNow().UtcDateTime;

        Assert.Null(await LastUsedAsync(issued.Key.Id));
        await _keys.AuthenticateAsync(issued.Secret);
        Assert.Equal(first, await LastUsedAsync(issued.Key.Id));

        _clock.Advance(TimeSpan.FromSeconds(59));
        await _keys.AuthenticateAsync(issued.Secret);
        Assert.Equal(first, await LastUsedAsync(issued.Key.Id));

        _clock.Advance(TimeSpan.FromSeconds(2));
        await _keys.AuthenticateAsync(issued.Secret);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, await LastUsedAsync(issued.Key.Id));
    }

    [Fact]
    public async Task A_stored_key_authenticates_with_its_name_scope_and_lines_and_an_unknown_one_does_not()
    {
        var issued = await _keys.CreateAsync(new NewApiKey { Name = "wall", Scope = ApiKeyScope.WallboardRead, Lines = ["117", "111"] }, TestActors.Admin());

        var identity = await _keys.AuthenticateAsync(issued.Secret);

        Assert.Equal(new ApiKeyIdentity(issued.Key.Id, "wall", ApiKeyScope.WallboardRead, identity!.Lines), identity);
        Assert.Equal(["111", "117"], identity.Lines);
        Assert.Null(await _keys.AuthenticateAsync(issued.Secret + "x"));
        Assert.Null(await _keys.AuthenticateAsync(issued.Secret[..8]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("-starts-with-dash")]
    [InlineData("pbx")]
    public async Task Bad_or_taken_names_are_refused(string name)
    {
        await Assert.ThrowsAsync<Common.HelplineRuleException>(() =>
            _keys.CreateAsync(new NewApiKey { Name = name, Lines = ["111"] }, TestActors.Admin()));
    }

    [Fact]
    public async Task A_key_needs_a_known_line()
    {
        await Assert.ThrowsAsync<Common.HelplineRuleException>(() => _keys.CreateAsync(new NewApiKey { Name = "none" }, TestActors.Admin()));
        await Assert.ThrowsAsync<Common.HelplineRuleException>(() =>
            _keys.CreateAsync(new NewApiKey { Name = "elsewhere", Lines = ["999"] }, TestActors.Admin()));
    }

    [Fact]
    public void Keys_are_long_random_and_distinct()
    {
        var keys = Enumerable.Range(0, 100).Select(_ => ApiKeyService.NewSecret()).ToList();

        Assert.All(keys, key => Assert.True(key.Length >= 43, key));
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Generated_passwords_meet_the_password_policy()
    {
        for (var i = 0; i < 200; i++)
        {
            var password = PasswordGenerator.Generate();
            Assert.True(password.Length >= 12);
            Assert.Contains(password, char.IsUpper);
            Assert.Contains(password, char.IsLower);
            Assert.Contains(password, char.IsDigit);
            Assert.Contains(password, c => !char.IsLetterOrDigit(c));
        }
    }

    public void Dispose()
    {
        _services.Dispose();
        _connection.Dispose();
    }
}
