using System.Text.RegularExpressions;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Lines;

namespace HelplineDashboard.Features.Intake;

/// <summary>The intake contract's rules. Each broken rule becomes an entry under its field's JSON name.</summary>
public sealed partial class IntakeValidator(LineCatalog lines)
{
    public const int MaxExternalIdLength = 128;
    public const int MaxMessageLength = 4000;
    public const int MaxHandleLength = 128;

    public const string UndeterminedLanguage = "und";

    public IntakeValidation Validate(IntakeRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Fail(string field, string message) => errors[field] = [message];

        Line? line = null;
        if (string.IsNullOrWhiteSpace(request.Line))
        {
            Fail("line", "The line is required.");
        }
        else if (!lines.TryGet(request.Line.Trim(), out line))
        {
            Fail("line", $"That line is not served here. Configured lines: {string.Join(", ", lines.All.Select(l => l.Code))}.");
        }

        ContactChannel channel = default;
        if (string.IsNullOrWhiteSpace(request.Channel))
        {
            Fail("channel", "The channel is required: Voice, Sms or Chat.");
        }
        else if (!Enum.TryParse(request.Channel.Trim(), ignoreCase: true, out channel) || !Enum.IsDefined(channel) || int.TryParse(request.Channel, out _))
        {
            Fail("channel", "The channel is not one of Voice, Sms or Chat.");
        }

        var externalId = request.ExternalId?.Trim();
        if (string.IsNullOrEmpty(externalId))
        {
            Fail("externalId", "The externalId (the gateway's own id for this contact) is required.");
        }
        else if (externalId.Length > MaxExternalIdLength)
        {
            Fail("externalId", $"The externalId must be at most {MaxExternalIdLength} characters.");
        }
        else if (externalId.Any(char.IsControl))
        {
            Fail("externalId", "The externalId must not contain control characters.");
        }

        string? from = null;
        if (string.IsNullOrWhiteSpace(request.From))
        {
            Fail("from", "The caller's number or handle (from) is required.");
        }
        else if (!errors.ContainsKey("channel") && channel is ContactChannel.Voice or ContactChannel.Sms)
        {
            if (line is not null)
            {
                from = CallerNumbers.NormaliseForCountry(request.From, line.Country);
                if (from is null)
                {
                    Fail("from", $"'from' is not a valid phone number for line {line.Code} ({line.Country}).");
                }
            }
        }
        else
        {
            from = request.From.Trim();
            if (from.Length > MaxHandleLength)
            {
                Fail("from", $"A chat handle must be at most {MaxHandleLength} characters.");
            }
        }

        var language = string.IsNullOrWhiteSpace(request.Language) ? UndeterminedLanguage : request.Language.Trim().ToLowerInvariant();
        if (!LanguageTag().IsMatch(language))
        {
            Fail("language", "The language must be a language code such as ru, kk or ky.");
        }

        var message = string.IsNullOrEmpty(request.Message) ? null : request.Message;
        if (message is { Length: > MaxMessageLength })
        {
            Fail("message", $"The message must be at most {MaxMessageLength} characters.");
        }

        string? region = null;
        if (!string.IsNullOrWhiteSpace(request.Region) && line is not null)
        {
            region = line.Regions.FirstOrDefault(r => string.Equals(r, request.Region.Trim(), StringComparison.OrdinalIgnoreCase));
            if (region is null)
            {
                Fail("region", $"That region is not a region of line {line.Code}.");
            }
        }

        if (errors.Count > 0)
        {
            return new IntakeValidation(null, errors);
        }

        return new IntakeValidation(
            new ValidIntake(line!.Code, channel, externalId!, from!, language, message, region, request.Urgent ?? false),
            errors);
    }

    [GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}

public sealed record IntakeValidation(ValidIntake? Value, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Value is not null;
}
