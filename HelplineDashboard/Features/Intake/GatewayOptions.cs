namespace HelplineDashboard.Features.Intake;

/// <summary>
/// Gateways allowed to post contacts, under <c>Intake:Gateways:{name}</c>. Only the SHA-256 of each key is
/// configured, never the key itself.
/// </summary>
public sealed class IntakeOptions
{
    public const string SectionName = "Intake";

    public Dictionary<string, GatewayOptions> Gateways { get; set; } = new(StringComparer.Ordinal);
}

public sealed class GatewayOptions
{
    /// <summary>Lower- or upper-case hex SHA-256 of the gateway's API key.</summary>
    public string KeySha256 { get; set; } = "";

    /// <summary>The lines this gateway may post to.</summary>
    public List<string> Lines { get; set; } = [];
}
