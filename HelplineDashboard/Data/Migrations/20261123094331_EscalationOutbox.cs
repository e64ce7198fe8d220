using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelplineDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class EscalationOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Escalations_Status_RequestedAt",
                table: "Escalations");

            migrationBuilder.RenameColumn(
                name: "Reason",
                table: "Escalations",
                newName: "Summary");

            migrationBuilder.AddColumn<DateTime>(
                name: "AlarmRaisedAt",
                table: "Escalations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ChildrenPresent",
                table: "Escalations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Line",
                table: "Escalations",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OperatorReference",
                table: "Escalations",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PeopleAtRisk",
                table: "Escalations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "PhonedManuallyAt",
                table: "Escalations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhonedManuallyById",
                table: "Escalations",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhonedManuallyByName",
                table: "Escalations",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SentAt",
                table: "Escalations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "StatusChangedAt",
                table: "Escalations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TargetName",
                table: "Escalations",
                type: "TEXT",
                maxLength: 128,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "WeaponsMentioned",
                table: "Escalations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Escalations written before this migration belonged to a case on its line and went to the police.
            migrationBuilder.Sql("UPDATE Escalations SET Line = (SELECT Line FROM Cases WHERE Cases.Id = Escalations.CaseId), TargetName = 'Police', StatusChangedAt = RequestedAt");

            migrationBuilder.CreateTable(
                name: "EscalationDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EscalationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EscalationDeliveries_Escalations_EscalationId",
                        column: x => x.EscalationId,
                        principalTable: "Escalations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EscalationEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EscalationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EscalationEvents_Escalations_EscalationId",
                        column: x => x.EscalationId,
                        principalTable: "Escalations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_Line_RequestedAt",
                table: "Escalations",
                columns: new[] { "Line", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_Status_AlarmRaisedAt",
                table: "Escalations",
                columns: new[] { "Status", "AlarmRaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EscalationDeliveries_EscalationId",
                table: "EscalationDeliveries",
                column: "EscalationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EscalationDeliveries_State_NextAttemptAt",
                table: "EscalationDeliveries",
                columns: new[] { "State", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EscalationEvents_EscalationId_At",
                table: "EscalationEvents",
                columns: new[] { "EscalationId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EscalationDeliveries");

            migrationBuilder.DropTable(
                name: "EscalationEvents");

            migrationBuilder.DropIndex(
                name: "IX_Escalations_Line_RequestedAt",
                table: "Escalations");

            migrationBuilder.DropIndex(
                name: "IX_Escalations_Status_AlarmRaisedAt",
                table: "Escalations");

            migrationBuilder.DropColumn(
                name: "AlarmRaisedAt",
                table: "Escalations");

            migrationBuilder.DropColumn(
                name: "ChildrenPresent",
                table: "Escalations");

            migrationBuilder.DropColumn(
                name: "Line",
                table: "Escalations");

            migrationBuilder.DropColumn(
                name: "OperatorReference",
                table: "Escalations");

            migrationBuilder.DropColumn(
                name: "PeopleAtRisk",
                table: "Escalations");

            migrationBuilder.DropColumn(
                name: "PhonedManuallyAt",
                table: "Escalations");

            migrationBuilder.DropColumn(
                name: "PhonedManuallyById",
                table: "Escalations");

            migrationBuilder.DropColumn(
                name: "PhonedManuallyByName",
                table: "Escalations");

            migrationBuilder.DropColumn(
                name: "SentAt",
                table: "Escalations");

            migrationBuilder.DropColumn(
                name: "StatusChangedAt",
                table: "Escalations");

            migrationBuilder.DropColumn(
                name: "TargetName",
                table: "Escalations");

            migrationBuilder.DropColumn(
                name: "WeaponsMentioned",
                table: "Escalations");

            migrationBuilder.RenameColumn(
                name: "Summary",
                table: "Escalations",
                newName: "Reason");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_Status_RequestedAt",
                table: "Escalations",
                columns: new[] { "Status", "RequestedAt" });
        }
    }
}
