using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CchcSite.Content.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Upward : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SubmittedReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    OverseerUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedById = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SubmittedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FiguresJson = table.Column<string>(type: "TEXT", nullable: false),
                    Results = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Limitations = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Proposals = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReviewComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReviewedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmittedReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubmittedReports_Units_OverseerUnitId",
                        column: x => x.OverseerUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SubmittedReports_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UnitOversights",
                columns: table => new
                {
                    OverseerUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    OverseenUnitId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitOversights", x => new { x.OverseerUnitId, x.OverseenUnitId });
                    table.ForeignKey(
                        name: "FK_UnitOversights_Units_OverseenUnitId",
                        column: x => x.OverseenUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UnitOversights_Units_OverseerUnitId",
                        column: x => x.OverseerUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SubmittedReports_OverseerUnitId_PeriodKind_Year_Quarter",
                table: "SubmittedReports",
                columns: new[] { "OverseerUnitId", "PeriodKind", "Year", "Quarter" });

            migrationBuilder.CreateIndex(
                name: "IX_SubmittedReports_UnitId_PeriodKind_Year_Quarter_Version",
                table: "SubmittedReports",
                columns: new[] { "UnitId", "PeriodKind", "Year", "Quarter", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitOversights_OverseenUnitId",
                table: "UnitOversights",
                column: "OverseenUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SubmittedReports");

            migrationBuilder.DropTable(
                name: "UnitOversights");
        }
    }
}
