using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CchcSite.Content.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnitListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Posts_UnitId_Kind_Status_PublishAt",
                table: "Posts",
                columns: new[] { "UnitId", "Kind", "Status", "PublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_UnitId_Status_PublishAt",
                table: "Posts",
                columns: new[] { "UnitId", "Status", "PublishAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Posts_UnitId_Kind_Status_PublishAt",
                table: "Posts");

            migrationBuilder.DropIndex(
                name: "IX_Posts_UnitId_Status_PublishAt",
                table: "Posts");
        }
    }
}
