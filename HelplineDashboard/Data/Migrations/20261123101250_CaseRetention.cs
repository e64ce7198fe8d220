using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelplineDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AnonymisedAt",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status_AnonymisedAt_ClosedAt",
                table: "Cases",
                columns: new[] { "Status", "AnonymisedAt", "ClosedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Status_AnonymisedAt_ClosedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "AnonymisedAt",
                table: "Cases");
        }
    }
}
