using Bunit;
using HelplineDashboard.Features.Health;
using Microsoft.Data.Sqlite;

namespace HelplineDashboard.Tests.Components;

public sealed class DegradedBannerTests : HelplineTestContext
{
    [Fact]
    public void Says_the_service_is_degraded_while_storage_fails_and_goes_away_when_a_write_succeeds_again()
    {
        var health = Service<ServiceHealth>();
        var banner = Render<DegradedBanner>();
        Assert.Empty(banner.FindAll("[data-testid=degraded-banner]"));

        health.ReportStorageFailure(new SqliteException("database or disk is full", 13));
        banner.WaitForAssertion(() => Assert.Contains("new contacts cannot be saved", banner.Find("[data-testid=degraded-banner]").TextContent));

        health.ReportStorageHealthy();
        banner.WaitForAssertion(() => Assert.Empty(banner.FindAll("[data-testid=degraded-banner]")));
    }
}
