using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CchcSite.Content.Data.Migrations
{
    /// <inheritdoc />
    public partial class PostRetirementAndSlugHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReplacedByPostId",
                table: "Posts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Retirement",
                table: "Posts",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PostSlugHistory",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PostId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostSlugHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostSlugHistory_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_ReplacedByPostId",
                table: "Posts",
                column: "ReplacedByPostId");

            migrationBuilder.CreateIndex(
                name: "IX_PostSlugHistory_PostId",
                table: "PostSlugHistory",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_PostSlugHistory_UnitId_Slug",
                table: "PostSlugHistory",
                columns: new[] { "UnitId", "Slug" });

            migrationBuilder.AddForeignKey(
                name: "FK_Posts_Posts_ReplacedByPostId",
                table: "Posts",
                column: "ReplacedByPostId",
                principalTable: "Posts",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Posts_Posts_ReplacedByPostId",
                table: "Posts");

            migrationBuilder.DropTable(
                name: "PostSlugHistory");

            migrationBuilder.DropIndex(
                name: "IX_Posts_ReplacedByPostId",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "ReplacedByPostId",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "Retirement",
                table: "Posts");
        }
    }
}
