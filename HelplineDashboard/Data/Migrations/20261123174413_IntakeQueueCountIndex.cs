using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelplineDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class IntakeQueueCountIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_Status_Line_Risk_ArrivedAt",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Status_Line_Risk_Urgent_ArrivedAt",
                table: "Contacts",
                columns: new[] { "Status", "Line", "Risk", "Urgent", "ArrivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_Status_Line_Risk_Urgent_ArrivedAt",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Status_Line_Risk_ArrivedAt",
                table: "Contacts",
                columns: new[] { "Status", "Line", "Risk", "ArrivedAt" });
        }
    }
}
