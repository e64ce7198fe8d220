using HelplineDashboard;
using HelplineDashboard.Common;
using HelplineDashboard.Features.Accounts;

StartupTimeline.Mark("Main entered");
var builder = WebApplication.CreateBuilder(args);
builder.AddHelplineServices();

var app = builder.Build();
StartupTimeline.Mark("app built");

// The database check (or migrations and seeding) runs beside building the pipeline, and is awaited before the server
// listens: the app never serves on a database it has not finished with.
var initialising = app.StartInitialisingHelpline();

if (args is ["create-admin", ..])
{
    await initialising;
    return await CreateAdministratorCommand.RunAsync(app, args[1..]);
}

app.UseHelplinePipeline();
StartupTimeline.Mark("pipeline built");
await initialising;
await app.RunAsync();
return 0;

public partial class Program;
