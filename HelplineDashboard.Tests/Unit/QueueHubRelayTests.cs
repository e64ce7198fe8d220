using System.Collections.Concurrent;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HelplineDashboard.Tests.Unit;

/// <summary>
/// The hub relay folds a burst of claims into one message per line for clients that asked for batches, and never lets
/// a later change overtake the claims folded before it. The hub is a recorder; time is a fake clock.
/// </summary>
public sealed class QueueHubRelayTests : IAsyncLifetime
{
    private const int Window = 50;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
    private readonly QueueNotifier _notifier = new(NullLogger<QueueNotifier>.Instance);
    private readonly RecordingHub _hub = new();
    private readonly QueueHubRelay _relay;

    public QueueHubRelayTests() =>
        _relay = new QueueHubRelay(_notifier, _hub, new StaticOptions<QueueHubOptions>(new() { ClaimBatchMilliseconds = Window }), _clock, NullLogger<QueueHubRelay>.Instance);

    public Task InitializeAsync() => _relay.StartAsync(CancellationToken.None);

    public Task DisposeAsync() => _relay.StopAsync(CancellationToken.None);

    [Fact]
    public async Task A_claim_after_a_quiet_spell_reaches_batch_clients_at_once_and_the_burst_after_it_folds_into_one_message()
    {
        await _notifier.PublishAsync(Claim(1));
        await Eventually.MatchAsync(() => Task.FromResult(_hub.BatchesOf("111")), b => b.Count == 1, Deadline, "the first claim's message");

        await _notifier.PublishAsync(Claim(2));
        await _notifier.PublishAsync(Claim(3));
        await _notifier.PublishAsync(Claim(4));
        await Eventually.MatchAsync(() => Task.FromResult(_hub.SinglesOf("111")), s => s.Count == 4, Deadline, "each claim to the clients that hear each one");
        Assert.Single(_hub.BatchesOf("111"));

        _clock.Advance(TimeSpan.FromMilliseconds(Window));
        var batches = await Eventually.MatchAsync(() => Task.FromResult(_hub.BatchesOf("111")), b => b.Count == 2, Deadline, "the folded claims' message");

        Assert.Equal([1L], batches[0]);
        Assert.Equal([2L, 3L, 4L], batches[1]);
        Assert.Equal([1L, 2L, 3L, 4L], _hub.SinglesOf("111"));
    }

    [Fact]
    public async Task Another_change_sends_the_claims_folded_before_it_first_so_batch_clients_hear_them_in_order()
    {
        await _notifier.PublishAsync(Claim(1));
        await Eventually.MatchAsync(() => Task.FromResult(_hub.BatchesOf("111")), b => b.Count == 1, Deadline, "the first claim's message");

        await _notifier.PublishAsync(Claim(2));
        await _notifier.PublishAsync(new ContactQueued(Waiting(2)));
        await Eventually.MatchAsync(() => Task.FromResult(_hub.Log.Count(m => m.Method == nameof(IQueueClient.ContactQueued))), n => n == 1, Deadline, "the contact queued again");

        var toBatchClients = _hub.Log.Where(m => m.Group != QueueHub.EachClaimGroup("111")).Select(m => m.Method).ToList();
        Assert.Equal([nameof(IQueueClient.ContactsClaimed), nameof(IQueueClient.ContactsClaimed), nameof(IQueueClient.ContactQueued)], toBatchClients);
        Assert.Equal([2L], _hub.BatchesOf("111")[1]);
    }

    [Fact]
    public async Task Folded_claims_of_two_lines_go_as_one_message_per_line()
    {
        await _notifier.PublishAsync(Claim(1));
        await Eventually.MatchAsync(() => Task.FromResult(_hub.BatchesOf("111")), b => b.Count == 1, Deadline, "the first claim's message");

        await _notifier.PublishAsync(Claim(2, "117"));
        await _notifier.PublishAsync(Claim(3));
        await _notifier.PublishAsync(Claim(4, "117"));
        await Eventually.MatchAsync(() => Task.FromResult(_hub.SinglesOf("111").Count + _hub.SinglesOf("117").Count), n => n == 4, Deadline, "each claim");
        _clock.Advance(TimeSpan.FromMilliseconds(Window));

        await Eventually.MatchAsync(() => Task.FromResult(_hub.BatchesOf("117")), b => b.Count == 1, Deadline, "line 117's message");
        Assert.Equal([2L, 4L], _hub.BatchesOf("117")[0]);
        Assert.Equal([3L], (await Eventually.MatchAsync(() => Task.FromResult(_hub.BatchesOf("111")), b => b.Count == 2, Deadline, "line 111's message"))[1]);
    }

