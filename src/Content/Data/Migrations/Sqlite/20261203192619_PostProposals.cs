using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CchcSite.Content.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PostProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AcceptsSubUnitPostsAutomatically",
                table: "Units",
                type: "INTEGER",
                nullable: false,
                // Units that existed before proposals keep listing their sub-units' posts, as they always did.
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "PostProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PostId = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ProposedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProposedById = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProposedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedById = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostProposals_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PostProposals_Units_TargetUnitId",
                        column: x => x.TargetUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PostProposals_PostId_TargetUnitId",
                table: "PostProposals",
                columns: new[] { "PostId", "TargetUnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PostProposals_TargetUnitId_State",
                table: "PostProposals",
                columns: new[] { "TargetUnitId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PostProposals");

            migrationBuilder.DropColumn(
                name: "AcceptsSubUnitPostsAutomatically",
                table: "Units");
        }
    }
}
