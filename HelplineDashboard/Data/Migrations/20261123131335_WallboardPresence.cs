using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelplineDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class WallboardPresence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LineThresholdSettings",
                columns: table => new
                {
                    Line = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ServiceLevelSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    ShortAbandonSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    LongestWaitAlarmSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedByName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LineThresholdSettings", x => x.Line);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Line_ArrivedAt",
                table: "Contacts",
                columns: new[] { "Line", "ArrivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LineThresholdSettings");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_Line_ArrivedAt",
                table: "Contacts");
        }
    }
}
