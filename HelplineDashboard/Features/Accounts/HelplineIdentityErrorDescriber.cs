using HelplineDashboard.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace HelplineDashboard.Features.Accounts;

/// <summary>
/// Identity's refusals (a weak password, an email already in use) in the person's language, so an administrator
/// resetting a password reads why in Russian, Kazakh or Kyrgyz like the rest of the page.
/// </summary>
public sealed class HelplineIdentityErrorDescriber(IStringLocalizer<Strings> l) : IdentityErrorDescriber
{
    /// <summary>The English texts, which are the localisation keys.</summary>
    public static readonly IReadOnlyList<string> Keys =
    [
        PasswordTooShortText, PasswordRequiresDigitText, PasswordRequiresLowerText, PasswordRequiresUpperText,
        PasswordRequiresNonAlphanumericText, PasswordRequiresUniqueCharsText, DuplicateEmailText, InvalidEmailText,
        DuplicateUserNameText,
    ];

    private const string PasswordTooShortText = "The password needs at least {0} characters.";
    private const string PasswordRequiresDigitText = "The password needs at least one digit (0-9).";
    private const string PasswordRequiresLowerText = "The password needs at least one lowercase letter.";
    private const string PasswordRequiresUpperText = "The password needs at least one uppercase letter.";
    private const string PasswordRequiresNonAlphanumericText = "The password needs at least one symbol that is not a letter or digit.";
    private const string PasswordRequiresUniqueCharsText = "The password needs at least {0} different characters.";
    private const string DuplicateEmailText = "An account with the email {0} exists already.";
    private const string InvalidEmailText = "{0} is not a valid email address.";
    private const string DuplicateUserNameText = "An account with the name {0} exists already.";

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), PasswordTooShortText, length);

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), PasswordRequiresDigitText);

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), PasswordRequiresLowerText);

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), PasswordRequiresUpperText);

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(nameof(PasswordRequiresNonAlphanumeric), PasswordRequiresNonAlphanumericText);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), PasswordRequiresUniqueCharsText, uniqueChars);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), DuplicateEmailText, email);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), InvalidEmailText, email ?? "");

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), DuplicateUserNameText, userName);

    private IdentityError Error(string code, string key, params object[] arguments) =>
        new() { Code = code, Description = l[key, arguments] };
}
