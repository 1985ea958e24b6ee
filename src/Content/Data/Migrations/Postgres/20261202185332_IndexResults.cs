using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CchcSite.Content.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IndexResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndexDefinitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Assessor = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Scale = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MaxScore = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    HigherIsBetter = table.Column<bool>(type: "boolean", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexDefinitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndexComponent",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndexDefinitionId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    MaxScore = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    FromYear = table.Column<int>(type: "integer", nullable: false),
                    ToYear = table.Column<int>(type: "integer", nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexComponent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndexComponent_IndexDefinitions_IndexDefinitionId",
                        column: x => x.IndexDefinitionId,
                        principalTable: "IndexDefinitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndexResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndexDefinitionId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Grouping = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    WithinUnitId = table.Column<int>(type: "integer", nullable: true),
                    PublisherUnitId = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: true),
                    RankedOf = table.Column<int>(type: "integer", nullable: true),
                    SourceTitle = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    SourcePostId = table.Column<int>(type: "integer", nullable: true),
                    AnnouncedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndexResults_IndexDefinitions_IndexDefinitionId",
                        column: x => x.IndexDefinitionId,
                        principalTable: "IndexDefinitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndexResults_Posts_SourcePostId",
                        column: x => x.SourcePostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_IndexResults_Units_PublisherUnitId",
                        column: x => x.PublisherUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndexResults_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndexResults_Units_WithinUnitId",
                        column: x => x.WithinUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndexComponentScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Score = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    IndexResultId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexComponentScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndexComponentScores_IndexResults_IndexResultId",
                        column: x => x.IndexResultId,
                        principalTable: "IndexResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndexResultCorrection",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndexResultId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Score = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: true),
                    RankedOf = table.Column<int>(type: "integer", nullable: true),
                    ComponentsText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexResultCorrection", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndexResultCorrection_IndexResults_IndexResultId",
                        column: x => x.IndexResultId,
                        principalTable: "IndexResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndexComponent_IndexDefinitionId_Code_FromYear",
                table: "IndexComponent",
                columns: new[] { "IndexDefinitionId", "Code", "FromYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndexComponentScores_IndexResultId",
                table: "IndexComponentScores",
                column: "IndexResultId");

            migrationBuilder.CreateIndex(
                name: "IX_IndexDefinitions_Code",
                table: "IndexDefinitions",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndexResultCorrection_IndexResultId",
                table: "IndexResultCorrection",
                column: "IndexResultId");

            migrationBuilder.CreateIndex(
                name: "IX_IndexResults_IndexDefinitionId_Year_UnitId",
                table: "IndexResults",
                columns: new[] { "IndexDefinitionId", "Year", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndexResults_PublisherUnitId",
                table: "IndexResults",
                column: "PublisherUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_IndexResults_SourcePostId",
                table: "IndexResults",
                column: "SourcePostId");

            migrationBuilder.CreateIndex(
                name: "IX_IndexResults_UnitId",
                table: "IndexResults",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_IndexResults_WithinUnitId",
                table: "IndexResults",
                column: "WithinUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndexComponent");

            migrationBuilder.DropTable(
                name: "IndexComponentScores");

            migrationBuilder.DropTable(
                name: "IndexResultCorrection");

            migrationBuilder.DropTable(
                name: "IndexResults");

            migrationBuilder.DropTable(
                name: "IndexDefinitions");
        }
    }
}
