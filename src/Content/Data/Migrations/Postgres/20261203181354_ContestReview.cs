using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CchcSite.Content.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ContestReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ApproverId",
                table: "Contests",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastEditorId",
                table: "Contests",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAt",
                table: "Contests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewNote",
                table: "Contests",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmittedById",
                table: "Contests",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            // A contest published before review existed was announced then: it must not be announced again.
            migrationBuilder.Sql("UPDATE \"Contests\" SET \"PublishedAt\" = \"UpdatedAt\" WHERE \"Status\" = 'Published';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ApproverId",
                table: "Contests");

            migrationBuilder.DropColumn(
                name: "LastEditorId",
                table: "Contests");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "Contests");

            migrationBuilder.DropColumn(
                name: "ReviewNote",
                table: "Contests");

            migrationBuilder.DropColumn(
                name: "SubmittedById",
                table: "Contests");
        }
    }
}
