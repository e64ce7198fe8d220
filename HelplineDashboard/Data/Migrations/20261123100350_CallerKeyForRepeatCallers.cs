using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelplineDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class CallerKeyForRepeatCallers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CallerKey",
                table: "Contacts",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_CallerKey_ArrivedAt",
                table: "Contacts",
                columns: new[] { "CallerKey", "ArrivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_CallerKey_ArrivedAt",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "CallerKey",
                table: "Contacts");
        }
    }
}
