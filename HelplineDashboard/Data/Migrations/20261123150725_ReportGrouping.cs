using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelplineDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportGrouping : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_Line_ArrivedAt",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Line_ArrivedAt_Counted",
                table: "Contacts",
                columns: new[] { "Line", "ArrivedAt", "Status", "ClaimedAt", "AbandonedAt", "Channel", "Region", "Risk", "Urgent", "CaseId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_Line_ArrivedAt_Counted",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Line_ArrivedAt",
                table: "Contacts",
                columns: new[] { "Line", "ArrivedAt" });
        }
    }
}
