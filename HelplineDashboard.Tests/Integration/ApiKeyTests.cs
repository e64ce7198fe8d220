using System.Net;
using System.Text;
using HelplineDashboard.Features.Administration;
using HelplineDashboard.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Tests.Integration;

/// <summary>Keys administrators create in the app, used by gateways against the real intake API.</summary>
public sealed class ApiKeyTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    private async Task<IssuedApiKey> CreateKeyAsync(string name, ApiKeyScope scope = ApiKeyScope.Intake, params string[] lines) =>
        await factory.Keys().CreateAsync(
            new NewApiKey { Name = name, Scope = scope, Lines = lines.Length == 0 ? ["111", "117"] : [.. lines] },
            await Administrators.SeededAdminAsync(factory));

    private static string Unique(string what) => $"{what}-{Guid.NewGuid():N}"[..24];

    [Fact]
    public async Task A_key_created_by_an_administrator_posts_contacts_under_its_name()
    {
        var issued = await CreateKeyAsync("pbx-almaty", lines: "111");

        var response = await GatewayClient.For(factory, issued.Secret).PostContactAsync(GatewayClient.Contact("db-key-1"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var db = factory.CreateDbContext();
        var contact = await db.Contacts.SingleAsync(c => c.ExternalId == "db-key-1");
        Assert.Equal("pbx-almaty", contact.Gateway);
    }

    [Fact]
    public async Task A_stored_key_may_post_only_to_its_own_lines()
    {
        var issued = await CreateKeyAsync(Unique("kz-only"), lines: "111");

        var response = await GatewayClient.For(factory, issued.Secret)
            .PostContactAsync(GatewayClient.Contact("db-key-kg", line: "117", from: "+996555000111"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_revoked_key_gets_401()
    {
        var issued = await CreateKeyAsync(Unique("revoked"));
        var gateway = GatewayClient.For(factory, issued.Secret);
        Assert.Equal(HttpStatusCode.Created, (await gateway.PostContactAsync(GatewayClient.Contact(Unique("before-revoke")))).StatusCode);

        await factory.Keys().RevokeAsync(issued.Key.Id, await Administrators.SeededAdminAsync(factory));

        var after = await gateway.PostContactAsync(GatewayClient.Contact(Unique("after-revoke")));
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task After_rotation_the_old_key_gets_401_and_the_new_one_201()
    {
        var issued = await CreateKeyAsync(Unique("rotated"));

        var rotated = await factory.Keys().RotateAsync(issued.Key.Id, await Administrators.SeededAdminAsync(factory));

        Assert.NotEqual(issued.Secret, rotated.Secret);
        Assert.Equal(issued.Key.Name, rotated.Key.Name);
        var old = await GatewayClient.For(factory, issued.Secret).PostContactAsync(GatewayClient.Contact(Unique("old-secret")));
        var renewed = await GatewayClient.For(factory, rotated.Secret).PostContactAsync(GatewayClient.Contact(Unique("new-secret")));
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal(HttpStatusCode.Created, renewed.StatusCode);
    }

    [Fact]
    public async Task A_revoked_key_cannot_be_rotated_back_to_life()
    {
        var admin = await Administrators.SeededAdminAsync(factory);
        var issued = await CreateKeyAsync(Unique("dead"));
        await factory.Keys().RevokeAsync(issued.Key.Id, admin);

        await Assert.ThrowsAsync<Common.HelplineRuleException>(() => factory.Keys().RotateAsync(issued.Key.Id, admin));
    }

    [Fact]
    public async Task A_wallboard_key_cannot_post_contacts()
    {
        var issued = await CreateKeyAsync(Unique("wallboard"), ApiKeyScope.WallboardRead);
        var externalId = Unique("from-wallboard");

        var response = await GatewayClient.For(factory, issued.Secret).PostContactAsync(GatewayClient.Contact(externalId));

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"got {(int)response.StatusCode}");
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Contacts.AnyAsync(c => c.ExternalId == externalId));
    }

    [Fact]
    public async Task Only_a_hash_of_the_key_is_stored()
    {
        var issued = await CreateKeyAsync(Unique("hashed"));

        await using (var db = factory.CreateDbContext())
        {
            var row = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == issued.Key.Id);
            Assert.Equal(HelplineAppFactory.Sha256(issued.Secret).ToLowerInvariant(), row.KeyHash);
            Assert.Equal(issued.Secret[..8], row.Prefix);
            Assert.DoesNotContain(issued.Secret, string.Join("|", row.Name, row.Lines, row.KeyHash, row.Prefix, row.CreatedByName));
        }

        // Nor anywhere in the database file or its write-ahead log.
        SqliteConnection.ClearAllPools();
        var secret = Encoding.UTF8.GetBytes(issued.Secret);
        foreach (var path in new[] { factory.DatabasePath, factory.DatabasePath + "-wal" }.Where(File.Exists))
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy);
            Assert.True(copy.ToArray().AsSpan().IndexOf(secret) < 0, $"{Path.GetFileName(path)} contains the key");
        }
    }

    [Fact]
    public async Task The_list_shows_name_and_prefix_but_never_the_key()
    {
        var issued = await CreateKeyAsync(Unique("listed"));

        var listed = Assert.Single(await factory.Keys().ListAsync(await Administrators.SeededAdminAsync(factory)), k => k.Id == issued.Key.Id);

        Assert.Equal(issued.Secret[..ApiKeyService.PrefixLength], listed.Prefix);
        Assert.DoesNotContain(issued.Secret, listed.ToString());
    }

    [Fact]
    public async Task Two_live_keys_cannot_share_a_name_but_a_revoked_name_can_be_reused()
    {
        var admin = await Administrators.SeededAdminAsync(factory);
        var name = Unique("twice");
        var first = await CreateKeyAsync(name);

        await Assert.ThrowsAsync<Common.HelplineRuleException>(() => CreateKeyAsync(name));
        await factory.Keys().RevokeAsync(first.Key.Id, admin);
        var second = await CreateKeyAsync(name);

        Assert.Equal(name, second.Key.Name);
    }

    [Fact]
    public async Task The_configured_gateway_keys_keep_working()
    {
        var response = await GatewayClient.For(factory).PostContactAsync(GatewayClient.Contact(Unique("configured")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
