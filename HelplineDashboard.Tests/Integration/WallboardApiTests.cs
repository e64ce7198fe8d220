using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using HelplineDashboard.Features.Administration;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Categories;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Features.Reports;
using HelplineDashboard.Features.Wallboard;
using HelplineDashboard.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Integration;

/// <summary>The metrics API and hub for TV wallboards, and the statistical CSV.</summary>
public sealed class WallboardApiTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private async Task<string> WallboardKeyAsync(string name, params string[] lines) =>
        (await factory.Services.GetRequiredService<ApiKeyService>()
            .CreateAsync(new NewApiKey { Name = name, Scope = ApiKeyScope.WallboardRead, Lines = [.. lines] }, TestActors.Admin())).Secret;

    private HttpClient KeyClient(string key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private HubConnection Connect(Action<Microsoft.AspNetCore.Http.Connections.Client.HttpConnectionOptions> authenticate) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, MetricsHub.Path.TrimStart('/')), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                authenticate(options);
            })
            .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
            .Build();

    [Fact]
    public async Task The_metrics_api_refuses_anonymous_callers_counsellors_and_intake_keys_with_problem_details()
    {
        using var anonymous = await SignIn.AnonymousClient(factory).GetAsync("/api/v1/metrics");
        using var counsellor = await SignIn.AsAsync(factory, Accounts.Counsellor1);
        using var asCounsellor = await counsellor.Client.GetAsync("/api/v1/metrics");
        using var intake = await GatewayClient.For(factory).GetAsync("/api/v1/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, asCounsellor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, intake.StatusCode);
    }

    [Fact]
    public async Task A_wallboard_key_reads_the_live_numbers_of_its_own_lines_only()
    {
        var key = await WallboardKeyAsync("tv-117", "117");
        await GatewayClient.For(factory).PostContactAsync(GatewayClient.Contact("wb-api-1", line: "117", from: "+996555123456", language: "ky"));
        await factory.Services.GetRequiredService<WallboardMetrics>().RefreshAsync();

        using var response = await KeyClient(key).GetAsync("/api/v1/metrics");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        var line = Assert.Single(json.RootElement.GetProperty("lines").EnumerateArray());
        Assert.Equal("117", line.GetProperty("line").GetString());
        Assert.True(line.GetProperty("queue").GetProperty("waiting").GetInt32() >= 1);
        Assert.DoesNotContain("555123456", body);
    }

    [Fact]
    public async Task A_supervisor_reads_the_metrics_with_their_sign_in()
    {
        using var supervisor = await SignIn.AsAsync(factory, Accounts.Supervisor);

        var metrics = await supervisor.Client.GetFromJsonAsync<JsonElement>("/api/v1/metrics");

        Assert.Equal(2, metrics.GetProperty("lines").GetArrayLength());
    }

    [Fact]
    public async Task The_metrics_hub_refuses_anonymous_callers_and_counsellors()
    {
        using var counsellor = await SignIn.AsAsync(factory, Accounts.Counsellor1);
        await using var anonymous = Connect(_ => { });
        await using var asCounsellor = Connect(options =>
            options.HttpMessageHandlerFactory = _ => new CookieContainerHandler(counsellor.Cookies) { InnerHandler = factory.Server.CreateHandler() });

        var anonymousRefusal = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync());
        var counsellorRefusal = await Assert.ThrowsAsync<HttpRequestException>(() => asCounsellor.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, anonymousRefusal.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, counsellorRefusal.StatusCode);
    }

    [Fact]
    public async Task The_hub_pushes_new_numbers_to_a_wallboard_key_when_a_contact_arrives()
    {
        var key = await WallboardKeyAsync("tv-hub", "111");
        await using var connection = Connect(options => options.Headers["X-Api-Key"] = key);
        var pushed = Channel.CreateUnbounded<MetricsView>();
        connection.On<MetricsView>(nameof(IMetricsClient.MetricsUpdated), m => pushed.Writer.TryWrite(m));
        await connection.StartAsync();

        await GatewayClient.For(factory).PostContactAsync(GatewayClient.Contact($"wb-hub-{Guid.NewGuid():N}"));

        using var timeout = new CancellationTokenSource(Deadline);
        await foreach (var metrics in pushed.Reader.ReadAllAsync(timeout.Token))
        {
            var line = Assert.Single(metrics.Lines);
            Assert.Equal("111", line.Line);
            if (line.Queue.Waiting >= 1)
            {
                return;
            }
        }
    }

    [Fact]
    public async Task The_report_csv_holds_counts_and_no_personal_data()
    {
        const string number = "+77015550199";
        const string message = "Secret words from the caller";
        const string summary = "Closing summary naming Zarina Bekova";
        await GatewayClient.For(factory).PostContactAsync(GatewayClient.Contact("wb-csv-1", from: number, message: message, region: "Astana"));
        var contact = await Eventually.MatchAsync(
            async () => (await factory.Services.GetRequiredService<QueueService>().ListWaitingAsync(TestActors.Supervisor())).FirstOrDefault(c => c.Region == "Astana"),
            c => c is not null, what: "the contact is waiting");
        var counsellor = TestActors.Counsellor("csv-counsellor", "Aigerim Counsellor", "111");
        var caseId = (await factory.Services.GetRequiredService<QueueService>().ClaimAsync(contact!.Id, counsellor)).CaseId!.Value;
        await factory.Services.GetRequiredService<CaseService>().AddNoteAsync(caseId, "A note about the husband", counsellor);
        await factory.Services.GetRequiredService<CategoryService>().SetForCaseAsync(caseId, [Physical, Psychological], counsellor);
        await factory.Services.GetRequiredService<CaseService>().CloseAsync(caseId, CaseOutcome.LegalAdvice, summary, counsellor);

        using var supervisor = await SignIn.AsAsync(factory, Accounts.Supervisor);
        var today = DateTime.UtcNow.Date;
        using var response = await supervisor.Client.GetAsync($"/reports/export.csv?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}&line=111");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(string.Join(',', ReportCsv.Header), lines[0]);
        Assert.Contains(lines, l => l.Contains(",111,Voice,Astana,Physical,", StringComparison.Ordinal) && l.Contains(",LegalAdvice,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",111,Voice,Astana,Psychological,", StringComparison.Ordinal) && l.Contains(",LegalAdvice,", StringComparison.Ordinal));
        foreach (var secret in new[] { "5550199", message, summary, "Zarina", "husband", "Aigerim", counsellor.UserId })
        {
            Assert.DoesNotContain(secret, csv);
        }
    }

    private const int Physical = 1;
    private const int Psychological = 2;

    [Fact]
    public async Task Reports_count_a_case_in_each_of_its_categories_filter_by_one_and_count_each_contact_once_in_the_totals()
    {
        var counsellor = TestActors.Counsellor("cat-counsellor", "Dinara", "111");
        var supervisor = TestActors.Supervisor("cat-sup", "Dana", "111");
        var queue = factory.Services.GetRequiredService<QueueService>();
        var categories = factory.Services.GetRequiredService<CategoryService>();
        async Task<long> CaseAsync(string externalId, string from)
        {
            await GatewayClient.For(factory).PostContactAsync(GatewayClient.Contact(externalId, from: from, region: "Karaganda"));
            var contact = await Eventually.MatchAsync(
                async () => (await queue.ListWaitingAsync(supervisor)).FirstOrDefault(c => c.Region == "Karaganda"),
                c => c is not null, what: "the contact is waiting");
            return (await queue.ClaimAsync(contact!.Id, counsellor)).CaseId!.Value;
        }

        await categories.SetForCaseAsync(await CaseAsync("cat-1", "+77015550301"), [Physical, Psychological], counsellor);
        await categories.SetForCaseAsync(await CaseAsync("cat-2", "+77015550302"), [Physical], counsellor);
        await CaseAsync("cat-3", "+77015550303");
        var reports = factory.Services.GetRequiredService<ReportService>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var all = new ReportFilter(today.AddDays(-1), today.AddDays(1), Line: "111", Region: "Karaganda");

        var report = await reports.RunAsync(all, supervisor);

        Assert.Equal(3, report.Totals.Offered);
        var byCategory = report.Breakdowns.Single(b => b.Dimension == "Category").Groups.ToDictionary(g => g.Key, g => g.Figures.Offered);
        Assert.Equal(2, byCategory["Physical"]);
        Assert.Equal(1, byCategory["Psychological"]);
        Assert.Equal(1, byCategory[ReportService.NoCategory]);
        Assert.Equal(3, report.Breakdowns.Single(b => b.Dimension == "Region").Groups.Single().Figures.Offered);

        Assert.Equal(2, (await reports.RunAsync(all with { Category = "Physical" }, supervisor)).Totals.Offered);
        Assert.Equal(1, (await reports.RunAsync(all with { Category = ReportService.NoCategory }, supervisor)).Totals.Offered);
        Assert.Equal(0, (await reports.RunAsync(all with { Category = "School" }, supervisor)).Totals.Offered);
        Assert.Contains("School", await reports.CategoriesAsync(supervisor));
        Assert.Contains(ReportService.NoCategory, await reports.CategoriesAsync(supervisor));
    }

    [Fact]
    public async Task A_counsellor_cannot_export_the_report()
    {
        using var counsellor = await SignIn.AsAsync(factory, Accounts.Counsellor1);

        using var response = await counsellor.Client.GetAsync("/reports/export.csv?from=2026-11-01&to=2026-11-23");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.OriginalString);
    }
}
