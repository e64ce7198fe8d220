using System.Security.Claims;
using HelplineDashboard.Common;
using HelplineDashboard.Features.Contacts;

namespace HelplineDashboard.Features.Intake;

/// <summary>The gateway contract: <c>/api/v1/contacts</c>. Keep it stable.</summary>
public static class IntakeEndpoints
{
    public const string GatewayPolicy = "Gateway";
    public const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapIntakeApi(this IEndpointRouteBuilder endpoints)
    {
        var contacts = endpoints.MapGroup("/api/v1/contacts")
            .RequireAuthorization(GatewayPolicy)
            .RequireRateLimiting(Security.SecurityServiceCollectionExtensions.IntakeRateLimit)
            .WithTags("Intake");

        contacts.MapPost("/", PostContactAsync).DisableAntiforgery();
        contacts.MapGet("/{id:long}", GetContactAsync).WithName(nameof(GetContactAsync));
        contacts.MapPost("/{externalId}/abandon", AbandonAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> PostContactAsync(
        HttpContext http, IntakeValidator validator, IntakeService intake, CancellationToken cancellationToken)
    {
        var (request, problem) = await JsonBody.ReadAsync<IntakeRequest>(http, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var validation = validator.Validate(request!);
        if (!validation.IsValid)
        {
            return Results.ValidationProblem(validation.Errors, title: "The contact was not accepted.");
        }

        var valid = validation.Value!;
        if (!GatewayServes(http.User, valid.Line))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "This gateway may not post to that line.",
                detail: $"The key is not configured for line {valid.Line}.");
        }

        var result = await intake.SubmitAsync(GatewayName(http.User), valid, cancellationToken);
        var receipt = new ContactReceipt(result.Id, result.Status, result.Position);
        return result.Outcome switch
        {
            IntakeOutcome.Created => Results.Created($"/api/v1/contacts/{result.Id}", receipt),
            IntakeOutcome.Replayed => Results.Ok(receipt),
            _ => Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "This externalId was already used for a different contact.",
                detail: "A retry must send the same body as the first post.",
                extensions: new Dictionary<string, object?> { ["id"] = result.Id }),
        };
    }

    private static async Task<IResult> GetContactAsync(long id, HttpContext http, IntakeService intake, CancellationToken cancellationToken)
    {
        var result = await intake.GetAsync(GatewayName(http.User), id, cancellationToken);
        return result is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such contact from this gateway.")
            : Results.Ok(new ContactReceipt(result.Id, result.Status, result.Position));
    }

    private static async Task<IResult> AbandonAsync(string externalId, HttpContext http, IntakeService intake, CancellationToken cancellationToken)
    {
        var result = await intake.AbandonAsync(GatewayName(http.User), externalId, cancellationToken);
        return result.Outcome switch
        {
            AbandonOutcome.Abandoned => Results.Ok(new ContactReceipt(result.Id!.Value, ContactStatus.Abandoned, null)),
            AbandonOutcome.AlreadyClaimed => Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The contact was already claimed by a counsellor.",
                extensions: new Dictionary<string, object?> { ["id"] = result.Id }),
            _ => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such contact from this gateway."),
        };
    }

    private static string GatewayName(ClaimsPrincipal user) =>
        user.FindFirst(GatewayAuthenticationHandler.GatewayClaim)?.Value
        ?? throw new InvalidOperationException("Gateway policy admitted a principal without a gateway claim.");

    private static bool GatewayServes(ClaimsPrincipal user, string line) =>
        user.HasClaim(GatewayAuthenticationHandler.LineClaim, line);
}

/// <summary>What intake answers: the contact's id, its status and its place in the line's queue while it waits.</summary>
public sealed record ContactReceipt(long Id, ContactStatus Status, int? Position);
