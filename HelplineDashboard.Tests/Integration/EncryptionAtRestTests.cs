using HelplineDashboard.Data;
using HelplineDashboard.Data.Protection;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Escalations;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Features.Queue;
using HelplineDashboard.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineDashboard.Tests.Integration;

public sealed class EncryptionAtRestTests(HelplineAppFactory factory) : IClassFixture<HelplineAppFactory>
{
    private const string Number = "+77017778899";
    private const string Message = "He said he will kill me tonight";

    private async Task<(long ContactId, long CaseId)> ContactWithCaseAsync(string externalId, string from = Number)
    {
        var contact = await factory.Services.GetRequiredService<IntakeService>().SubmitAsync("test-gateway",
            new ValidIntake("111", ContactChannel.Sms, externalId, from, "ru", Message, "Astana", true));
        var claim = await factory.Services.GetRequiredService<QueueService>().ClaimAsync(contact.Id, TestActors.Counsellor());
        return (contact.Id, claim.CaseId!.Value);
    }

    /// <summary>What someone with a copy of the database file sees.</summary>
    private async Task<List<string?>> RawAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string?>();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values.Add(reader.IsDBNull(i) ? null : reader.GetValue(i).ToString());
            }
        }

        return values;
    }

    [Fact]
    public async Task Numbers_messages_notes_and_escalation_details_are_encrypted_in_the_file_and_read_back_in_the_app()
    {
        var (contactId, caseId) = await ContactWithCaseAsync("enc-1");
        var counsellor = TestActors.Counsellor();
        await factory.Services.GetRequiredService<CaseService>().AddNoteAsync(caseId, "She is hiding at her sister's on Abay street", counsellor);
        await factory.Services.GetRequiredService<EscalationService>().RequestAsync(caseId, new EscalationRequest
        {
            Target = "police", Region = "Astana", Address = "Kabanbay Batyr 8, flat 12", Landmarks = "blue door", Summary = "Knife threats",
        }, counsellor);

        var raw = await RawAsync(
            $"""
            SELECT c."From", c."Message", n."Text", e."Address", e."Landmarks", e."Summary"
            FROM "Contacts" c JOIN "CaseNotes" n ON n."CaseId" = c."CaseId" JOIN "Escalations" e ON e."CaseId" = c."CaseId"
            WHERE c."Id" = {contactId}
            """);

        Assert.Equal(6, raw.Count);
        Assert.All(raw, value => Assert.StartsWith(FieldProtector.Prefix, value));
        var file = string.Join('|', raw);
        Assert.DoesNotContain("7778899", file);
        Assert.DoesNotContain("kill", file);
        Assert.DoesNotContain("sister", file);
        Assert.DoesNotContain("Kabanbay", file);

        var details = await factory.Services.GetRequiredService<CaseService>().GetAsync(caseId, counsellor);
        Assert.Equal("+7 701 777 88 99", details.Caller.Number);
        Assert.Equal(Message, details.Caller.FirstMessage);
        Assert.Equal("She is hiding at her sister's on Abay street", details.Notes.Single().Text);
        Assert.Equal("Kabanbay Batyr 8, flat 12", details.Escalations.Single().Address);
    }

    [Fact]
    public async Task The_same_caller_gets_the_same_keyed_hash_and_the_plain_number_is_nowhere()
    {
        var first = await ContactWithCaseAsync("repeat-1");
        var again = await ContactWithCaseAsync("repeat-2");
        var someoneElse = await ContactWithCaseAsync("repeat-3", from: "+77015550000");

        var keys = await RawAsync($"""SELECT "CallerKey" FROM "Contacts" WHERE "Id" IN ({first.ContactId}, {again.ContactId}, {someoneElse.ContactId}) ORDER BY "Id" """);

        Assert.Equal(keys[0], keys[1]);
        Assert.NotEqual(keys[0], keys[2]);
        Assert.Equal(64, keys[0]!.Length);
        Assert.DoesNotContain("77017778899", keys[0]);
        Assert.Equal(keys[0], factory.Services.GetRequiredService<CallerKeyHasher>().Hash(Number));
    }

    [Fact]
    public async Task The_key_ring_is_kept_in_the_configured_folder()
    {
        await ContactWithCaseAsync("keys-1");

        var folder = Path.Combine(Path.GetDirectoryName(factory.DatabasePath)!, "keys");

        Assert.NotEmpty(Directory.GetFiles(folder, "key-*.xml"));
        Assert.True(File.Exists(Path.Combine(folder, "caller-hash-key.protected")));
    }

    [Fact]
    public async Task Rows_written_in_plain_text_before_encryption_are_encrypted_by_the_backfill()
    {
        var (contactId, caseId) = await ContactWithCaseAsync("legacy-1");
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.ExecuteSqlAsync($"""UPDATE "Contacts" SET "From" = '+77010001122', "Message" = 'legacy words', "CallerKey" = '' WHERE "Id" = {contactId}""");
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "CaseNotes" ("CaseId","AuthorId","AuthorName","Text","CreatedAt") VALUES ({caseId},'c1','Aigerim','legacy note','2026-11-01 10:00:00')""");
        }

        Assert.False(await BackfillIsDoneAsync());
        await using (var db = factory.CreateDbContext())
        {
            Assert.True(await PlaintextBackfill.RunAsync(db, factory.Services.GetRequiredService<CallerKeyHasher>(), CancellationToken.None) >= 2);
        }

        var raw = await RawAsync($"""SELECT "From", "Message", "CallerKey" FROM "Contacts" WHERE "Id" = {contactId}""");
        Assert.StartsWith(FieldProtector.Prefix, raw[0]);
        Assert.StartsWith(FieldProtector.Prefix, raw[1]);
        Assert.Equal(factory.Services.GetRequiredService<CallerKeyHasher>().Hash("+77010001122"), raw[2]);
        Assert.Empty(await RawAsync($"""SELECT "Text" FROM "CaseNotes" WHERE "Text" NOT LIKE 'enc1:%'"""));
        await using var check = factory.CreateDbContext();
        Assert.Equal("legacy words", (await check.Contacts.SingleAsync(c => c.Id == contactId)).Message);
        Assert.True(await BackfillIsDoneAsync());
    }

    /// <summary>What start-up's plain read of the file says: is there anything left for the backfill?</summary>
    private async Task<bool> BackfillIsDoneAsync()
    {
        await using var probe = await StartupProbe.OpenAsync(factory.Services.GetHelplineConnectionString(), CancellationToken.None);
        return await PlaintextBackfill.IsDoneAsync(probe!, CancellationToken.None);
    }
}
