using System.Globalization;
using HelplineDashboard.Localization;
using Microsoft.Extensions.Localization;

namespace HelplineDashboard.Features.Simulator;

/// <summary>
/// What simulated callers write, from the UI's resources: the English text is the key, and each caller writes in the
/// language they chose in the IVR (ru, kk, ky), whatever language the counsellor reads the dashboard in.
/// </summary>
public sealed class SimulatedMessages(IStringLocalizer<Strings> texts)
{
    public static readonly IReadOnlyList<string> Keys =
    [
        "I need help, can we talk?",
        "My husband is threatening me again, I am afraid to go home.",
        "My son is being bullied at school, what should I do?",
        "Where do I apply for a benefit?",
        "Can I get advice from a lawyer?",
    ];

    /// <summary>The message with the given index, in the caller's language.</summary>
    public string In(string language, int index)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            return texts[Keys[index % Keys.Count]];
        }
        catch (CultureNotFoundException)
        {
            return Keys[index % Keys.Count];
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
