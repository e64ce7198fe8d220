using System.Data.Common;
using System.Text;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Contacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace HelplineDashboard.Features.Queue;

/// <summary>
/// The two statements a claim batch makes on <c>Contacts</c>, each once per batch instead of once per claim (EF Core's
/// <c>ExecuteUpdate</c> cannot give each row its own values nor return the rows it changed). Table and column names
/// come from the EF model; values are parameters, converted as EF stores them (status as its name, UTC timestamps).
/// They run inside the batch's transaction. See docs/decisions/0022-claim-race-tail.md.
/// </summary>
internal static class ClaimStatements
{
    /// <summary>
    /// <c>UPDATE Contacts SET Status = 'Claimed', ClaimedAt/ById/ByName = (the claim's) WHERE Id IN (…) AND Status = 'Waiting'
    /// RETURNING Id</c>: the conditional update of docs/decisions/0002-atomic-claims.md for every claim at once (at most
    /// one claim per contact). Returns the contacts it changed: only those claims are won.
    /// </summary>
    public static async Task<HashSet<long>> ClaimWaitingAsync(HelplineDbContext db, IReadOnlyList<ClaimRequest> claims)
    {
        var changed = new HashSet<long>();
        if (claims.Count == 0)
        {
            return changed;
        }

        var columns = new Columns(db);
        await using var command = Command(db);
        var sql = new StringBuilder();
        var at = new StringBuilder();
        var byId = new StringBuilder();
        var byName = new StringBuilder();
        var ids = new StringBuilder();
        for (var i = 0; i < claims.Count; i++)
        {
            var claim = claims[i];
            var id = Parameter(command, $"@id{i}", claim.ContactId);
            at.Append($" WHEN {id} THEN {Parameter(command, $"@at{i}", columns.Stored(columns.ClaimedAt, claim.At))}");
            byId.Append($" WHEN {id} THEN {Parameter(command, $"@by{i}", claim.Actor.UserId)}");
            byName.Append($" WHEN {id} THEN {Parameter(command, $"@name{i}", claim.Actor.DisplayName)}");
            ids.Append(i == 0 ? id : ", " + id);
        }

        var claimed = Parameter(command, "@claimed", columns.Stored(columns.Status, ContactStatus.Claimed));
        var waiting = Parameter(command, "@waiting", columns.Stored(columns.Status, ContactStatus.Waiting));
        sql.Append($"UPDATE \"{columns.Table}\" SET \"{columns.Name(columns.Status)}\" = {claimed}, ")
            .Append($"\"{columns.Name(columns.ClaimedAt)}\" = CASE \"{columns.Id}\"{at} END, ")
            .Append($"\"{columns.Name(columns.ClaimedById)}\" = CASE \"{columns.Id}\"{byId} END, ")
            .Append($"\"{columns.Name(columns.ClaimedByName)}\" = CASE \"{columns.Id}\"{byName} END ")
            .Append($"WHERE \"{columns.Id}\" IN ({ids}) AND \"{columns.Name(columns.Status)}\" = {waiting} RETURNING \"{columns.Id}\"");
        command.CommandText = sql.ToString();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            changed.Add(reader.GetInt64(0));
        }

        return changed;
    }

    /// <summary><c>UPDATE Contacts SET CaseId = CASE Id WHEN … END WHERE Id IN (…)</c>: the won contacts join their cases.</summary>
    public static async Task LinkCasesAsync(HelplineDbContext db, IReadOnlyList<(long ContactId, long CaseId)> links)
    {
        if (links.Count == 0)
        {
            return;
        }

        var columns = new Columns(db);
        await using var command = Command(db);
        var cases = new StringBuilder();
        var ids = new StringBuilder();
        for (var i = 0; i < links.Count; i++)
        {
            var id = Parameter(command, $"@id{i}", links[i].ContactId);
            cases.Append($" WHEN {id} THEN {Parameter(command, $"@case{i}", links[i].CaseId)}");
            ids.Append(i == 0 ? id : ", " + id);
        }

        command.CommandText = $"UPDATE \"{columns.Table}\" SET \"{columns.Name(columns.CaseId)}\" = CASE \"{columns.Id}\"{cases} END WHERE \"{columns.Id}\" IN ({ids})";
        var linked = await command.ExecuteNonQueryAsync();
        if (linked != links.Count)
        {
            throw new InvalidOperationException($"Linked {linked} of {links.Count} claimed contacts to their cases.");
        }
    }

    private static DbCommand Command(HelplineDbContext db)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Claim statements run inside the batch's transaction.");
        return command;
    }

    private static string Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return name;
    }

    /// <summary>The <c>Contacts</c> table and the columns the statements touch, as the EF model maps them.</summary>
    private readonly struct Columns
    {
        public Columns(HelplineDbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(Contact))!;
            Table = entity.GetTableName()!;
            Store = StoreObjectIdentifier.Table(Table, entity.GetSchema());
            Id = entity.FindProperty(nameof(Contact.Id))!.GetColumnName(Store)!;
            Status = entity.FindProperty(nameof(Contact.Status))!;
            ClaimedAt = entity.FindProperty(nameof(Contact.ClaimedAt))!;
            ClaimedById = entity.FindProperty(nameof(Contact.ClaimedById))!;
            ClaimedByName = entity.FindProperty(nameof(Contact.ClaimedByName))!;
            CaseId = entity.FindProperty(nameof(Contact.CaseId))!;
        }

        public string Table { get; }

        public StoreObjectIdentifier Store { get; }

        public string Id { get; }

        public IProperty Status { get; }

        public IProperty ClaimedAt { get; }

        public IProperty ClaimedById { get; }

        public IProperty ClaimedByName { get; }

        public IProperty CaseId { get; }

        public string Name(IProperty property) => property.GetColumnName(Store)!;

        /// <summary>The value as EF stores it: through the property's value converter, if it has one.</summary>
        public object? Stored(IProperty property, object? value) =>
            property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }
}
