using System.Globalization;
using Microsoft.Extensions.Localization;

namespace HelplineDashboard.Features.Escalations;

/// <summary>
/// What a counsellor reads aloud to the service's operator when delivery failed: who is calling, where help is
/// needed, what is happening and what danger there is. Short sentences, most urgent first.
/// </summary>
public static class EscalationScript
{
    public static IReadOnlyList<string> Build(EscalationView escalation, string counsellorName, IStringLocalizer l)
    {
        var lines = new List<string>
        {
            l["This is counsellor {0} of the {1} helpline. I am requesting the {2}, reference {3}.",
                counsellorName, escalation.Line, l[escalation.TargetName], ShortReference(escalation.Id)],
            l["Urgency: {0}.", l[UrgencyLabel(escalation.Urgency)]],
            escalation.Landmarks is null
                ? l["Where: {0}, {1}.", l[escalation.Region], escalation.Address]
                : l["Where: {0}, {1}. Landmarks: {2}.", l[escalation.Region], escalation.Address, escalation.Landmarks],
        };

        var danger = new List<string> { InList(l["People at risk: {0}", escalation.PeopleAtRisk]) };
        if (escalation.ChildrenPresent)
        {
            danger.Add(InList(l["Children present"]));
        }

        if (escalation.WeaponsMentioned)
        {
            danger.Add(InList(l["Weapons mentioned"]));
        }

        lines.Add(l["Danger: {0}.", string.Join(", ", danger)]);
        lines.Add(l["What is happening: {0}", escalation.Summary]);
        return lines;
    }

    /// <summary>The first eight characters of the id: enough for an operator to write down and quote back.</summary>
    public static string ShortReference(Guid id) => id.ToString("N")[^8..].ToUpperInvariant();

    public static string UrgencyLabel(EscalationUrgency urgency) => urgency switch
    {
        EscalationUrgency.Immediate => "Immediate: life in danger now",
        EscalationUrgency.Urgent => "Urgent: within the hour",
        _ => "Routine: report for follow-up",
    };

    /// <summary>A label as an item mid-sentence ("Danger: people at risk: 3, children present"): first letter in lower case.</summary>
    public static string InList(string label) =>
        label.Length == 0 ? label : char.ToLower(label[0], CultureInfo.CurrentCulture) + label[1..];
}
