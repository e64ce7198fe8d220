using HelplineDashboard.Features.Cases;

namespace HelplineDashboard.Tests.Unit;

public sealed class SafetyPlanTests
{
    // Almaty is UTC+5 all year.
    private static readonly TimeZoneInfo Almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");

    private static SafetyPlan Plan(TimeOnly? from = null, TimeOnly? until = null, bool doNotCallBack = false, bool doNotSms = false) => new()
    {
        SafeFrom = from,
        SafeUntil = until,
        DoNotCallBack = doNotCallBack,
        DoNotSendSms = doNotSms,
        RecordedById = "c1",
        RecordedByName = "Aigerim",
    };

    private static DateTime LocalAlmaty(int hour, int minute = 0) => new DateTime(2026, 11, 23, hour, minute, 0, DateTimeKind.Utc).AddHours(-5);

    [Fact]
    public void A_callback_is_allowed_only_inside_the_safe_window_in_the_lines_time()
    {
        var plan = Plan(new TimeOnly(10, 0), new TimeOnly(12, 0));

        Assert.True(plan.AllowsCallbackAt(LocalAlmaty(10), Almaty));
        Assert.True(plan.AllowsCallbackAt(LocalAlmaty(11, 59), Almaty));
        Assert.False(plan.AllowsCallbackAt(LocalAlmaty(12), Almaty));
        Assert.False(plan.AllowsCallbackAt(LocalAlmaty(9, 59), Almaty));
    }

    [Fact]
    public void A_safe_window_over_midnight_allows_late_evening_and_early_morning()
    {
        var plan = Plan(new TimeOnly(22, 0), new TimeOnly(6, 0));

        Assert.True(plan.AllowsCallbackAt(LocalAlmaty(23), Almaty));
        Assert.True(plan.AllowsCallbackAt(LocalAlmaty(5), Almaty));
        Assert.False(plan.AllowsCallbackAt(LocalAlmaty(12), Almaty));
    }

    [Fact]
    public void Do_not_call_back_refuses_every_callback_and_do_not_sms_refuses_sms()
    {
        Assert.False(Plan(doNotCallBack: true).AllowsCallbackAt(LocalAlmaty(11), Almaty));
        Assert.True(Plan().AllowsCallbackAt(LocalAlmaty(3), Almaty));
        Assert.False(Plan(doNotSms: true).AllowsSms);
        Assert.True(Plan().AllowsSms);
    }
}
