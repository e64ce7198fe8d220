using System.Net;
using System.Text;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Integration;

public sealed class PlantedDataTests
{
    private const string Name = "Gulnara Abenova-Zhaksylykova";
    private const string Number = "+77017654321";

    [Fact]
    public async Task A_planted_name_and_number_are_neither_in_the_database_file_nor_its_WAL_nor_the_logs()
    {
        await using var app = new TracedApp();
        var logs = app.Logs;
        using var gateway = app.Gateway();

        var created = await gateway.PostContactAsync(GatewayClient.Contact("planted-1", channel: "Sms", from: Number, message: $"My name is {Name}, please help"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = long.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var counsellor = TestActors.Counsellor();
        var caseId = (await app.Services.GetRequiredService<QueueService>().ClaimAsync(id, counsellor)).CaseId!.Value;
        await app.Services.GetRequiredService<CaseService>().AddNoteAsync(caseId, $"{Name} can be reached at {Number} after 18:00", counsellor);

        // The WAL is there while a connection is open; SQLite checkpoints it into the file and deletes it when the last
        // one closes, so it is read when present. Either way the contact's row is in what is read: its gateway id, which
        // is not personal data, is stored as it came.
        var files = new[] { app.Host.DatabasePath, app.Host.DatabasePath + "-wal" }.Where(File.Exists).ToList();
        var contents = new List<byte[]>();
        foreach (var file in files)
        {
            contents.Add(await ReadSharedAsync(file));
        }

        Assert.Contains(contents, bytes => bytes.AsSpan().IndexOf("planted-1"u8) >= 0);
        var needles = new[] { "Abenova", "7654321", "765 43 21" };
        foreach (var bytes in contents)
        {
            foreach (var needle in needles)
            {
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)));
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(needle)));
            }
        }

        var everything = string.Join('\n', logs.Lines);
        Assert.All(needles, needle => Assert.DoesNotContain(needle, everything));

        // And the app still reads them back for the counsellor.
        var details = await app.Services.GetRequiredService<CaseService>().GetAsync(caseId, counsellor, CaseRead.Refresh);
        Assert.Contains(Name, details.Notes.Single().Text);
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
