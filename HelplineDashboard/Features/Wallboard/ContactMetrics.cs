using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;

namespace HelplineDashboard.Features.Wallboard;

/// <summary>What the metrics need of a contact: no number, name or message.</summary>
public sealed record ContactFacts(
    ContactChannel Channel,
    ContactStatus Status,
    DateTime ArrivedAt,
    DateTime? ClaimedAt,
    DateTime? AbandonedAt,
    RiskLevel Risk,
    bool Urgent);

/// <summary>The supervisor's figures for one period, as defined in the product glossary.</summary>
public sealed record PeriodFigures(
    int Offered,
    int Answered,
    int Abandoned,
    int ShortAbandoned,
    int AnsweredWithinThreshold,
    double? AverageSpeedOfAnswerSeconds,
    double? ServiceLevel,
    double? AbandonmentRate)
{
    public static readonly PeriodFigures Empty = new(0, 0, 0, 0, 0, null, null, null);

    /// <summary>The rates from the counts: ASA over answered, service level and abandonment over answered plus abandoned.</summary>
    public static PeriodFigures FromCounts(int offered, int answered, int abandoned, int shortAbandoned, int withinThreshold, double answerSeconds)
    {
        var handled = answered + abandoned;
        return new PeriodFigures(
            offered,
            answered,
            abandoned,
            shortAbandoned,
            withinThreshold,
            answered == 0 ? null : answerSeconds / answered,
            handled == 0 ? null : (double)withinThreshold / handled,
            handled == 0 ? null : (double)abandoned / handled);
    }
}

/// <summary>
/// The metric definitions (docs: /work/shared/PRODUCT.md, and written on the reports page). Contacts count in the period
/// they arrived in. A short abandon (caller left before the line's short-abandon threshold) counts in neither offered
/// nor abandoned; it is reported on its own. Service level counts answers within the threshold, the threshold included.
/// </summary>
public static class ContactMetrics
{
    public static bool IsShortAbandon(ContactFacts contact, LineThresholds thresholds) =>
        contact.Status == ContactStatus.Abandoned
        && contact.AbandonedAt is { } left
        && left - contact.ArrivedAt < thresholds.ShortAbandon;

    public static PeriodFigures Compute(IEnumerable<ContactFacts> contacts, LineThresholds thresholds, DateTime fromUtc, DateTime toUtc)
    {
        var tally = new Tally();
        foreach (var contact in contacts)
        {
            if (contact.ArrivedAt >= fromUtc && contact.ArrivedAt < toUtc)
            {
                tally.Add(contact, thresholds);
            }
        }

        return tally.Figures();
    }

    /// <summary>Adds contacts one by one; reports use it to sum many groups without holding them.</summary>
    public sealed class Tally
    {
        private int _offered;
        private int _answered;
        private int _abandoned;
        private int _shortAbandoned;
        private int _withinThreshold;
        private long _answerTicks;

        public void Add(ContactFacts contact, LineThresholds thresholds)
        {
            switch (contact.Status)
            {
                case ContactStatus.Claimed when contact.ClaimedAt is { } claimed:
                    _offered++;
                    _answered++;
                    var wait = claimed - contact.ArrivedAt;
                    _answerTicks += Math.Max(0, wait.Ticks);
                    if (wait <= thresholds.ServiceLevel)
                    {
                        _withinThreshold++;
                    }

                    break;
                case ContactStatus.Abandoned when IsShortAbandon(contact, thresholds):
                    _shortAbandoned++;
                    break;
                case ContactStatus.Abandoned:
                    _offered++;
                    _abandoned++;
                    break;
                default:
                    _offered++;
                    break;
            }
        }

        public PeriodFigures Figures() =>
            PeriodFigures.FromCounts(_offered, _answered, _abandoned, _shortAbandoned, _withinThreshold, (double)_answerTicks / TimeSpan.TicksPerSecond);
    }
}
