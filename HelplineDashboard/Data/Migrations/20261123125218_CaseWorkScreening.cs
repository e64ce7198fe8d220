using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace HelplineDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseWorkScreening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EarlierContacts",
                table: "Contacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastContactAt",
                table: "Contacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Categories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Group = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Categories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RiskScreenings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    ComputedRisk = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Risk = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AssessedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AssessedByName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    AssessedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Answers_ChildrenAtRisk = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Answers_Escalating = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Answers_FearForLife = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Answers_PerpetratorHasAccess = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Answers_Pregnancy = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Answers_RecentSeparation = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Answers_Stalking = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Answers_Strangulation = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Answers_ThreatsToKill = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Answers_Weapons = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskScreenings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskScreenings_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SafetyPlans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    SafeToTalk = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    SafeCallbackNumber = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    SafeFrom = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    SafeUntil = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    SafeTimesNote = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    CodeWord = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    DoNotCallBack = table.Column<bool>(type: "INTEGER", nullable: false),
                    DoNotSendSms = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SafetyPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SafetyPlans_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseCategories",
                columns: table => new
                {
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseCategories", x => new { x.CaseId, x.CategoryId });
                    table.ForeignKey(
                        name: "FK_CaseCategories_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseCategories_Categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "Categories",
                columns: new[] { "Id", "Group", "Name", "Retired", "SortOrder" },
                values: new object[,]
                {
                    { 1, "Domestic violence", "Physical", false, 10 },
                    { 2, "Domestic violence", "Psychological", false, 20 },
                    { 3, "Domestic violence", "Sexual", false, 30 },
                    { 4, "Domestic violence", "Economic", false, 40 },
                    { 5, "Bullying", "School", false, 50 },
                    { 6, "Bullying", "Cyber", false, 60 },
                    { 7, "Bullying", "Workplace", false, 70 },
                    { 8, "Child abuse and neglect", "Child abuse", false, 80 },
                    { 9, "Child abuse and neglect", "Child neglect", false, 90 },
                    { 10, "Gender-based violence", "Other gender-based violence", false, 100 },
                    { 11, "Legal questions", "Legal questions", false, 110 },
                    { 12, "Social protection (117)", "Benefits", false, 120 },
                    { 13, "Social protection (117)", "Disability", false, 130 },
                    { 14, "Social protection (117)", "Family support", false, 140 },
                    { 15, "Social protection (117)", "Employment", false, 150 },
                    { 16, "Mental health", "Mental health", false, 160 },
                    { 17, "Other", "Other", false, 170 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseCategories_CategoryId",
                table: "CaseCategories",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_Categories_Group_Name",
                table: "Categories",
                columns: new[] { "Group", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskScreenings_CaseId_AssessedAt",
                table: "RiskScreenings",
                columns: new[] { "CaseId", "AssessedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SafetyPlans_CaseId_RecordedAt",
                table: "SafetyPlans",
                columns: new[] { "CaseId", "RecordedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseCategories");

            migrationBuilder.DropTable(
                name: "RiskScreenings");

            migrationBuilder.DropTable(
                name: "SafetyPlans");

            migrationBuilder.DropTable(
                name: "Categories");

            migrationBuilder.DropColumn(
                name: "EarlierContacts",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "LastContactAt",
                table: "Contacts");
        }
    }
}
