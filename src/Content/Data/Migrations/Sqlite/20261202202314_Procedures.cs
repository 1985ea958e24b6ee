using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CchcSite.Content.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Procedures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ItemId",
                table: "SearchOutbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "SearchOutbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProcedureTerms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    List = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false, collation: "vi"),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcedureTerms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Procedures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false, collation: "vi"),
                    FoldedName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    FieldId = table.Column<int>(type: "INTEGER", nullable: false),
                    LevelId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcedureType = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ImplementingBody = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CompetentBody = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    WhereToSubmit = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Steps = table.Column<string>(type: "TEXT", nullable: false),
                    ProcessingTime = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Fees = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FeeAmount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 0, nullable: true),
                    Subjects = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Requirements = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OnlineLevel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PortalUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionPostId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StatusSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReplacedByCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Dossier = table.Column<string>(type: "TEXT", nullable: true),
                    LegalBases = table.Column<string>(type: "TEXT", nullable: true),
                    Ways = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procedures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procedures_Posts_DecisionPostId",
                        column: x => x.DecisionPostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Procedures_ProcedureTerms_FieldId",
                        column: x => x.FieldId,
                        principalTable: "ProcedureTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Procedures_ProcedureTerms_LevelId",
                        column: x => x.LevelId,
                        principalTable: "ProcedureTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProcedureRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProcedureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ChangedFields = table.Column<string>(type: "TEXT", nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcedureRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcedureRevisions_Procedures_ProcedureId",
                        column: x => x.ProcedureId,
                        principalTable: "Procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProcedureUnit",
                columns: table => new
                {
                    ProcedureId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcedureUnit", x => new { x.ProcedureId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_ProcedureUnit_Procedures_ProcedureId",
                        column: x => x.ProcedureId,
                        principalTable: "Procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProcedureUnit_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureRevisions_DecisionNumber",
                table: "ProcedureRevisions",
                column: "DecisionNumber");

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureRevisions_ProcedureId_Number",
                table: "ProcedureRevisions",
                columns: new[] { "ProcedureId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procedures_Code",
                table: "Procedures",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procedures_DecisionPostId",
                table: "Procedures",
                column: "DecisionPostId");

            migrationBuilder.CreateIndex(
                name: "IX_Procedures_FieldId",
                table: "Procedures",
                column: "FieldId");

            migrationBuilder.CreateIndex(
                name: "IX_Procedures_LevelId",
                table: "Procedures",
                column: "LevelId");

            migrationBuilder.CreateIndex(
                name: "IX_Procedures_Status_FieldId",
                table: "Procedures",
                columns: new[] { "Status", "FieldId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureTerms_List_Slug",
                table: "ProcedureTerms",
                columns: new[] { "List", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureUnit_UnitId",
                table: "ProcedureUnit",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProcedureRevisions");

            migrationBuilder.DropTable(
                name: "ProcedureUnit");

            migrationBuilder.DropTable(
                name: "Procedures");

            migrationBuilder.DropTable(
                name: "ProcedureTerms");

            migrationBuilder.DropColumn(
                name: "ItemId",
                table: "SearchOutbox");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "SearchOutbox");
        }
    }
}
