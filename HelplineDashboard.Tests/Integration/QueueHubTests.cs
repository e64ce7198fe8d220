using System.Threading.Channels;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Administration;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Integration;

public sealed class QueueHubTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private HubConnection Connect(SignedInClient signedIn, string query = "") =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, QueueHub.Path.TrimStart('/') + query), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => new CookieContainerHandler(signedIn.Cookies) { InnerHandler = factory.Server.CreateHandler() };
            })
            .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
            .Build();

    [Fact]
    public async Task An_anonymous_client_cannot_connect()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "hubs/queue"), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
            })
            .Build();

        var refusal = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refusal.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_client_hears_a_contact_queued_then_claimed()
    {
        using var supervisor = await SignIn.AsAsync(factory, Accounts.Supervisor);
        await using var connection = Connect(supervisor);
        var queued = Channel.CreateUnbounded<QueuedContact>();
        var claimed = Channel.CreateUnbounded<ContactClaimed>();
        connection.On<QueuedContact>(nameof(IQueueClient.ContactQueued), c => queued.Writer.TryWrite(c));
        connection.On<ContactClaimed>(nameof(IQueueClient.ContactClaimed), c => claimed.Writer.TryWrite(c));
        await connection.StartAsync();

        var gateway = GatewayClient.For(factory);
        var created = await gateway.PostContactAsync(GatewayClient.Contact("hub-1", from: "+77019876543", region: "Astana"));
        var id = long.Parse(created.Headers.Location!.OriginalString.Split('/').Last());

        using var timeout = new CancellationTokenSource(Deadline);
        var pushed = await ReadUntilAsync(queued.Reader, c => c.Id == id, timeout.Token);
        Assert.Equal("111", pushed.Line);
        Assert.Equal("Astana", pushed.Region);
        Assert.Equal("+7 7** *** ** 43", pushed.MaskedFrom);

        await factory.Services.GetRequiredService<QueueService>().ClaimAsync(id, TestActors.Counsellor("c9", "Aigerim"));
        var claim = await ReadUntilAsync(claimed.Reader, c => c.ContactId == id, timeout.Token);
        Assert.Equal("Aigerim", claim.ClaimedByName);
    }

    [Fact]
    public async Task Counsellors_claiming_one_contact_over_the_hub_have_exactly_one_winner_and_the_others_hear_who()
    {
        using var first = await SignIn.AsAsync(factory, Accounts.Counsellor1);
        using var second = await SignIn.AsAsync(factory, Accounts.Supervisor);
        await using var one = Connect(first);
        await using var other = Connect(second);
        await Task.WhenAll(one.StartAsync(), other.StartAsync());
        var created = await GatewayClient.For(factory).PostContactAsync(GatewayClient.Contact("hub-claim-1"));
        var id = long.Parse(created.Headers.Location!.OriginalString.Split('/').Last());

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(n =>
            (n % 2 == 0 ? one : other).InvokeAsync<ClaimAnswer>(nameof(QueueHub.Claim), id)));

        var won = Assert.Single(answers, a => a.Status == ClaimStatus.Won);
        Assert.NotNull(won.CaseId);
        Assert.All(answers.Where(a => a != won), lost =>
        {
            Assert.Equal(ClaimStatus.AlreadyClaimed, lost.Status);
            Assert.False(string.IsNullOrEmpty(lost.ClaimedByName));
        });
    }

    [Fact]
    public async Task A_client_that_asks_for_batches_hears_every_claim_of_a_commit_in_order_and_others_hear_each_claim()
    {
        using var supervisor = await SignIn.AsAsync(factory, Accounts.Supervisor);
        await using var batched = Connect(supervisor, $"?{QueueHub.ClaimsQueryKey}={QueueHub.BatchedClaims}");
        await using var each = Connect(supervisor);
        var batches = Channel.CreateUnbounded<ContactsClaimed>();
        var singlesToBatched = Channel.CreateUnbounded<ContactClaimed>();
        var singles = Channel.CreateUnbounded<ContactClaimed>();
        batched.On<ContactsClaimed>(nameof(IQueueClient.ContactsClaimed), c => batches.Writer.TryWrite(c));
        batched.On<ContactClaimed>(nameof(IQueueClient.ContactClaimed), c => singlesToBatched.Writer.TryWrite(c));
        each.On<ContactClaimed>(nameof(IQueueClient.ContactClaimed), c => singles.Writer.TryWrite(c));
        await Task.WhenAll(batched.StartAsync(), each.StartAsync());
        var gateway = GatewayClient.For(factory);
        var ids = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            var created = await gateway.PostContactAsync(GatewayClient.Contact($"hub-batch-{Guid.NewGuid():N}"));
            ids.Add(long.Parse(created.Headers.Location!.OriginalString.Split('/').Last()));
        }

        var counsellors = ids.Select((_, i) => TestActors.Counsellor($"hub-batch-{i}", $"Counsellor {i}")).ToList();
        var answers = await factory.Services.GetRequiredService<ClaimWriter>().CommitAsync(
            ids.Select((id, i) => new ClaimRequest(id, counsellors[i], CaseChoice.JoinOpenCase, DateTime.UtcNow)).ToList());
        Assert.All(answers, a => Assert.Equal(ClaimStatus.Won, a.Result.Status));

        using var timeout = new CancellationTokenSource(Deadline);
        var heard = new List<ContactClaimed>();
        while (!ids.All(id => heard.Any(c => c.ContactId == id)))
        {
            var batch = await batches.Reader.ReadAsync(timeout.Token);
            Assert.All(batch.Claims, c => Assert.Equal(batch.Line, c.Line));
            heard.AddRange(batch.Claims);
        }

        var ours = heard.Where(c => ids.Contains(c.ContactId)).ToList();
        Assert.Equal(ids, ours.Select(c => c.ContactId));
        Assert.Equal(counsellors.Select(c => c.DisplayName), ours.Select(c => c.ClaimedByName));
        var one = new List<ContactClaimed>();
        while (!ids.All(id => one.Any(c => c.ContactId == id)))
        {
            one.Add(await singles.Reader.ReadAsync(timeout.Token));
        }

        Assert.Equal(ids, one.Where(c => ids.Contains(c.ContactId)).Select(c => c.ContactId));
        Assert.False(singlesToBatched.Reader.TryRead(out _), "a client that asked for batches also heard a single claim");
    }

    [Fact]
    public async Task A_hub_connection_of_an_account_disabled_since_it_connected_can_no_longer_claim()
    {
        const string password = "Typed-initial-pass-2026";
        var admin = await Administrators.SeededAdminAsync(factory);
        var email = $"hub-disabled-{Guid.NewGuid():N}"[..24] + "@helpline.local";
        var created = await factory.Users().CreateAsync(
            new NewUser { Email = email, DisplayName = "Dana Test", Roles = [Roles.Counsellor], Lines = ["111"], Password = password }, admin);
        using var counsellor = await SignIn.AsAsync(factory, email, password);
        await using var connection = Connect(counsellor);
        await connection.StartAsync();
        var gateway = GatewayClient.For(factory);
        async Task<long> PostAsync() =>
            long.Parse((await gateway.PostContactAsync(GatewayClient.Contact($"hub-disabled-{Guid.NewGuid():N}"))).Headers.Location!.OriginalString.Split('/').Last());
        Assert.Equal(ClaimStatus.Won, (await connection.InvokeAsync<ClaimAnswer>(nameof(QueueHub.Claim), await PostAsync())).Status);

        await factory.Users().DisableAsync(created.User.Id, admin);

        // The connection's sign-in is checked against the account at most a second old.
        var waiting = 0L;
        var refusal = await Eventually.MatchAsync(
            async () =>
            {
                waiting = await PostAsync();
                return await Record.ExceptionAsync(() => connection.InvokeAsync<ClaimAnswer>(nameof(QueueHub.Claim), waiting));
            },
            refused => refused is not null,
            TimeSpan.FromSeconds(10),
            "a claim refused after the account was disabled");
        Assert.IsType<Microsoft.AspNetCore.SignalR.HubException>(refusal);

        // The cookie still opens the negotiation, but the hub closes a connection whose sign-in no longer holds.
        await using var again = Connect(counsellor);
        var refusedAgain = await Record.ExceptionAsync(async () =>
        {
            await again.StartAsync();
            await again.InvokeAsync<ClaimAnswer>(nameof(QueueHub.Claim), waiting);
        });
        Assert.NotNull(refusedAgain);
        await using var db = factory.CreateDbContext();
        Assert.Equal(ContactStatus.Waiting, (await db.Contacts.SingleAsync(c => c.Id == waiting)).Status);
    }

    [Fact]
    public async Task An_administrator_cannot_claim_over_the_hub()
    {
        using var admin = await SignIn.AsAsync(factory, Accounts.Admin);
        await using var connection = Connect(admin);
        await connection.StartAsync();
        var created = await GatewayClient.For(factory).PostContactAsync(GatewayClient.Contact("hub-claim-admin"));
        var id = long.Parse(created.Headers.Location!.OriginalString.Split('/').Last());

        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => connection.InvokeAsync<ClaimAnswer>(nameof(QueueHub.Claim), id));
    }

    [Fact]
    public async Task A_signed_in_client_hears_a_waiting_contact_rise_when_its_caller_is_screened_at_higher_risk()
    {
        using var supervisor = await SignIn.AsAsync(factory, Accounts.Supervisor);
        await using var connection = Connect(supervisor);
        var risen = Channel.CreateUnbounded<ContactRiskChanged>();
        connection.On<ContactRiskChanged>(nameof(IQueueClient.ContactRiskChanged), c => risen.Writer.TryWrite(c));
        await connection.StartAsync();
        var gateway = GatewayClient.For(factory);
        async Task<long> PostAsync(string externalId) =>
            long.Parse((await gateway.PostContactAsync(GatewayClient.Contact(externalId, from: "+77015557788"))).Headers.Location!.OriginalString.Split('/').Last());
        var owner = TestActors.Counsellor("hub-screener", "Aigerim", "111");
        var caseId = (await factory.Services.GetRequiredService<QueueService>().ClaimAsync(await PostAsync($"hub-r-{Guid.NewGuid():N}"), owner)).CaseId!.Value;
        var waiting = await PostAsync($"hub-r-{Guid.NewGuid():N}");

        await factory.Services.GetRequiredService<RiskScreeningService>().ScreenAsync(
            caseId, new ScreeningInput(Screenings.Yes("fear-for-life", "strangulation")), owner);

        using var timeout = new CancellationTokenSource(Deadline);
        var change = await ReadUntilAsync(risen.Reader, c => c.ContactId == waiting, timeout.Token);
        Assert.Equal(RiskLevel.ImmediateDanger, change.Risk);
        Assert.Equal("111", change.Line);
        var queued = (await factory.Services.GetRequiredService<QueueService>().ListWaitingAsync(owner)).Single(c => c.Id == waiting);
        Assert.Equal(RiskLevel.ImmediateDanger, queued.Risk);
    }

    private static async Task<T> ReadUntilAsync<T>(ChannelReader<T> reader, Func<T, bool> match, CancellationToken cancellationToken)
    {
        await foreach (var item in reader.ReadAllAsync(cancellationToken))
        {
            if (match(item))
            {
                return item;
            }
        }

        throw new InvalidOperationException("The hub closed before the expected message arrived.");
    }
}
