using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CchcSite.Content.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QuestionProcedure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ProcedureId",
                table: "Submissions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_ProcedureId",
                table: "Submissions",
                column: "ProcedureId");

            migrationBuilder.AddForeignKey(
                name: "FK_Submissions_Procedures_ProcedureId",
                table: "Submissions",
                column: "ProcedureId",
                principalTable: "Procedures",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Submissions_Procedures_ProcedureId",
                table: "Submissions");

            migrationBuilder.DropIndex(
                name: "IX_Submissions_ProcedureId",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "ProcedureId",
                table: "Submissions");
        }
    }
}
