using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace HelplineDashboard.Tests.Support;

/// <summary>The app with every log line, down to Trace, captured: for tests that look for what must not leak.</summary>
public sealed class TracedApp : IAsyncDisposable
{
    public TracedApp()
    {
        Host = new HelplineAppFactory(useKestrel: false, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" });
        App = Host.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(Logs)));
    }

    public HelplineAppFactory Host { get; }

    public WebApplicationFactory<Program> App { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public IServiceProvider Services => App.Services;

    public HttpClient Gateway()
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", HelplineAppFactory.GatewayKey);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Host.DisposeAsync();
    }
}
