using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CchcSite.Content.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Oversight : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "IX_UnitOversights_OverseenUnitId",
                table: "UnitOversights",
                column: "OverseenUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UnitOversights");
        }
    }
}
