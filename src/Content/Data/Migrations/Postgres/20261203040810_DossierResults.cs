using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CchcSite.Content.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DossierResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DossierResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    FieldId = table.Column<int>(type: "integer", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Figures_Apologies = table.Column<int>(type: "integer", nullable: false),
                    Figures_PendingInTime = table.Column<int>(type: "integer", nullable: false),
                    Figures_PendingOverdue = table.Column<int>(type: "integer", nullable: false),
                    Figures_Received = table.Column<int>(type: "integer", nullable: false),
                    Figures_ReceivedOnline = table.Column<int>(type: "integer", nullable: false),
                    Figures_ResolvedLate = table.Column<int>(type: "integer", nullable: false),
                    Figures_ResolvedOnTime = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierResults_ProcedureTerms_FieldId",
                        column: x => x.FieldId,
                        principalTable: "ProcedureTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DossierResults_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DossierResults_FieldId",
                table: "DossierResults",
                column: "FieldId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierResults_UnitId_Year_Month_FieldId",
                table: "DossierResults",
                columns: new[] { "UnitId", "Year", "Month", "FieldId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DossierResults_Year_Month",
                table: "DossierResults",
                columns: new[] { "Year", "Month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DossierResults");
        }
    }
}
