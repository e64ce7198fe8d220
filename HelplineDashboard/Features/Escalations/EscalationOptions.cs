namespace HelplineDashboard.Features.Escalations;

/// <summary>Escalation settings under <c>Escalations</c>.</summary>
public sealed class EscalationOptions
{
    public const string SectionName = "Escalations";

    /// <summary>An escalation not Sent within this many seconds raises the phone-it-in alarm.</summary>
    public int FallbackAfterSeconds { get; set; } = 30;

    /// <summary>How long one delivery attempt may take before it counts as a time-out.</summary>
    public int AttemptTimeoutMilliseconds { get; set; } = 10_000;

    /// <summary>First retry delay; doubles each attempt, with jitter, up to <see cref="RetryMaxMilliseconds"/>.</summary>
    public int RetryBaseMilliseconds { get; set; } = 1_000;

    public int RetryMaxMilliseconds { get; set; } = 60_000;

    /// <summary>After this long without success a delivery is marked Failed (the alarm is already up by then).</summary>
    public int GiveUpAfterMinutes { get; set; } = 60;

    /// <summary>Turns the background dispatcher off (for maintenance); escalations are still written and alarmed.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>Targets per line: <c>Escalations:Targets:{line}:{n}</c>.</summary>
    public Dictionary<string, List<EscalationTargetOptions>> Targets { get; set; } = new(StringComparer.Ordinal);

    public TimeSpan FallbackAfter => TimeSpan.FromSeconds(FallbackAfterSeconds);
}

/// <summary>An emergency or statutory service a line can escalate to.</summary>
public sealed class EscalationTargetOptions
{
    /// <summary>Short code, unique within the line: police, ambulance, fire, single-112, child-protection, crisis-centre.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string Phone { get; set; } = "";

    /// <summary>Optional HTTPS endpoint that takes escalations as signed JSON; without it every escalation is phoned in.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Shared secret for the HMAC signatures (<c>whsec_</c> + base64, or any string). Never in the repo outside Development.</summary>
    public string? Secret { get; set; }
}
