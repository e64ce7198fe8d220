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

        /// <summary>Adds contacts counted elsewhere (a group SQLite summed), exactly as if they had been added one by one.</summary>
        public void AddCounts(ContactCounts counts)
        {
            _offered += counts.Offered;
            _answered += counts.Answered;
            _abandoned += counts.Abandoned;
            _shortAbandoned += counts.ShortAbandoned;
            _withinThreshold += counts.WithinThreshold;
            _answerTicks += counts.AnswerTicks;
        }

        public PeriodFigures Figures() =>
            PeriodFigures.FromCounts(_offered, _answered, _abandoned, _shortAbandoned, _withinThreshold, (double)_answerTicks / TimeSpan.TicksPerSecond);
    }
}

/// <summary>
/// A group of contacts' counts as <see cref="ContactMetrics.Tally"/> keeps them (answer time in whole ticks): they add up
/// exactly. SQL fills them (<see cref="Reports.ContactCountsSql"/>).
/// </summary>
public readonly record struct ContactCounts(int Offered, int Answered, int Abandoned, int ShortAbandoned, int WithinThreshold, long AnswerTicks)
{
    /// <summary>Every contact of the group: the offered ones and the short abandons (which count in neither).</summary>
    public int Contacts => Offered + ShortAbandoned;

    public static ContactCounts operator +(ContactCounts a, ContactCounts b) => new(
        a.Offered + b.Offered, a.Answered + b.Answered, a.Abandoned + b.Abandoned, a.ShortAbandoned + b.ShortAbandoned,
        a.WithinThreshold + b.WithinThreshold, a.AnswerTicks + b.AnswerTicks);

    public PeriodFigures Figures()
    {
        var tally = new ContactMetrics.Tally();
        tally.AddCounts(this);
        return tally.Figures();
    }
}
