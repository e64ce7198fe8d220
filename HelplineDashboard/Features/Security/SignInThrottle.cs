using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace HelplineDashboard.Features.Security;

/// <summary>
/// Limits sign-in attempts per account-and-address and per address within a sliding window, before the password is
/// even checked. Identity's lockout (five failures) protects the account; this protects the service from guessing
/// across many accounts and from locking colleagues out on purpose.
/// </summary>
public sealed class SignInThrottle(IOptionsMonitor<SecurityOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _attempts = new(StringComparer.Ordinal);

    /// <summary>Counts an attempt; false (with how long to wait) when a limit is already reached.</summary>
    public bool TryAttempt(string? account, string? address, out TimeSpan retryAfter)
    {
        var settings = options.CurrentValue;
        var window = TimeSpan.FromMinutes(settings.SignInWindowMinutes);
        var now = time.GetUtcNow();
        var byAddress = $"address:{address ?? "unknown"}";
        var byAccount = $"account:{(account ?? "").Trim().ToUpperInvariant()}|{address ?? "unknown"}";

        lock (_attempts)
        {
            var addressWait = WaitFor(byAddress, settings.SignInAttemptsPerAddress, window, now);
            var accountWait = WaitFor(byAccount, settings.SignInAttemptsPerAccountAndAddress, window, now);
            retryAfter = addressWait > accountWait ? addressWait : accountWait;
            if (retryAfter > TimeSpan.Zero)
            {
                return false;
            }

            Record(byAddress, now);
            Record(byAccount, now);
            return true;
        }
    }

    private TimeSpan WaitFor(string key, int limit, TimeSpan window, DateTimeOffset now)
    {
        if (!_attempts.TryGetValue(key, out var attempts))
        {
            return TimeSpan.Zero;
        }

        while (attempts.Count > 0 && now - attempts.Peek() >= window)
        {
            attempts.Dequeue();
        }

        if (attempts.Count == 0)
        {
            _attempts.TryRemove(key, out _);
            return TimeSpan.Zero;
        }

        return attempts.Count < limit ? TimeSpan.Zero : attempts.Peek() + window - now;
    }

    private void Record(string key, DateTimeOffset now) => _attempts.GetOrAdd(key, _ => new Queue<DateTimeOffset>()).Enqueue(now);
}
