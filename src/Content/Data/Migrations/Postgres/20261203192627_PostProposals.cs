using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CchcSite.Content.Data.Migrations.Postgres
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
                type: "boolean",
                nullable: false,
                // Units that existed before proposals keep listing their sub-units' posts, as they always did.
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "PostProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PostId = table.Column<int>(type: "integer", nullable: false),
                    TargetUnitId = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ProposedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProposedById = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ProposedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedById = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
