using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CchcSite.Content.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Plans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PlanItemId",
                table: "Posts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Plans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    DocumentPostId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Plans_Posts_DocumentPostId",
                        column: x => x.DocumentPostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Plans_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Content = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Form = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LeadName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    LeadUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    Timing = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DueMonths = table.Column<string>(type: "TEXT", nullable: false),
                    TimingText = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ExpectedOutput = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanItems_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanItems_Units_LeadUnitId",
                        column: x => x.LeadUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PlanItemCoordinators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    PlanItemId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanItemCoordinators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanItemCoordinators_PlanItems_PlanItemId",
                        column: x => x.PlanItemId,
                        principalTable: "PlanItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanItemCoordinators_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_PlanItemId",
                table: "Posts",
                column: "PlanItemId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanItemCoordinators_PlanItemId",
                table: "PlanItemCoordinators",
                column: "PlanItemId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanItemCoordinators_UnitId",
                table: "PlanItemCoordinators",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanItems_LeadUnitId",
                table: "PlanItems",
                column: "LeadUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanItems_PlanId_Order",
                table: "PlanItems",
                columns: new[] { "PlanId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_Plans_DocumentPostId",
                table: "Plans",
                column: "DocumentPostId");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_UnitId_Year",
                table: "Plans",
                columns: new[] { "UnitId", "Year" });

            migrationBuilder.AddForeignKey(
                name: "FK_Posts_PlanItems_PlanItemId",
                table: "Posts",
                column: "PlanItemId",
                principalTable: "PlanItems",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Posts_PlanItems_PlanItemId",
                table: "Posts");

            migrationBuilder.DropTable(
                name: "PlanItemCoordinators");

            migrationBuilder.DropTable(
                name: "PlanItems");

            migrationBuilder.DropTable(
                name: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_Posts_PlanItemId",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "PlanItemId",
                table: "Posts");
        }
    }
}
