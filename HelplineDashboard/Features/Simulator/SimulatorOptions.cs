namespace HelplineDashboard.Features.Simulator;

/// <summary>Development's demo feed, under <c>Simulator</c>.</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    public bool Enabled { get; set; }

    /// <summary>Average contacts posted per minute across all lines.</summary>
    public double ContactsPerMinute { get; set; } = 3;

    /// <summary>Share of simulated callers who hang up before a claim.</summary>
    public double AbandonShare { get; set; } = 0.2;

    /// <summary>Share of simulated contacts flagged urgent by the gateway.</summary>
    public double UrgentShare { get; set; } = 0.1;

    /// <summary>Seed for a repeatable feed; null picks one at random.</summary>
    public int? Seed { get; set; }
}
