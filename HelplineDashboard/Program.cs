using HelplineDashboard;
using HelplineDashboard.Features.Accounts;

var builder = WebApplication.CreateBuilder(args);
builder.AddHelplineServices();

var app = builder.Build();
await app.InitialiseHelplineAsync();

if (args is ["create-admin", ..])
{
    return await CreateAdministratorCommand.RunAsync(app, args[1..]);
}

app.UseHelplinePipeline();
await app.RunAsync();
return 0;

public partial class Program;
