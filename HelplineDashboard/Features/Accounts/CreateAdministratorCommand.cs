namespace HelplineDashboard.Features.Accounts;

/// <summary>
/// <c>dotnet run --project HelplineDashboard -- create-admin EMAIL "DISPLAY NAME"</c>: creates the first administrator of
/// a new deployment. The password is read from HELPLINE_ADMIN_PASSWORD or from standard input, never from the command line.
/// </summary>
public static class CreateAdministratorCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args.Length < 2)
        {
            await Console.Error.WriteLineAsync("usage: create-admin EMAIL \"DISPLAY NAME\"   (password from HELPLINE_ADMIN_PASSWORD or stdin)");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable("HELPLINE_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            Console.Write("Password: ");
            password = Console.ReadLine();
        }

        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("A password is required.");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<AccountSeeder>().CreateAdministratorAsync(args[0], args[1], password);
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }

        Console.WriteLine($"Administrator {args[0]} created.");
        return 0;
    }
}