    [Fact]
    public async Task A_burst_of_more_claims_than_one_message_holds_goes_out_in_full_messages_without_waiting_for_the_window()
    {
        await _notifier.PublishAsync(Claim(0));
        await Eventually.MatchAsync(() => Task.FromResult(_hub.BatchesOf("111")), b => b.Count == 1, Deadline, "the first claim's message");

        for (var id = 1; id <= QueueHubRelay.MaxDrain + 1; id++)
        {
            await _notifier.PublishAsync(Claim(id));
        }

        var batches = await Eventually.MatchAsync(() => Task.FromResult(_hub.BatchesOf("111")), b => b.Count == 2, Deadline, "a full message");
        Assert.Equal(Enumerable.Range(1, QueueHubRelay.MaxDrain).Select(id => (long)id), batches[1]);

        _clock.Advance(TimeSpan.FromMilliseconds(Window));
        batches = await Eventually.MatchAsync(() => Task.FromResult(_hub.BatchesOf("111")), b => b.Count == 3, Deadline, "the rest, when due");
        Assert.Equal([QueueHubRelay.MaxDrain + 1L], batches[2]);
    }

    [Fact]
    public async Task Claims_folded_when_the_app_stops_are_still_sent()
    {
        await _notifier.PublishAsync(Claim(1));
        await Eventually.MatchAsync(() => Task.FromResult(_hub.BatchesOf("111")), b => b.Count == 1, Deadline, "the first claim's message");
        await _notifier.PublishAsync(Claim(2));
        await Eventually.MatchAsync(() => Task.FromResult(_hub.SinglesOf("111")), s => s.Count == 2, Deadline, "the second claim to the clients that hear each one");

        await _relay.StopAsync(CancellationToken.None);

        Assert.Equal([[1L], [2L]], _hub.BatchesOf("111"));
    }

    private ContactClaimed Claim(long id, string line = "111") => new(id, line, "Counsellor", _clock.GetUtcNow().UtcDateTime);

    private QueuedContact Waiting(long id) =>
        new(id, "111", ContactChannel.Voice, "ru", "+7 *** ** 12", null, Urgent: false, RiskLevel.Standard, _clock.GetUtcNow().UtcDateTime);

    /// <summary>A hub context that records what each group was sent, in order.</summary>
    private sealed class RecordingHub : IHubContext<QueueHub, IQueueClient>
    {
        public ConcurrentQueue<(string Group, string Method, object Message)> Log { get; } = new();

        public IHubClients<IQueueClient> Clients => new RecordingClients(Log);

        public IGroupManager Groups => throw new NotSupportedException();

        public List<List<long>> BatchesOf(string line) =>
            [.. Log.Where(m => m.Group == QueueHub.ClaimBatchesGroup(line)).Select(m => ((ContactsClaimed)m.Message).Claims.Select(c => c.ContactId).ToList())];

        public List<long> SinglesOf(string line) =>
            [.. Log.Where(m => m.Group == QueueHub.EachClaimGroup(line)).Select(m => ((ContactClaimed)m.Message).ContactId)];
    }

    private sealed class RecordingClients(ConcurrentQueue<(string Group, string Method, object Message)> log) : IHubClients<IQueueClient>
    {
        public IQueueClient All => throw new NotSupportedException();

        public IQueueClient Group(string groupName) => new Recorder(groupName, log);

        public IQueueClient AllExcept(IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

        public IQueueClient Client(string connectionId) => throw new NotSupportedException();

        public IQueueClient Clients(IReadOnlyList<string> connectionIds) => throw new NotSupportedException();

        public IQueueClient GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

        public IQueueClient Groups(IReadOnlyList<string> groupNames) => throw new NotSupportedException();

        public IQueueClient User(string userId) => throw new NotSupportedException();

        public IQueueClient Users(IReadOnlyList<string> userIds) => throw new NotSupportedException();
    }

    private sealed class Recorder(string group, ConcurrentQueue<(string Group, string Method, object Message)> log) : IQueueClient
    {
        public Task ContactQueued(QueuedContact contact) => Note(nameof(ContactQueued), contact);

        public Task ContactClaimed(ContactClaimed change) => Note(nameof(ContactClaimed), change);

        public Task ContactsClaimed(ContactsClaimed changes) => Note(nameof(ContactsClaimed), changes);

        public Task ContactAbandoned(ContactAbandoned change) => Note(nameof(ContactAbandoned), change);

        public Task ContactRiskChanged(ContactRiskChanged change) => Note(nameof(ContactRiskChanged), change);

        private Task Note(string method, object message)
        {
            log.Enqueue((group, method, message));
            return Task.CompletedTask;
        }
    }
}
