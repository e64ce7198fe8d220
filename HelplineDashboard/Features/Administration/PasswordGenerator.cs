using System.Security.Cryptography;

namespace HelplineDashboard.Features.Administration;

/// <summary>
/// Passwords an administrator hands to a person once: 20 characters from <see cref="RandomNumberGenerator"/>, with
/// upper and lower case, a digit and a symbol (the Identity policy), and no look-alikes such as O/0 or l/1.
/// </summary>
public static class PasswordGenerator
{
    public const int Length = 20;

    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "!#%+-=?@";

    public static string Generate()
    {
        string[] classes = [Upper, Lower, Digits, Symbols];
        var all = string.Concat(classes);
        var chars = new char[Length];
        for (var i = 0; i < chars.Length; i++)
        {
            // The first characters take one from each class, so every policy rule holds; then shuffle.
            var from = i < classes.Length ? classes[i] : all;
            chars[i] = from[RandomNumberGenerator.GetInt32(from.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
