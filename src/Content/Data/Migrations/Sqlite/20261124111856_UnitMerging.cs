using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CchcSite.Content.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnitMerging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "MergedAt",
                table: "Units",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MergedIntoId",
                table: "Units",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IssuingUnitName",
                table: "Posts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Units_MergedIntoId",
                table: "Units",
                column: "MergedIntoId");

            migrationBuilder.AddForeignKey(
                name: "FK_Units_Units_MergedIntoId",
                table: "Units",
                column: "MergedIntoId",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Units_Units_MergedIntoId",
                table: "Units");

            migrationBuilder.DropIndex(
                name: "IX_Units_MergedIntoId",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "MergedAt",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "IssuingUnitName",
                table: "Posts");
        }
    }
}
