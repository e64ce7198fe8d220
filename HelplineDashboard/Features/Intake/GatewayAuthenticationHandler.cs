using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using HelplineDashboard.Features.Administration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace HelplineDashboard.Features.Intake;

/// <summary>
/// Authenticates gateways by the <c>X-Api-Key</c> header: first against the key hashes configured under
/// <c>Intake:Gateways</c>, then against the live keys administrators created in the app (<see cref="ApiKeyService"/>).
/// Every principal carries the key's scope; the intake policy admits only <see cref="ApiKeyScope.Intake"/>.
/// </summary>
public sealed class GatewayAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptionsMonitor<IntakeOptions> intake,
    ApiKeyService apiKeys,
    IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "GatewayApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string GatewayClaim = "helpline:gateway";
    public const string LineClaim = "helpline:gateway_line";

    /// <summary>What the key may do: an <see cref="ApiKeyScope"/> name. Configured gateway keys are always Intake.</summary>
    public const string ScopeClaim = "helpline:key_scope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }

        var key = values.ToString();
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        foreach (var (name, gateway) in intake.CurrentValue.Gateways)
        {
            if (TryParseHex(gateway.KeySha256, out var expected) && CryptographicOperations.FixedTimeEquals(presented, expected))
            {
                return Success(name, ApiKeyScope.Intake, gateway.Lines);
            }
        }

        // Looked up by its hash (indexed); the key is 256 random bits, so the lookup's timing tells an attacker nothing.
        if (await apiKeys.AuthenticateAsync(key, Context.RequestAborted) is { } stored)
        {
            return Success(stored.Name, stored.Scope, stored.Lines);
        }

        Logger.LogWarning("Intake refused an unknown API key from {RemoteIp}", Context.Connection.RemoteIpAddress);
        return AuthenticateResult.Fail("Unknown API key.");
    }

    private static AuthenticateResult Success(string name, ApiKeyScope scope, IEnumerable<string> lines)
    {
        var claims = new List<Claim> { new(GatewayClaim, name), new(ClaimTypes.Name, name), new(ScopeClaim, scope.ToString()) };
        claims.AddRange(lines.Select(line => new Claim(LineClaim, line)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"ApiKey header=\"{HeaderName}\"";
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "A valid gateway API key is required.",
                Detail = $"Send the gateway's key in the {HeaderName} header.",
            },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = "This key may not do that." },
        });
    }

    private static bool TryParseHex(string hex, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromHexString(hex);
            return bytes.Length == SHA256.HashSizeInBytes;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
