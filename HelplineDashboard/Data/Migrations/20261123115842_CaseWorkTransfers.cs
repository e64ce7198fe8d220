using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace HelplineDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseWorkTransfers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Specialisms",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "CaseTransfers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Line = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    FromUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FromName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ToUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ToName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ToSpecialism = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RespondedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RespondedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RespondedByName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTransfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseTransfers_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Line = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueNotifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUps_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupportServices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Line = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Hours = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportServices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Line = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ConsentGiven = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReferredById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReferredByName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referrals_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_SupportServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "SupportServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "SupportServices",
                columns: new[] { "Id", "Active", "Address", "Hours", "Kind", "Line", "Name", "Phone", "Region" },
                values: new object[,]
                {
                    { 1010, true, null, "24/7", "Shelter", "111", "Abai women's shelter (demo entry)", "+7 000 000 00 10", "Abai" },
                    { 1011, true, null, "24/7", "CrisisCentre", "111", "Abai crisis centre (demo entry)", "+7 000 000 00 11", "Abai" },
                    { 1012, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "111", "Abai free legal aid office (demo entry)", "+7 000 000 00 12", "Abai" },
                    { 1013, true, null, "24/7", "Medical", "111", "Abai hospital emergency department (demo entry)", "+7 000 000 00 13", "Abai" },
                    { 1014, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "111", "Abai social protection office (demo entry)", "+7 000 000 00 14", "Abai" },
                    { 1020, true, null, "24/7", "Shelter", "111", "Akmola women's shelter (demo entry)", "+7 000 000 00 20", "Akmola" },
                    { 1021, true, null, "24/7", "CrisisCentre", "111", "Akmola crisis centre (demo entry)", "+7 000 000 00 21", "Akmola" },
                    { 1022, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "111", "Akmola free legal aid office (demo entry)", "+7 000 000 00 22", "Akmola" },
                    { 1023, true, null, "24/7", "Medical", "111", "Akmola hospital emergency department (demo entry)", "+7 000 000 00 23", "Akmola" },
                    { 1024, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "111", "Akmola social protection office (demo entry)", "+7 000 000 00 24", "Akmola" },
                    { 1030, true, null, "24/7", "Shelter", "111", "Aktobe women's shelter (demo entry)", "+7 000 000 00 30", "Aktobe" },
                    { 1031, true, null, "24/7", "CrisisCentre", "111", "Aktobe crisis centre (demo entry)", "+7 000 000 00 31", "Aktobe" },
                    { 1032, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "111", "Aktobe free legal aid office (demo entry)", "+7 000 000 00 32", "Aktobe" },
                    { 1033, true, null, "24/7", "Medical", "111", "Aktobe hospital emergency department (demo entry)", "+7 000 000 00 33", "Aktobe" },
                    { 1034, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "111", "Aktobe social protection office (demo entry)", "+7 000 000 00 34", "Aktobe" },
                    { 1040, true, null, "24/7", "Shelter", "111", "Almaty Region women's shelter (demo entry)", "+7 000 000 00 40", "Almaty Region" },
                    { 1041, true, null, "24/7", "CrisisCentre", "111", "Almaty Region crisis centre (demo entry)", "+7 000 000 00 41", "Almaty Region" },
                    { 1042, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "111", "Almaty Region free legal aid office (demo entry)", "+7 000 000 00 42", "Almaty Region" },
                    { 1043, true, null, "24/7", "Medical", "111", "Almaty Region hospital emergency department (demo entry)", "+7 000 000 00 43", "Almaty Region" },
                    { 1044, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "111", "Almaty Region social protection office (demo entry)", "+7 000 000 00 44", "Almaty Region" },
                    { 1050, true, null, "24/7", "Shelter", "111", "Atyrau women's shelter (demo entry)", "+7 000 000 00 50", "Atyrau" },
                    { 1051, true, null, "24/7", "CrisisCentre", "111", "Atyrau crisis centre (demo entry)", "+7 000 000 00 51", "Atyrau" },
                    { 1052, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "111", "Atyrau free legal aid office (demo entry)", "+7 000 000 00 52", "Atyrau" },
                    { 1053, true, null, "24/7", "Medical", "111", "Atyrau hospital emergency department (demo entry)", "+7 000 000 00 53", "Atyrau" },
                    { 1054, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "111", "Atyrau social protection office (demo entry)", "+7 000 000 00 54", "Atyrau" },
                    { 1060, true, null, "24/7", "Shelter", "111", "East Kazakhstan women's shelter (demo entry)", "+7 000 000 00 60", "East Kazakhstan" },
                    { 1061, true, null, "24/7", "CrisisCentre", "111", "East Kazakhstan crisis centre (demo entry)", "+7 000 000 00 61", "East Kazakhstan" },
                    { 1062, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "111", "East Kazakhstan free legal aid office (demo entry)", "+7 000 000 00 62", "East Kazakhstan" },
                    { 1063, true, null, "24/7", "Medical", "111", "East Kazakhstan hospital emergency department (demo entry)", "+7 000 000 00 63", "East Kazakhstan" },
                    { 1064, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "111", "East Kazakhstan social protection office (demo entry)", "+7 000 000 00 64", "East Kazakhstan" },
                    { 1070, true, null, "24/7", "Shelter", "111", "Jambyl women's shelter (demo entry)", "+7 000 000 00 70", "Jambyl" },
                    { 1071, true, null, "24/7", "CrisisCentre", "111", "Jambyl crisis centre (demo entry)", "+7 000 000 00 71", "Jambyl" },
                    { 1072, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "111", "Jambyl free legal aid office (demo entry)", "+7 000 000 00 72", "Jambyl" },
                    { 1073, true, null, "24/7", "Medical", "111", "Jambyl hospital emergency department (demo entry)", "+7 000 000 00 73", "Jambyl" },
                    { 1074, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "111", "Jambyl social protection office (demo entry)", "+7 000 000 00 74", "Jambyl" },
                    { 1080, true, null, "24/7", "Shelter", "111", "Jetisu women's shelter (demo entry)", "+7 000 000 00 80", "Jetisu" },
                    { 1081, true, null, "24/7", "CrisisCentre", "111", "Jetisu crisis centre (demo entry)", "+7 000 000 00 81", "Jetisu" },
                    { 1082, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "111", "Jetisu free legal aid office (demo entry)", "+7 000 000 00 82", "Jetisu" },
                    { 1083, true, null, "24/7", "Medical", "111", "Jetisu hospital emergency department (demo entry)", "+7 000 000 00 83", "Jetisu" },
                    { 1084, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "111", "Jetisu social protection office (demo entry)", "+7 000 000 00 84", "Jetisu" },
                    { 1090, true, null, "24/7", "Shelter", "111", "Karaganda women's shelter (demo entry)", "+7 000 000 00 90", "Karaganda" },
                    { 1091, true, null, "24/7", "CrisisCentre", "111", "Karaganda crisis centre (demo entry)", "+7 000 000 00 91", "Karaganda" },
                    { 1092, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "111", "Karaganda free legal aid office (demo entry)", "+7 000 000 00 92", "Karaganda" },
                    { 1093, true, null, "24/7", "Medical", "111", "Karaganda hospital emergency department (demo entry)", "+7 000 000 00 93", "Karaganda" },
                    { 1094, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "111", "Karaganda social protection office (demo entry)", "+7 000 000 00 94", "Karaganda" },
                    { 1100, true, null, "24/7", "Shelter", "111", "Kostanay women's shelter (demo entry)", "+7 000 000 01 00", "Kostanay" },
                    { 1101, true, null, "24/7", "CrisisCentre", "111", "Kostanay crisis centre (demo entry)", "+7 000 000 01 01", "Kostanay" },
                    { 1102, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "111", "Kostanay free legal aid office (demo entry)", "+7 000 000 01 02", "Kostanay" },
                    { 1103, true, null, "24/7", "Medical", "111", "Kostanay hospital emergency department (demo entry)", "+7 000 000 01 03", "Kostanay" },
                    { 1104, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "111", "Kostanay social protection office (demo entry)", "+7 000 000 01 04", "Kostanay" },
                    { 1110, true, null, "24/7", "Shelter", "111", "Kyzylorda women's shelter (demo entry)", "+7 000 000 01 10", "Kyzylorda" },
                    { 1111, true, null, "24/7", "CrisisCentre", "111", "Kyzylorda crisis centre (demo entry)", "+7 000 000 01 11", "Kyzylorda" },
                    { 1112, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "111", "Kyzylorda free legal aid office (demo entry)", "+7 000 000 01 12", "Kyzylorda" },
                    { 1113, true, null, "24/7", "Medical", "111", "Kyzylorda hospital emergency department (demo entry)", "+7 000 000 01 13", "Kyzylorda" },
                    { 1114, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "111", "Kyzylorda social protection office (demo entry)", "+7 000 000 01 14", "Kyzylorda" },
                    { 1120, true, null, "24/7", "Shelter", "111", "Mangystau women's shelter (demo entry)", "+7 000 000 01 20", "Mangystau" },
                    { 1121, true, null, "24/7", "CrisisCentre", "111", "Mangystau crisis centre (demo entry)", "+7 000 000 01 21", "Mangystau" },
                    { 1122, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "111", "Mangystau free legal aid office (demo entry)", "+7 000 000 01 22", "Mangystau" },
                    { 1123, true, null, "24/7", "Medical", "111", "Mangystau hospital emergency department (demo entry)", "+7 000 000 01 23", "Mangystau" },
                    { 1124, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "111", "Mangystau social protection office (demo entry)", "+7 000 000 01 24", "Mangystau" },
                    { 1130, true, null, "24/7", "Shelter", "111", "North Kazakhstan women's shelter (demo entry)", "+7 000 000 01 30", "North Kazakhstan" },
                    { 1131, true, null, "24/7", "CrisisCentre", "111", "North Kazakhstan crisis centre (demo entry)", "+7 000 000 01 31", "North Kazakhstan" },
                    { 1132, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "111", "North Kazakhstan free legal aid office (demo entry)", "+7 000 000 01 32", "North Kazakhstan" },
                    { 1133, true, null, "24/7", "Medical", "111", "North Kazakhstan hospital emergency department (demo entry)", "+7 000 000 01 33", "North Kazakhstan" },
                    { 1134, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "111", "North Kazakhstan social protection office (demo entry)", "+7 000 000 01 34", "North Kazakhstan" },
                    { 1140, true, null, "24/7", "Shelter", "111", "Pavlodar women's shelter (demo entry)", "+7 000 000 01 40", "Pavlodar" },
                    { 1141, true, null, "24/7", "CrisisCentre", "111", "Pavlodar crisis centre (demo entry)", "+7 000 000 01 41", "Pavlodar" },
                    { 1142, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "111", "Pavlodar free legal aid office (demo entry)", "+7 000 000 01 42", "Pavlodar" },
                    { 1143, true, null, "24/7", "Medical", "111", "Pavlodar hospital emergency department (demo entry)", "+7 000 000 01 43", "Pavlodar" },
                    { 1144, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "111", "Pavlodar social protection office (demo entry)", "+7 000 000 01 44", "Pavlodar" },
                    { 1150, true, null, "24/7", "Shelter", "111", "Turkistan women's shelter (demo entry)", "+7 000 000 01 50", "Turkistan" },
                    { 1151, true, null, "24/7", "CrisisCentre", "111", "Turkistan crisis centre (demo entry)", "+7 000 000 01 51", "Turkistan" },
                    { 1152, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "111", "Turkistan free legal aid office (demo entry)", "+7 000 000 01 52", "Turkistan" },
                    { 1153, true, null, "24/7", "Medical", "111", "Turkistan hospital emergency department (demo entry)", "+7 000 000 01 53", "Turkistan" },
                    { 1154, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "111", "Turkistan social protection office (demo entry)", "+7 000 000 01 54", "Turkistan" },
                    { 1160, true, null, "24/7", "Shelter", "111", "Ulytau women's shelter (demo entry)", "+7 000 000 01 60", "Ulytau" },
                    { 1161, true, null, "24/7", "CrisisCentre", "111", "Ulytau crisis centre (demo entry)", "+7 000 000 01 61", "Ulytau" },
                    { 1162, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "111", "Ulytau free legal aid office (demo entry)", "+7 000 000 01 62", "Ulytau" },
                    { 1163, true, null, "24/7", "Medical", "111", "Ulytau hospital emergency department (demo entry)", "+7 000 000 01 63", "Ulytau" },
                    { 1164, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "111", "Ulytau social protection office (demo entry)", "+7 000 000 01 64", "Ulytau" },
                    { 1170, true, null, "24/7", "Shelter", "111", "West Kazakhstan women's shelter (demo entry)", "+7 000 000 01 70", "West Kazakhstan" },
                    { 1171, true, null, "24/7", "CrisisCentre", "111", "West Kazakhstan crisis centre (demo entry)", "+7 000 000 01 71", "West Kazakhstan" },
                    { 1172, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "111", "West Kazakhstan free legal aid office (demo entry)", "+7 000 000 01 72", "West Kazakhstan" },
                    { 1173, true, null, "24/7", "Medical", "111", "West Kazakhstan hospital emergency department (demo entry)", "+7 000 000 01 73", "West Kazakhstan" },
                    { 1174, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "111", "West Kazakhstan social protection office (demo entry)", "+7 000 000 01 74", "West Kazakhstan" },
                    { 1180, true, null, "24/7", "Shelter", "111", "Astana women's shelter (demo entry)", "+7 000 000 01 80", "Astana" },
                    { 1181, true, null, "24/7", "CrisisCentre", "111", "Astana crisis centre (demo entry)", "+7 000 000 01 81", "Astana" },
                    { 1182, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "111", "Astana free legal aid office (demo entry)", "+7 000 000 01 82", "Astana" },
                    { 1183, true, null, "24/7", "Medical", "111", "Astana hospital emergency department (demo entry)", "+7 000 000 01 83", "Astana" },
                    { 1184, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "111", "Astana social protection office (demo entry)", "+7 000 000 01 84", "Astana" },
                    { 1190, true, null, "24/7", "Shelter", "111", "Almaty women's shelter (demo entry)", "+7 000 000 01 90", "Almaty" },
                    { 1191, true, null, "24/7", "CrisisCentre", "111", "Almaty crisis centre (demo entry)", "+7 000 000 01 91", "Almaty" },
                    { 1192, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "111", "Almaty free legal aid office (demo entry)", "+7 000 000 01 92", "Almaty" },
                    { 1193, true, null, "24/7", "Medical", "111", "Almaty hospital emergency department (demo entry)", "+7 000 000 01 93", "Almaty" },
                    { 1194, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "111", "Almaty social protection office (demo entry)", "+7 000 000 01 94", "Almaty" },
                    { 1200, true, null, "24/7", "Shelter", "111", "Shymkent women's shelter (demo entry)", "+7 000 000 02 00", "Shymkent" },
                    { 1201, true, null, "24/7", "CrisisCentre", "111", "Shymkent crisis centre (demo entry)", "+7 000 000 02 01", "Shymkent" },
                    { 1202, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "111", "Shymkent free legal aid office (demo entry)", "+7 000 000 02 02", "Shymkent" },
                    { 1203, true, null, "24/7", "Medical", "111", "Shymkent hospital emergency department (demo entry)", "+7 000 000 02 03", "Shymkent" },
                    { 1204, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "111", "Shymkent social protection office (demo entry)", "+7 000 000 02 04", "Shymkent" },
                    { 2010, true, null, "24/7", "Shelter", "117", "Batken women's shelter (demo entry)", "+996 000 000 010", "Batken" },
                    { 2011, true, null, "24/7", "CrisisCentre", "117", "Batken crisis centre (demo entry)", "+996 000 000 011", "Batken" },
                    { 2012, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "117", "Batken free legal aid office (demo entry)", "+996 000 000 012", "Batken" },
                    { 2013, true, null, "24/7", "Medical", "117", "Batken hospital emergency department (demo entry)", "+996 000 000 013", "Batken" },
                    { 2014, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "117", "Batken social protection office (demo entry)", "+996 000 000 014", "Batken" },
                    { 2020, true, null, "24/7", "Shelter", "117", "Chüy women's shelter (demo entry)", "+996 000 000 020", "Chüy" },
                    { 2021, true, null, "24/7", "CrisisCentre", "117", "Chüy crisis centre (demo entry)", "+996 000 000 021", "Chüy" },
                    { 2022, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "117", "Chüy free legal aid office (demo entry)", "+996 000 000 022", "Chüy" },
                    { 2023, true, null, "24/7", "Medical", "117", "Chüy hospital emergency department (demo entry)", "+996 000 000 023", "Chüy" },
                    { 2024, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "117", "Chüy social protection office (demo entry)", "+996 000 000 024", "Chüy" },
                    { 2030, true, null, "24/7", "Shelter", "117", "Issyk-Kul women's shelter (demo entry)", "+996 000 000 030", "Issyk-Kul" },
                    { 2031, true, null, "24/7", "CrisisCentre", "117", "Issyk-Kul crisis centre (demo entry)", "+996 000 000 031", "Issyk-Kul" },
                    { 2032, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "117", "Issyk-Kul free legal aid office (demo entry)", "+996 000 000 032", "Issyk-Kul" },
                    { 2033, true, null, "24/7", "Medical", "117", "Issyk-Kul hospital emergency department (demo entry)", "+996 000 000 033", "Issyk-Kul" },
                    { 2034, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "117", "Issyk-Kul social protection office (demo entry)", "+996 000 000 034", "Issyk-Kul" },
                    { 2040, true, null, "24/7", "Shelter", "117", "Jalal-Abad women's shelter (demo entry)", "+996 000 000 040", "Jalal-Abad" },
                    { 2041, true, null, "24/7", "CrisisCentre", "117", "Jalal-Abad crisis centre (demo entry)", "+996 000 000 041", "Jalal-Abad" },
                    { 2042, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "117", "Jalal-Abad free legal aid office (demo entry)", "+996 000 000 042", "Jalal-Abad" },
                    { 2043, true, null, "24/7", "Medical", "117", "Jalal-Abad hospital emergency department (demo entry)", "+996 000 000 043", "Jalal-Abad" },
                    { 2044, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "117", "Jalal-Abad social protection office (demo entry)", "+996 000 000 044", "Jalal-Abad" },
                    { 2050, true, null, "24/7", "Shelter", "117", "Naryn women's shelter (demo entry)", "+996 000 000 050", "Naryn" },
                    { 2051, true, null, "24/7", "CrisisCentre", "117", "Naryn crisis centre (demo entry)", "+996 000 000 051", "Naryn" },
                    { 2052, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "117", "Naryn free legal aid office (demo entry)", "+996 000 000 052", "Naryn" },
                    { 2053, true, null, "24/7", "Medical", "117", "Naryn hospital emergency department (demo entry)", "+996 000 000 053", "Naryn" },
                    { 2054, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "117", "Naryn social protection office (demo entry)", "+996 000 000 054", "Naryn" },
                    { 2060, true, null, "24/7", "Shelter", "117", "Osh Region women's shelter (demo entry)", "+996 000 000 060", "Osh Region" },
                    { 2061, true, null, "24/7", "CrisisCentre", "117", "Osh Region crisis centre (demo entry)", "+996 000 000 061", "Osh Region" },
                    { 2062, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "117", "Osh Region free legal aid office (demo entry)", "+996 000 000 062", "Osh Region" },
                    { 2063, true, null, "24/7", "Medical", "117", "Osh Region hospital emergency department (demo entry)", "+996 000 000 063", "Osh Region" },
                    { 2064, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "117", "Osh Region social protection office (demo entry)", "+996 000 000 064", "Osh Region" },
                    { 2070, true, null, "24/7", "Shelter", "117", "Talas women's shelter (demo entry)", "+996 000 000 070", "Talas" },
                    { 2071, true, null, "24/7", "CrisisCentre", "117", "Talas crisis centre (demo entry)", "+996 000 000 071", "Talas" },
                    { 2072, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "117", "Talas free legal aid office (demo entry)", "+996 000 000 072", "Talas" },
                    { 2073, true, null, "24/7", "Medical", "117", "Talas hospital emergency department (demo entry)", "+996 000 000 073", "Talas" },
                    { 2074, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "117", "Talas social protection office (demo entry)", "+996 000 000 074", "Talas" },
                    { 2080, true, null, "24/7", "Shelter", "117", "Bishkek women's shelter (demo entry)", "+996 000 000 080", "Bishkek" },
                    { 2081, true, null, "24/7", "CrisisCentre", "117", "Bishkek crisis centre (demo entry)", "+996 000 000 081", "Bishkek" },
                    { 2082, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "117", "Bishkek free legal aid office (demo entry)", "+996 000 000 082", "Bishkek" },
                    { 2083, true, null, "24/7", "Medical", "117", "Bishkek hospital emergency department (demo entry)", "+996 000 000 083", "Bishkek" },
                    { 2084, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "117", "Bishkek social protection office (demo entry)", "+996 000 000 084", "Bishkek" },
                    { 2090, true, null, "24/7", "Shelter", "117", "Osh women's shelter (demo entry)", "+996 000 000 090", "Osh" },
                    { 2091, true, null, "24/7", "CrisisCentre", "117", "Osh crisis centre (demo entry)", "+996 000 000 091", "Osh" },
                    { 2092, true, null, "Mon–Fri 09:00–18:00", "LegalAid", "117", "Osh free legal aid office (demo entry)", "+996 000 000 092", "Osh" },
                    { 2093, true, null, "24/7", "Medical", "117", "Osh hospital emergency department (demo entry)", "+996 000 000 093", "Osh" },
                    { 2094, true, null, "Mon–Fri 09:00–18:00", "SocialProtection", "117", "Osh social protection office (demo entry)", "+996 000 000 094", "Osh" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransfers_CaseId_Status",
                table: "CaseTransfers",
                columns: new[] { "CaseId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransfers_OnePendingPerCase",
                table: "CaseTransfers",
                column: "CaseId",
                unique: true,
                filter: "\"Status\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransfers_Status_Line_ToSpecialism",
                table: "CaseTransfers",
                columns: new[] { "Status", "Line", "ToSpecialism" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransfers_Status_ToUserId",
                table: "CaseTransfers",
                columns: new[] { "Status", "ToUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_CaseId",
                table: "FollowUps",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_Line_Status_DueAt",
                table: "FollowUps",
                columns: new[] { "Line", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_OwnerId_Status_DueAt",
                table: "FollowUps",
                columns: new[] { "OwnerId", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_Status_DueNotifiedAt_DueAt",
                table: "FollowUps",
                columns: new[] { "Status", "DueNotifiedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_CaseId_CreatedAt",
                table: "Referrals",
                columns: new[] { "CaseId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ServiceId",
                table: "Referrals",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportServices_Line_Region_Kind",
                table: "SupportServices",
                columns: new[] { "Line", "Region", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseTransfers");

            migrationBuilder.DropTable(
                name: "FollowUps");

            migrationBuilder.DropTable(
                name: "Referrals");

            migrationBuilder.DropTable(
                name: "SupportServices");

            migrationBuilder.DropColumn(
                name: "Specialisms",
                table: "AspNetUsers");
        }
    }
}
