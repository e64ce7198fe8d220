using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace HelplineDashboard.Features.Intake;

/// <summary>Authenticates gateways by the <c>X-Api-Key</c> header against configured key hashes.</summary>
public sealed class GatewayAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptionsMonitor<IntakeOptions> intake,
    IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "GatewayApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string GatewayClaim = "helpline:gateway";
    public const string LineClaim = "helpline:gateway_line";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(values.ToString()));
        foreach (var (name, gateway) in intake.CurrentValue.Gateways)
        {
            if (!TryParseHex(gateway.KeySha256, out var expected) || !CryptographicOperations.FixedTimeEquals(presented, expected))
            {
                continue;
            }

            var claims = new List<Claim> { new(GatewayClaim, name), new(ClaimTypes.Name, name) };
            claims.AddRange(gateway.Lines.Select(line => new Claim(LineClaim, line)));
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
        }

        Logger.LogWarning("Intake refused an unknown API key from {RemoteIp}", Context.Connection.RemoteIpAddress);
        return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
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
