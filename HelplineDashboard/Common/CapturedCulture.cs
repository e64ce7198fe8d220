using System.Globalization;

namespace HelplineDashboard.Common;

/// <summary>
/// A circuit's UI culture, carried into work that starts elsewhere. A notifier's publisher (a gateway's request, the
/// simulator, a timer) runs in its own culture, and a component re-rendering from that callback would otherwise show
/// the publisher's language instead of the person's.
/// </summary>
public readonly record struct CapturedCulture(CultureInfo Culture, CultureInfo UICulture)
{
    public static CapturedCulture Current => new(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    /// <summary>Makes this the culture of the current async flow (it does not leak back to the caller of an async method).</summary>
    public void Apply()
    {
        CultureInfo.CurrentCulture = Culture;
        CultureInfo.CurrentUICulture = UICulture;
    }

    /// <summary>Wraps a timer callback so it runs in this culture.</summary>
    public TimerCallback Wrap(TimerCallback callback)
    {
        var culture = this;
        return state =>
        {
            culture.Apply();
            callback(state);
        };
    }
}
